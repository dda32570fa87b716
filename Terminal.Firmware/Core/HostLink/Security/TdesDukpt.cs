using Terminal.EmvKernel.Util;
using Terminal.EmvKernel.Crypto;

namespace Terminal.Firmware.Core.HostLink.Security
{
    /// <summary>
    /// TDES DUKPT key derivation (ANSI X9.24-1:2009, Annex A): the initial PIN encryption key (IPEK) from the
    /// BDK and the initial KSN, the transaction key of any KSN from the IPEK (non-reversible key generation,
    /// A.2), the PIN/MAC/data key variants (A.4 and the data-key one-way function), and the KSN counter rule.
    /// KSNs are 10 bytes; the transaction counter is the rightmost 21 bits.
    /// </summary>
    public static class TdesDukpt
    {
        /// <summary>Bytes of a KSN.</summary>
        public const int KsnLength = 10;
        /// <summary>Bytes of the IPEK, transaction key and working keys (double-length TDES).</summary>
        public const int KeyLength = 16;
        /// <summary>Largest 21-bit counter value.</summary>
        public const int CounterMask = 0x1FFFFF;
        /// <summary>An originating device uses only counters with at most this many one-bits (X9.24-1 A.2).</summary>
        public const int MaxOneBits = 10;

        private static readonly byte[] KeyMask = { 0xC0, 0xC0, 0xC0, 0xC0, 0x00, 0x00, 0x00, 0x00, 0xC0, 0xC0, 0xC0, 0xC0, 0x00, 0x00, 0x00, 0x00 };

        /// <summary>The 21-bit transaction counter of a KSN.</summary>
        public static int Counter(byte[] ksn)
        {
            CheckKsn(ksn);
            return ((ksn[7] & 0x1F) << 16) | (ksn[8] << 8) | ksn[9];
        }

        /// <summary>A copy of the KSN with its counter replaced.</summary>
        public static byte[] WithCounter(byte[] ksn, int counter)
        {
            CheckKsn(ksn);
            if (counter < 0 || counter > CounterMask) throw new SecurityException(SecurityError.BadKsn, "counter outside 21 bits");
            byte[] r = Bytes.Copy(ksn);
            r[7] = (byte)((r[7] & 0xE0) | (counter >> 16));
            r[8] = (byte)(counter >> 8);
            r[9] = (byte)counter;
            return r;
        }

        /// <summary>
        /// The counter an originating device uses after <paramref name="counter"/>: add 1 if it has fewer than
        /// 10 one-bits, otherwise add its lowest set bit (X9.24-1 A.2). Returns -1 when the 21 bits are exhausted.
        /// </summary>
        public static int NextCounter(int counter)
        {
            if (counter < 0 || counter > CounterMask) throw new SecurityException(SecurityError.BadKsn, "counter outside 21 bits");
            int next = KeyBytes.BitCount((uint)counter) < MaxOneBits ? counter + 1 : counter + (counter & -counter);
            return next > CounterMask ? -1 : next;
        }

        /// <summary>True when an originating device may use this counter (at most 10 one-bits, not zero).</summary>
        public static bool IsUsableCounter(int counter)
        {
            return counter > 0 && counter <= CounterMask && KeyBytes.BitCount((uint)counter) <= MaxOneBits;
        }

        /// <summary>
        /// IPEK = TDES(BDK, KSN8) | TDES(BDK xor C0C0C0C000000000C0C0C0C000000000, KSN8), KSN8 = leftmost 8 bytes
        /// of the KSN with the counter cleared (X9.24-1 A.6).
        /// </summary>
        public static byte[] DeriveIpek(byte[] bdk, byte[] initialKsn)
        {
            KeyBytes.RequireLength(bdk, KeyLength, KeyLength, "BDK");
            CheckKsn(initialKsn);
            byte[] ksn8 = Bytes.Slice(initialKsn, 0, 8);
            ksn8[7] &= 0xE0;
            byte[] masked = Bytes.Copy(bdk);
            KeyBytes.XorInto(masked, 0, KeyMask, 0, KeyLength);
            byte[] left = DesCipher.Encrypt(bdk, null, ksn8, 0, 8);
            byte[] right = DesCipher.Encrypt(masked, null, ksn8, 0, 8);
            KeyBytes.Wipe(masked);
            byte[] ipek = Bytes.Concat(left, right);
            KeyBytes.Wipe(left);
            KeyBytes.Wipe(right);
            return ipek;
        }

        /// <summary>
        /// Transaction key of a KSN directly from the IPEK (host side, or a device recomputing from the IPEK):
        /// for each set counter bit from the most significant, set it in the register and apply the
        /// non-reversible key generation process (X9.24-1 A.2).
        /// </summary>
        public static byte[] DeriveTransactionKey(byte[] ipek, byte[] ksn)
        {
            KeyBytes.RequireLength(ipek, KeyLength, KeyLength, "IPEK");
            int counter = Counter(ksn);
            byte[] register = Register(ksn, 0);
            byte[] key = Bytes.Copy(ipek);
            for (int bit = 0x100000; bit != 0; bit >>= 1)
            {
                if ((counter & bit) == 0) continue;
                register[5] |= (byte)(bit >> 16);
                register[6] |= (byte)(bit >> 8);
                register[7] |= (byte)bit;
                NonReversibleKeyGeneration(key, register);
            }
            return key;
        }

        /// <summary>The 8-byte key register: rightmost 8 bytes of the KSN with the counter set to <paramref name="counter"/>.</summary>
        internal static byte[] Register(byte[] ksn, int counter)
        {
            byte[] register = Bytes.Slice(ksn, 2, 8);
            register[5] = (byte)((register[5] & 0xE0) | (counter >> 16));
            register[6] = (byte)(counter >> 8);
            register[7] = (byte)counter;
            return register;
        }

        /// <summary>Replaces key (16 bytes) with the next key derived from the 8-byte register (X9.24-1 A.2).</summary>
        internal static void NonReversibleKeyGeneration(byte[] key, byte[] register)
        {
            byte[] right = HalfStep(key, register);
            KeyBytes.XorInto(key, 0, KeyMask, 0, KeyLength);
            byte[] left = HalfStep(key, register);
            System.Array.Copy(left, 0, key, 0, 8);
            System.Array.Copy(right, 0, key, 8, 8);
            KeyBytes.Wipe(left);
            KeyBytes.Wipe(right);
        }

        // DES(K_right, register xor K_right) xor K_right, with the single-DES key K_left (A.2 steps 1-4).
        private static byte[] HalfStep(byte[] key, byte[] register)
        {
            byte[] block = Bytes.Copy(register);
            KeyBytes.XorInto(block, 0, key, 8, 8);
            byte[] singleKey = Bytes.Slice(key, 0, 8);
            byte[] result = DesCipher.Encrypt(singleKey, null, block, 0, 8);
            KeyBytes.XorInto(result, 0, key, 8, 8);
            KeyBytes.Wipe(singleKey);
            KeyBytes.Wipe(block);
            return result;
        }

        /// <summary>PIN encryption key: transaction key xor 00000000000000FF00000000000000FF.</summary>
        public static byte[] PinKey(byte[] transactionKey)
        {
            return Variant(transactionKey, 7);
        }

        /// <summary>MAC request key: transaction key xor 000000000000FF00000000000000FF00.</summary>
        public static byte[] MacRequestKey(byte[] transactionKey)
        {
            return Variant(transactionKey, 6);
        }

        /// <summary>MAC response key: transaction key xor 00000000FF00000000000000FF000000.</summary>
        public static byte[] MacResponseKey(byte[] transactionKey)
        {
            return Variant(transactionKey, 4);
        }

        /// <summary>Data request key: Kv = key xor 0000000000FF0000..FF0000, then TDES(Kv, Kv_left) | TDES(Kv, Kv_right).</summary>
        public static byte[] DataRequestKey(byte[] transactionKey)
        {
            return OneWay(Variant(transactionKey, 5));
        }

        /// <summary>Data response key: Kv = key xor 000000FF00000000..FF00000000, then TDES(Kv, Kv_left) | TDES(Kv, Kv_right).</summary>
        public static byte[] DataResponseKey(byte[] transactionKey)
        {
            return OneWay(Variant(transactionKey, 3));
        }

        /// <summary>ISO 9564 format 0 PIN block enciphered (TDES-ECB) under the PIN key. Wipes <paramref name="pinDigits"/>.</summary>
        public static byte[] EncryptPinBlock(byte[] pinKey, byte[] pinDigits, string pan)
        {
            try
            {
                KeyBytes.RequireLength(pinKey, KeyLength, KeyLength, "PIN key");
            }
            catch (SecurityException)
            {
                KeyBytes.Wipe(pinDigits);
                throw;
            }
            byte[] clear = PinBlock.Encode(PinBlock.Format0, pinDigits, pan, null);
            byte[] enciphered = DesCipher.Encrypt(pinKey, null, clear, 0, 8);
            KeyBytes.Wipe(clear);
            return enciphered;
        }

        private static byte[] Variant(byte[] transactionKey, int index)
        {
            KeyBytes.RequireLength(transactionKey, KeyLength, KeyLength, "transaction key");
            byte[] k = Bytes.Copy(transactionKey);
            k[index] ^= 0xFF;
            k[index + 8] ^= 0xFF;
            return k;
        }

        private static byte[] OneWay(byte[] kv)
        {
            byte[] result = DesCipher.Encrypt(kv, null, kv, 0, KeyLength);
            KeyBytes.Wipe(kv);
            return result;
        }

        private static void CheckKsn(byte[] ksn)
        {
            if (ksn == null || ksn.Length != KsnLength) throw new SecurityException(SecurityError.BadKsn, "a TDES DUKPT KSN has 10 bytes");
        }
    }
}
