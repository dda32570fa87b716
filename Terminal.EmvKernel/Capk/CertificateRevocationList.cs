using System;
using System.Collections;
using Terminal.EmvKernel.Util;

namespace Terminal.EmvKernel.Capk
{
    /// <summary>
    /// Revoked issuer public key certificates, identified by RID, CA public key index and the 3-byte
    /// Certificate Serial Number (EMV 4.4 Book 2, 5.3 step 10: the concatenation of RID, CA public key index
    /// and certificate serial number must not be on the terminal's revocation list). One list belongs to one
    /// <see cref="CaPublicKeyStore"/> and so to one set (test or live).
    /// </summary>
    public sealed class CertificateRevocationList
    {
        /// <summary>Certificate Serial Number length in bytes.</summary>
        public const int SerialNumberLength = 3;
        private const int EntryLength = CaPublicKey.RidLength + 1 + SerialNumberLength;

        // Each entry: RID (5) | index (1) | serial (3).
        private readonly ArrayList _entries = new ArrayList();

        /// <summary>Number of entries.</summary>
        public int Count { get { return _entries.Count; } }

        /// <summary>
        /// Adds an entry. Throws <see cref="CaPublicKeyException"/>: <see cref="CaKeyError.InvalidField"/> for a
        /// RID that is not 5 bytes or a serial number that is not 3 bytes, <see cref="CaKeyError.Duplicate"/>
        /// when the entry is already listed.
        /// </summary>
        public void Add(byte[] rid, byte caIndex, byte[] serialNumber)
        {
            if (rid == null || rid.Length != CaPublicKey.RidLength)
                throw new CaPublicKeyException(CaKeyError.InvalidField, "rid", 0, null, "must be 5 bytes");
            string name = CaPublicKey.NameOf(rid, 0, caIndex);
            if (serialNumber == null || serialNumber.Length != SerialNumberLength)
                throw new CaPublicKeyException(CaKeyError.InvalidField, "serial", 0, name, "must be 3 bytes");
            if (IsRevoked(rid, 0, caIndex, serialNumber, 0))
                throw new CaPublicKeyException(CaKeyError.Duplicate, "serial", 0, name,
                    "certificate serial number " + Hex.Encode(serialNumber) + " is already listed");
            byte[] entry = new byte[EntryLength];
            Array.Copy(rid, 0, entry, 0, CaPublicKey.RidLength);
            entry[CaPublicKey.RidLength] = caIndex;
            Array.Copy(serialNumber, 0, entry, CaPublicKey.RidLength + 1, SerialNumberLength);
            _entries.Add(entry);
        }

        /// <summary>
        /// True when the certificate with this serial number (serial[serialOffset..+3)), issued under the CA key
        /// RID (rid[ridOffset..+5)) and index, is revoked. False for arrays too short to hold the values.
        /// </summary>
        public bool IsRevoked(byte[] rid, int ridOffset, byte caIndex, byte[] serial, int serialOffset)
        {
            if (rid == null || serial == null || ridOffset < 0 || serialOffset < 0) return false;
            if (ridOffset > rid.Length - CaPublicKey.RidLength || serialOffset > serial.Length - SerialNumberLength) return false;
            for (int e = 0; e < _entries.Count; e++)
            {
                byte[] entry = (byte[])_entries[e];
                if (entry[CaPublicKey.RidLength] != caIndex) continue;
                bool same = true;
                for (int i = 0; i < CaPublicKey.RidLength && same; i++) same = entry[i] == rid[ridOffset + i];
                for (int i = 0; i < SerialNumberLength && same; i++) same = entry[CaPublicKey.RidLength + 1 + i] == serial[serialOffset + i];
                if (same) return true;
            }
            return false;
        }
    }
}
