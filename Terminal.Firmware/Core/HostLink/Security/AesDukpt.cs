using Terminal.EmvKernel.Util;
using Terminal.EmvKernel.Crypto;

namespace Terminal.Firmware.Core.HostLink.Security
{
    /// <summary>
    /// AES DUKPT key derivation (ANSI X9.24-3:2017, 6.3): the initial key from the BDK and the 8-byte initial key
    /// ID, the transaction key of a KSN (one AES-ECB derivation per set counter bit, most significant first), the
    /// working keys (PIN, MAC generation/verification, data encryption/decryption, HMAC, key encryption) and the
    /// 32-bit counter rule (at most 16 one-bits). KSN = initial key ID (8 bytes) | counter (4 bytes, big-endian).
    /// </summary>
    public static class AesDukpt
    {
        /// <summary>Bytes of a KSN.</summary>
        public const int KsnLength = 12;
        /// <summary>Bytes of the initial key ID.</summary>
        public const int InitialKeyIdLength = 8;
        /// <summary>An originating device uses only counters with at most this many one-bits (X9.24-3 6.1).</summary>
        public const int MaxOneBits = 16;

        /// <summary>Key usage: key encryption key (update key).</summary>
        public const int UsageKeyEncryption = 0x0002;
        /// <summary>Key usage: PIN encryption.</summary>
        public const int UsagePinEncryption = 0x1000;
        /// <summary>Key usage: MAC generation (request MAC).</summary>
        public const int UsageMacGeneration = 0x2000;
        /// <summary>Key usage: MAC verification (response MAC).</summary>
        public const int UsageMacVerification = 0x2001;
        /// <summary>Key usage: MAC generation and verification.</summary>
        public const int UsageMacBoth = 0x2002;
        /// <summary>Key usage: data encryption (request data).</summary>
        public const int UsageDataEncryption = 0x3000;
        /// <summary>Key usage: data decryption (response data).</summary>
        public const int UsageDataDecryption = 0x3001;
        /// <summary>Key usage: data encryption and decryption.</summary>
        public const int UsageDataBoth = 0x3002;
        /// <summary>Key usage: key derivation (intermediate derivation keys).</summary>
        public const int UsageKeyDerivation = 0x8000;
        /// <summary>Key usage: initial key derivation.</summary>
        public const int UsageKeyDerivationInitial = 0x8001;

        /// <summary>Algorithm indicator: 2-key TDEA (128 bits).</summary>
        public const int Algorithm2Tdea = 0;
        /// <summary>Algorithm indicator: 3-key TDEA (192 bits).</summary>
        public const int Algorithm3Tdea = 1;
        /// <summary>Algorithm indicator: AES-128.</summary>
        public const int AlgorithmAes128 = 2;
        /// <summary>Algorithm indicator: AES-192.</summary>
        public const int AlgorithmAes192 = 3;
        /// <summary>Algorithm indicator: AES-256.</summary>
        public const int AlgorithmAes256 = 4;
        /// <summary>Algorithm indicator: HMAC (length given separately).</summary>
        public const int AlgorithmHmac = 5;

        /// <summary>
        /// The 16-byte derivation data block: 01 | block counter | usage | algorithm | length in bits | 8 data bytes.
        /// </summary>
        public static byte[] DerivationData(int blockCounter, int usage, int algorithm, int lengthBits, byte[] data, int dataOffset)
        {
            byte[] d = new byte[16];
            d[0] = 0x01;
            d[1] = (byte)blockCounter;
            d[2] = (byte)(usage >> 8); d[3] = (byte)usage;
            d[4] = (byte)(algorithm >> 8); d[5] = (byte)algorithm;
            d[6] = (byte)(lengthBits >> 8); d[7] = (byte)lengthBits;
            System.Array.Copy(data, dataOffset, d, 8, 8);
            return d;
        }

        /// <summary>Initial key = derivation under the BDK (AES-128/192/256) with usage 8001 and data = initial key ID.</summary>
        public static byte[] DeriveInitialKey(byte[] bdk, byte[] initialKeyId)
        {
            int algorithm = AlgorithmOf(bdk, "BDK");
            if (initialKeyId == null || initialKeyId.Length != InitialKeyIdLength) throw new SecurityException(SecurityError.BadKsn, "an initial key ID has 8 bytes");
            return Derive(bdk, UsageKeyDerivationInitial, algorithm, bdk.Length * 8, initialKeyId, 0);
        }

        /// <summary>The 32-bit counter of a KSN.</summary>
        public static uint Counter(byte[] ksn)
        {
            CheckKsn(ksn);
            return ((uint)ksn[8] << 24) | ((uint)ksn[9] << 16) | ((uint)ksn[10] << 8) | ksn[11];
        }

        /// <summary>A KSN from an initial key ID and a counter.</summary>
        public static byte[] MakeKsn(byte[] initialKeyId, uint counter)
        {
            if (initialKeyId == null || initialKeyId.Length != InitialKeyIdLength) throw new SecurityException(SecurityError.BadKsn, "an initial key ID has 8 bytes");
            byte[] ksn = new byte[KsnLength];
            System.Array.Copy(initialKeyId, 0, ksn, 0, 8);
            ksn[8] = (byte)(counter >> 24); ksn[9] = (byte)(counter >> 16); ksn[10] = (byte)(counter >> 8); ksn[11] = (byte)counter;
            return ksn;
        }

        /// <summary>
        /// The counter an originating device uses after <paramref name="counter"/>: add 1 if it has fewer than 16
        /// one-bits, otherwise add its lowest set bit. Returns false (exhausted) when that overflows 32 bits.
        /// </summary>
        public static bool TryNextCounter(uint counter, out uint next)
        {
            ulong n = KeyBytes.BitCount(counter) < MaxOneBits ? (ulong)counter + 1 : (ulong)counter + (counter & (~counter + 1));
            if (n > 0xFFFFFFFFUL)
            {
                next = 0;
                return false;
            }
            next = (uint)n;
            return true;
        }

        /// <summary>True when an originating device may use this counter (not zero, at most 16 one-bits).</summary>
        public static bool IsUsableCounter(uint counter)
        {
            return counter != 0 && KeyBytes.BitCount(counter) <= MaxOneBits;
        }

        /// <summary>
        /// Transaction key of a KSN from the initial key: for each set counter bit from the most significant,
        /// add it to a working counter and derive with usage 8000, data = initial key ID bytes 5-8 | working counter
        /// (X9.24-3 6.3.3). The key keeps the initial key's algorithm and length.
        /// </summary>
        public static byte[] DeriveTransactionKey(byte[] initialKey, byte[] ksn)
        {
            AlgorithmOf(initialKey, "initial key");
            uint counter = Counter(ksn);
            byte[] key = Bytes.Copy(initialKey);
            uint working = 0;
            for (uint bit = 0x80000000; bit != 0; bit >>= 1)
            {
                if ((counter & bit) == 0) continue;
                working |= bit;
                byte[] derived = DeriveStep(key, ksn, working);
                KeyBytes.Wipe(key);
                key = derived;
            }
            return key;
        }

        /// <summary>
        /// One intermediate derivation: usage 8000, the parent's algorithm and length, data = KSN bytes 5-8 |
        /// <paramref name="counter"/>.
        /// </summary>
        internal static byte[] DeriveStep(byte[] parent, byte[] ksn, uint counter)
        {
            int algorithm = AlgorithmOf(parent, "derivation key");
            byte[] data = new byte[8];
            System.Array.Copy(ksn, 4, data, 0, 4);
            data[4] = (byte)(counter >> 24); data[5] = (byte)(counter >> 16); data[6] = (byte)(counter >> 8); data[7] = (byte)counter;
            return Derive(parent, UsageKeyDerivation, algorithm, parent.Length * 8, data, 0);
        }

        /// <summary>
        /// A working key from the transaction key of <paramref name="ksn"/>: derivation with the key usage, the
        /// working key's algorithm and length, data = initial key ID bytes 5-8 | counter (X9.24-3 6.3.4).
        /// 3TDEA and AES-256 take two derivation blocks (counter 01, 02); 3TDEA keeps the first 24 bytes.
        /// </summary>
        public static byte[] DeriveWorkingKey(byte[] transactionKey, byte[] ksn, int usage, int algorithm, int lengthBits)
        {
            AlgorithmOf(transactionKey, "transaction key");
            CheckKsn(ksn);
            if (lengthBits <= 0 || lengthBits > 256 || (lengthBits & 63) != 0) throw new SecurityException(SecurityError.BadKeyLength, "working key length must be 64..256 bits in steps of 64");
            return Derive(transactionKey, usage, algorithm, lengthBits, ksn, 4);
        }

        /// <summary>Key length in bits of an algorithm indicator (HMAC: 128, the length the vectors use).</summary>
        public static int LengthBits(int algorithm)
        {
            if (algorithm == Algorithm2Tdea || algorithm == AlgorithmAes128 || algorithm == AlgorithmHmac) return 128;
            if (algorithm == Algorithm3Tdea || algorithm == AlgorithmAes192) return 192;
            if (algorithm == AlgorithmAes256) return 256;
            throw new SecurityException(SecurityError.BadKeyLength, "unknown key algorithm indicator");
        }

        private static byte[] Derive(byte[] parent, int usage, int algorithm, int lengthBits, byte[] data, int dataOffset)
        {
            int bytes = lengthBits / 8;
            int blocks = (bytes + 15) / 16;
            byte[] all = new byte[blocks * 16];
            for (int b = 0; b < blocks; b++)
            {
                byte[] dd = DerivationData(b + 1, usage, algorithm, lengthBits, data, dataOffset);
                byte[] part = AesCipher.Encrypt(parent, null, dd, 0, 16);
                System.Array.Copy(part, 0, all, b * 16, 16);
                KeyBytes.Wipe(part);
            }
            if (all.Length == bytes) return all;
            byte[] key = Bytes.Slice(all, 0, bytes);
            KeyBytes.Wipe(all);
            return key;
        }

        private static int AlgorithmOf(byte[] key, string what)
        {
            int n = key == null ? 0 : key.Length;
            if (n == 16) return AlgorithmAes128;
            if (n == 24) return AlgorithmAes192;
            if (n == 32) return AlgorithmAes256;
            throw new SecurityException(SecurityError.BadKeyLength, string.Concat(what, " must be an AES-128, -192 or -256 key"));
        }

        private static void CheckKsn(byte[] ksn)
        {
            if (ksn == null || ksn.Length != KsnLength) throw new SecurityException(SecurityError.BadKsn, "an AES DUKPT KSN has 12 bytes");
        }
    }
}
