using Terminal.EmvKernel.Crypto;

namespace Terminal.Firmware.Core.HostLink.Security
{
    /// <summary>
    /// Encipherment of sensitive card data in transit (PAN, track 2 equivalent data) as a
    /// <see cref="CardDataRecord"/> under a data key, CBC with a zero IV (the mode of the X9.24 data-encryption
    /// test data; the IV is zero because each DUKPT key enciphers only one message):
    /// <list type="bullet">
    /// <item>TDES DUKPT (ANSI X9.24-1:2009 A.4): the data request key, the transaction key xor
    /// 0000000000FF0000 0000000000FF0000 then the one-way step TDES(Kv, Kv left) | TDES(Kv, Kv right)
    /// (<see cref="TdesDukpt.DataRequestKey"/>); TDES-CBC, 8-byte blocks.</item>
    /// <item>AES DUKPT (ANSI X9.24-3:2017 6.3.4): the AES-128 working key of usage 3000 (data encryption);
    /// AES-CBC, 16-byte blocks.</item>
    /// <item>UnionPay master/session keys: the track key (TDK, sign-on key mode 004) with field 53.3 = 1;
    /// TDES-CBC like TDES DUKPT [K: the exact UnionPay track algorithm (which bytes of track 2 are enciphered
    /// and how they travel in DE 35/36) could not be verified; this is the generic record, not the UnionPay
    /// in-place method].</item>
    /// </list>
    /// Deciphering failures (wrong key, KSN or bytes) are <see cref="SecurityException"/> with
    /// <see cref="SecurityError.CardDataUndecipherable"/>; messages never contain the data.
    /// </summary>
    public static class CardDataEncryption
    {
        /// <summary>TDES block length.</summary>
        public const int TdesBlock = 8;
        /// <summary>AES block length.</summary>
        public const int AesBlock = 16;
        /// <summary>Largest enciphered record: both elements at their longest, padded to AES blocks (2+19+2+37 = 60 -> 64).</summary>
        public const int MaxEncipheredLength = 64;

        /// <summary>The TDES DUKPT data (request) key of a transaction key (X9.24-1 A.4 variant and one-way step).</summary>
        public static byte[] TdesDataKey(byte[] transactionKey)
        {
            return TdesDukpt.DataRequestKey(transactionKey);
        }

        /// <summary>The AES DUKPT data encryption key (usage 3000, AES-128) of a transaction key and its KSN.</summary>
        public static byte[] AesDataKey(byte[] transactionKey, byte[] ksn)
        {
            return AesDukpt.DeriveWorkingKey(transactionKey, ksn, AesDukpt.UsageDataEncryption, AesDukpt.AlgorithmAes128, 128);
        }

        /// <summary>The record TDES-CBC (zero IV) under a double-length data key (TDES DUKPT data key or UnionPay TDK).</summary>
        public static byte[] EncipherTdes(byte[] dataKey, CardDataRecord record)
        {
            KeyBytes.RequireLength(dataKey, 16, 16, "data key");
            CheckRecord(record);
            byte[] clear = record.Encode(TdesBlock);
            byte[] result = DesCipher.Encrypt(dataKey, new byte[TdesBlock], clear, 0, clear.Length);
            KeyBytes.Wipe(clear);
            return result;
        }

        /// <summary>Inverse of <see cref="EncipherTdes"/>.</summary>
        public static CardDataRecord DecipherTdes(byte[] dataKey, byte[] enciphered)
        {
            KeyBytes.RequireLength(dataKey, 16, 16, "data key");
            CheckEnciphered(enciphered, TdesBlock);
            return Decode(DesCipher.Decrypt(dataKey, new byte[TdesBlock], enciphered, 0, enciphered.Length));
        }

        /// <summary>The record AES-CBC (zero IV) under an AES data key (16, 24 or 32 bytes).</summary>
        public static byte[] EncipherAes(byte[] dataKey, CardDataRecord record)
        {
            CheckAesKey(dataKey);
            CheckRecord(record);
            byte[] clear = record.Encode(AesBlock);
            byte[] result = AesCipher.Encrypt(dataKey, new byte[AesBlock], clear, 0, clear.Length);
            KeyBytes.Wipe(clear);
            return result;
        }

        /// <summary>Inverse of <see cref="EncipherAes"/>.</summary>
        public static CardDataRecord DecipherAes(byte[] dataKey, byte[] enciphered)
        {
            CheckAesKey(dataKey);
            CheckEnciphered(enciphered, AesBlock);
            return Decode(AesCipher.Decrypt(dataKey, new byte[AesBlock], enciphered, 0, enciphered.Length));
        }

        private static CardDataRecord Decode(byte[] clear)
        {
            try
            {
                return CardDataRecord.Decode(clear);
            }
            finally
            {
                KeyBytes.Wipe(clear);
            }
        }

        private static void CheckRecord(CardDataRecord record)
        {
            if (record == null) throw new SecurityException(SecurityError.BadCardData, "no card data to encipher");
        }

        private static void CheckAesKey(byte[] key)
        {
            if (key == null || (key.Length != 16 && key.Length != 24 && key.Length != 32))
                throw new SecurityException(SecurityError.BadKeyLength, "an AES data key has 16, 24 or 32 bytes");
        }

        private static void CheckEnciphered(byte[] enciphered, int block)
        {
            if (enciphered == null || enciphered.Length == 0 || enciphered.Length % block != 0 || enciphered.Length > MaxEncipheredLength)
                throw new SecurityException(SecurityError.CardDataUndecipherable, "enciphered card data has a wrong length");
        }
    }
}
