using Terminal.EmvKernel.Util;
using Terminal.EmvKernel.Crypto;

namespace Terminal.Firmware.Core.HostLink.Security
{
    /// <summary>MAC algorithms for the ISO 8583 message MAC (field 64/128).</summary>
    public enum MessageMacAlgorithm
    {
        /// <summary>ISO/IEC 9797-1 algorithm 3 (ANSI X9.19 retail MAC), 16-byte key, padding method 1.</summary>
        RetailMac = 1,
        /// <summary>ISO/IEC 9797-1 algorithm 1 (CBC-MAC, ANSI X9.9 with a single-DES key), padding method 1.</summary>
        CbcMac = 2,
        /// <summary>AES-CMAC (NIST SP 800-38B), 16-, 24- or 32-byte key.</summary>
        AesCmac = 3,
        /// <summary>TDEA-CMAC (NIST SP 800-38B), 16- or 24-byte key.</summary>
        TdesCmac = 4,
        /// <summary>
        /// The UnionPay POS "ECB" MAC (<see cref="UnionPayEcbMac"/>), 8-byte (DES) or 16-byte (TDES) MAC key; the
        /// result is 8 ASCII hex characters. [K: written from the algorithm's common description; no public test
        /// vector, unverified against a real UnionPay host.]
        /// </summary>
        UnionPayEcb = 5,
    }

    /// <summary>
    /// Message MAC over the bytes the dialect defines (typically MTI to the last field before field 64). Returns
    /// the full final block (8 bytes for DES/TDES, 16 for AES); field 64 carries its leftmost 8 bytes and X9.24-1
    /// publishes the leftmost 4.
    /// </summary>
    public static class MessageMac
    {
        /// <summary>Computes the MAC with the algorithm and key.</summary>
        public static byte[] Compute(MessageMacAlgorithm algorithm, byte[] key, byte[] data, int offset, int length)
        {
            if (data == null || offset < 0 || length < 0 || offset > data.Length - length)
                throw new System.ArgumentOutOfRangeException("length", "MAC data range outside the buffer");
            if (algorithm == MessageMacAlgorithm.RetailMac)
            {
                KeyBytes.RequireLength(key, 16, 16, "retail MAC key");
                return Iso9797Mac.Algorithm3(key, Iso9797PaddingMethod.Method1, data, offset, length);
            }
            if (algorithm == MessageMacAlgorithm.CbcMac)
            {
                if (key == null || (key.Length != 8 && key.Length != 16 && key.Length != 24))
                    throw new SecurityException(SecurityError.BadKeyLength, "CBC-MAC key has the wrong length");
                return Iso9797Mac.Algorithm1(key, Iso9797PaddingMethod.Method1, data, offset, length);
            }
            if (algorithm == MessageMacAlgorithm.AesCmac)
            {
                if (key == null || (key.Length != 16 && key.Length != 24 && key.Length != 32))
                    throw new SecurityException(SecurityError.BadKeyLength, "AES-CMAC key has the wrong length");
                return Cmac.Aes(key, data, offset, length);
            }
            if (algorithm == MessageMacAlgorithm.UnionPayEcb)
            {
                return UnionPayEcbMac.Compute(key, data, offset, length);
            }
            if (algorithm == MessageMacAlgorithm.TdesCmac)
            {
                KeyBytes.RequireLength(key, 16, 24, "TDES-CMAC key");
                return Cmac.Tdes(key, data, offset, length);
            }
            throw new SecurityException(SecurityError.BadMacAlgorithm, "unknown MAC algorithm");
        }

        /// <summary>
        /// True when <paramref name="mac"/> (4 bytes up to the full block) equals the leftmost bytes of the computed
        /// MAC; compared without an early exit.
        /// </summary>
        public static bool Verify(MessageMacAlgorithm algorithm, byte[] key, byte[] data, int offset, int length, byte[] mac)
        {
            byte[] expected = Compute(algorithm, key, data, offset, length);
            bool ok = mac != null && mac.Length >= 4 && mac.Length <= expected.Length
                && Bytes.FixedTimeEquals(expected, 0, mac, 0, mac.Length);
            KeyBytes.Wipe(expected);
            return ok;
        }
    }
}
