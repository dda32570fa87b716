using System;
using System.Collections.Generic;

namespace Terminal.HostSimulation
{
    /// <summary>
    /// The acquirer's keys: the TDES and AES DUKPT base derivation keys (generic dialect, PIN and MAC keys per
    /// KSN) and the UnionPay terminal master keys (the working keys of each terminal are enciphered under its TMK
    /// at sign-on). TEST KEYS only.
    /// </summary>
    public sealed class HostKeys
    {
        private readonly Dictionary<string, byte[]> _masterKeys = new Dictionary<string, byte[]>(StringComparer.Ordinal);

        /// <summary>TDES DUKPT base derivation key (16 bytes), or null.</summary>
        public byte[] TdesBdk { get; set; }

        /// <summary>AES DUKPT base derivation key (16, 24 or 32 bytes), or null.</summary>
        public byte[] AesBdk { get; set; }

        /// <summary>Terminal master key for terminals without their own (8, 16 or 24 bytes), or null.</summary>
        public byte[] DefaultMasterKey { get; set; }

        /// <summary>Sets the terminal master key of one terminal (DE 41).</summary>
        public void SetMasterKey(string terminalId, byte[] key)
        {
            if (terminalId == null) throw new ArgumentNullException(nameof(terminalId));
            if (key == null || (key.Length != 8 && key.Length != 16 && key.Length != 24))
                throw new ArgumentException("a terminal master key has 8, 16 or 24 bytes", nameof(key));
            lock (_masterKeys) _masterKeys[terminalId] = (byte[])key.Clone();
        }

        /// <summary>The terminal master key of a terminal (its own, else the default), or null.</summary>
        public byte[] MasterKeyOf(string terminalId)
        {
            lock (_masterKeys)
            {
                byte[] k;
                if (terminalId != null && _masterKeys.TryGetValue(terminalId, out k)) return k;
            }
            return DefaultMasterKey;
        }

        /// <summary>
        /// The published test keys: TDES BDK 0123456789ABCDEFFEDCBA9876543210 (ANSI X9.24-1 test BDK), AES BDK
        /// FEDCBA9876543210F1F1F1F1F1F1F1F1 (X9.24-3 test BDK), TMK 0123456789ABCDEFFEDCBA9876543210.
        /// </summary>
        public static HostKeys TestKeys()
        {
            HostKeys k = new HostKeys();
            k.TdesBdk = Convert.FromHexString("0123456789ABCDEFFEDCBA9876543210");
            k.AesBdk = Convert.FromHexString("FEDCBA9876543210F1F1F1F1F1F1F1F1");
            k.DefaultMasterKey = Convert.FromHexString("0123456789ABCDEFFEDCBA9876543210");
            return k;
        }
    }
}
