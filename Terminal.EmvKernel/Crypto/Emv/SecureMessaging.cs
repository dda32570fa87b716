using Terminal.EmvKernel.Util;
namespace Terminal.EmvKernel.Crypto.Emv
{
    /// <summary>
    /// Secure messaging for issuer script commands (EMV 4.4 Book 2, section 9): the command MAC for integrity
    /// (9.2, format 2: the MAC follows the plain or enciphered data) and data encipherment for confidentiality
    /// (9.3). The issuer builds commands; the card verifies and deciphers them. Keys are the SMI and SMC
    /// session keys (see <see cref="CryptogramVersion.DeriveSecureMessagingKey"/>).
    /// </summary>
    public static class SecureMessaging
    {
        /// <summary>Length of the command MAC used here (EMV allows 4 to 8 bytes; the schemes in the vectors use 8).</summary>
        public const int MacLength = 8;

        /// <summary>Length of a command header CLA INS P1 P2 Lc.</summary>
        public const int HeaderLength = 5;

        /// <summary>
        /// MAC input (EMV 4.4 Book 2, 9.2.3): header CLA INS P1 P2 Lc (5 bytes, Lc counting the MAC), then, when
        /// the scheme binds the script to the transaction, ATC (2 bytes) || ARQC (8 bytes), then the command data
        /// (plain or enciphered; null or empty when none). Pass atc and arqc both null to leave them out.
        /// </summary>
        public static byte[] CommandMacData(byte[] header, byte[] atc, byte[] arqc, byte[] data)
        {
            EmvBytes.RequireLength(header, HeaderLength, "command header");
            byte[] commandData = data == null ? new byte[0] : data;
            if (atc == null && arqc == null) return Bytes.Concat(header, commandData);
            EmvBytes.RequireLength(atc, 2, "ATC");
            EmvBytes.RequireLength(arqc, 8, "ARQC");
            return Bytes.Concat(Bytes.Concat(header, atc), arqc, commandData);
        }

        /// <summary>
        /// Command MAC (EMV 4.4 Book 2, 9.2.3 and Annex A1.2): ISO/IEC 9797-1 MAC algorithm 3, padding method 2,
        /// with the 16-byte SMI session key over macData; 8 bytes. The MAC runs on the portable
        /// <see cref="Iso9797Mac"/>; the provider argument keeps the calls of the layer uniform.
        /// </summary>
        public static byte[] CommandMac(ICryptoProvider provider, byte[] smiSessionKey, byte[] macData)
        {
            EmvBytes.RequireNotNull(provider, "provider");
            EmvBytes.RequireDoubleLengthKey(smiSessionKey, "SMI session key");
            EmvBytes.RequireNotNull(macData, "MAC data");
            return EmvBytes.RetailMac(smiSessionKey, macData, Iso9797PaddingMethod.Method2);
        }

        /// <summary>
        /// Builds a secured command: CLA INS P1 P2 (4 bytes, CLA with the secure messaging bits, e.g. '84'),
        /// Lc = data length + 8, data (may be null), MAC. atc and arqc as in <see cref="CommandMacData"/>.
        /// </summary>
        public static byte[] BuildCommand(ICryptoProvider provider, byte[] smiSessionKey, byte[] claInsP1P2, byte[] data, byte[] atc, byte[] arqc)
        {
            EmvBytes.RequireLength(claInsP1P2, 4, "CLA INS P1 P2");
            byte[] commandData = data == null ? new byte[0] : data;
            if (commandData.Length + MacLength > 255)
                throw new EmvCryptoException(EmvCryptoError.InvalidDataLength, "command data must leave room for the MAC within Lc (at most 247 bytes)");
            byte[] header = new byte[HeaderLength];
            System.Array.Copy(claInsP1P2, 0, header, 0, 4);
            header[4] = (byte)(commandData.Length + MacLength);
            byte[] mac = CommandMac(provider, smiSessionKey, CommandMacData(header, atc, arqc, commandData));
            return Bytes.Concat(header, commandData, mac);
        }

        /// <summary>
        /// The card's check of a secured command (header, data, 8-byte MAC; no Le): true when Lc matches the
        /// command length and the MAC is right (fixed-time compare). A malformed command is false, not an error.
        /// </summary>
        public static bool VerifyCommand(ICryptoProvider provider, byte[] smiSessionKey, byte[] command, byte[] atc, byte[] arqc)
        {
            EmvBytes.RequireDoubleLengthKey(smiSessionKey, "SMI session key");
            int dataLength = CommandDataLength(command);
            if (dataLength < 0) return false;
            byte[] header = Bytes.Slice(command, 0, HeaderLength);
            byte[] data = Bytes.Slice(command, HeaderLength, dataLength);
            byte[] mac = Bytes.Slice(command, HeaderLength + dataLength, MacLength);
            return Bytes.FixedTimeEquals(CommandMac(provider, smiSessionKey, CommandMacData(header, atc, arqc, data)), mac);
        }

        /// <summary>
        /// The data field of a secured command without its MAC, or null when the command is malformed
        /// (shorter than header + MAC, or Lc not matching). Does not check the MAC.
        /// </summary>
        public static byte[] CommandData(byte[] command)
        {
            int dataLength = CommandDataLength(command);
            return dataLength < 0 ? null : Bytes.Slice(command, HeaderLength, dataLength);
        }

        /// <summary>
        /// Enciphers command data with the 16-byte SMC session key (EMV 4.4 Book 2, 9.3 and Annex A1.1 for
        /// <see cref="DataEncipherment.Emv"/>; the scheme variants as their enum members describe).
        /// </summary>
        public static byte[] EncipherData(ICryptoProvider provider, byte[] smcSessionKey, DataEncipherment method, byte[] data)
        {
            EmvBytes.RequireNotNull(provider, "provider");
            EmvBytes.RequireDoubleLengthKey(smcSessionKey, "SMC session key");
            EmvBytes.RequireNotNull(data, "command data");
            byte[] iv = new byte[8];
            if (method == DataEncipherment.Emv)
            {
                byte[] padded = EmvBytes.PadMethod2(data);
                return provider.Tdes(CipherDirection.Encrypt, smcSessionKey, iv, padded, 0, padded.Length);
            }
            if (method == DataEncipherment.Mastercard)
            {
                if (data.Length == 0)
                    throw new EmvCryptoException(EmvCryptoError.InvalidDataLength, "command data to encipher is empty");
                byte[] input = data.Length % 8 == 0 ? data : EmvBytes.PadMethod2(data);
                return provider.Tdes(CipherDirection.Encrypt, smcSessionKey, iv, input, 0, input.Length);
            }
            if (method == DataEncipherment.Visa)
            {
                if (data.Length > 255)
                    throw new EmvCryptoException(EmvCryptoError.InvalidDataLength, "Visa enciphered command data must be at most 255 bytes");
                byte[] withLength = new byte[data.Length + 1];
                withLength[0] = (byte)data.Length;
                System.Array.Copy(data, 0, withLength, 1, data.Length);
                byte[] padded = EmvBytes.PadMethod2(withLength);
                return provider.Tdes(CipherDirection.Encrypt, smcSessionKey, null, padded, 0, padded.Length);
            }
            throw new EmvCryptoException(EmvCryptoError.UnsupportedValue, "data encipherment must be EMV, Mastercard or Visa");
        }

        /// <summary>
        /// The card's inverse of <see cref="EncipherData"/>. Returns null when the enciphered data is malformed
        /// (not whole 8-byte blocks, bad padding or length byte). For <see cref="DataEncipherment.Mastercard"/>
        /// padding is optional and so cannot be removed: the whole deciphered data is returned.
        /// </summary>
        public static byte[] DecipherData(ICryptoProvider provider, byte[] smcSessionKey, DataEncipherment method, byte[] enciphered)
        {
            EmvBytes.RequireNotNull(provider, "provider");
            EmvBytes.RequireDoubleLengthKey(smcSessionKey, "SMC session key");
            EmvBytes.RequireNotNull(enciphered, "enciphered data");
            if (enciphered.Length == 0 || enciphered.Length % 8 != 0) return null;
            if (method == DataEncipherment.Emv || method == DataEncipherment.Mastercard)
            {
                byte[] plain = provider.Tdes(CipherDirection.Decrypt, smcSessionKey, new byte[8], enciphered, 0, enciphered.Length);
                return method == DataEncipherment.Mastercard ? plain : RemoveMethod2Padding(plain);
            }
            if (method == DataEncipherment.Visa)
            {
                byte[] unpadded = RemoveMethod2Padding(provider.Tdes(CipherDirection.Decrypt, smcSessionKey, null, enciphered, 0, enciphered.Length));
                if (unpadded == null || unpadded.Length == 0 || unpadded[0] != unpadded.Length - 1) return null;
                return Bytes.Slice(unpadded, 1, unpadded.Length - 1);
            }
            throw new EmvCryptoException(EmvCryptoError.UnsupportedValue, "data encipherment must be EMV, Mastercard or Visa");
        }

        private static int CommandDataLength(byte[] command)
        {
            if (command == null || command.Length < HeaderLength + MacLength) return -1;
            int lc = command[4];
            if (lc != command.Length - HeaderLength || lc < MacLength) return -1;
            return lc - MacLength;
        }

        private static byte[] RemoveMethod2Padding(byte[] padded)
        {
            int i = padded.Length - 1;
            while (i >= 0 && padded[i] == 0x00) i--;
            if (i < 0 || padded[i] != 0x80 || padded.Length - i > 8) return null;
            return Bytes.Slice(padded, 0, i);
        }
    }
}
