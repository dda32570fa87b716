using System;
using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.HostLink.Iso8583;

namespace Terminal.HostSimulation
{
    /// <summary>DUKPT variant named by the generic dialect's DE 53.</summary>
    public enum DukptScheme
    {
        /// <summary>ANSI X9.24-1 TDES DUKPT: 10-byte KSN, PIN block format 0 in DE 52, retail MAC.</summary>
        Tdes = 1,
        /// <summary>ANSI X9.24-3 AES DUKPT (AES-128 working keys): 12-byte KSN, PIN block format 4, AES-CMAC.</summary>
        Aes = 2,
    }

    /// <summary>
    /// The generic dialect's security layout (<see cref="GenericSecurityFields"/>, shared with the terminal) as the
    /// host simulator reads it [K: a project convention; ISO 8583:1987 leaves DE 53 and DE 62 to the network]:
    /// DE 53 (n16) = digit 1 key management (1 TDES DUKPT, 2 AES DUKPT), digit 2 PIN block format (0 or 4),
    /// digit 3 card data (0 clear in DE 2/35, 1 enciphered in DE 57 under the KSN's data key), then 13 zeros. DE 62 (b..999) of a request = the KSN (10 bytes TDES, 12 bytes AES), followed for AES DUKPT by
    /// the 16-byte enciphered ISO 9564 format 4 PIN block (DE 52 is only 8 bytes). Every MAC-carrying request
    /// carries DE 53 and DE 62; the response MAC uses the MAC response key of the request's KSN.
    /// </summary>
    public sealed class GenericSecurityControl
    {
        /// <summary>Creates the layout.</summary>
        public GenericSecurityControl(DukptScheme scheme, byte[] ksn, byte[] aesPinBlock) : this(scheme, ksn, aesPinBlock, false)
        {
        }

        /// <summary>Creates the layout; <paramref name="cardDataEnciphered"/> sets DE 53 digit 3.</summary>
        public GenericSecurityControl(DukptScheme scheme, byte[] ksn, byte[] aesPinBlock, bool cardDataEnciphered)
        {
            int ksnLength = scheme == DukptScheme.Tdes ? 10 : 12;
            if (ksn == null || ksn.Length != ksnLength) throw new ArgumentException("KSN length does not fit the DUKPT scheme", nameof(ksn));
            if (aesPinBlock != null && (scheme != DukptScheme.Aes || aesPinBlock.Length != 16))
                throw new ArgumentException("a format 4 PIN block (16 bytes) goes with AES DUKPT only", nameof(aesPinBlock));
            Scheme = scheme;
            Ksn = Bytes.Copy(ksn);
            AesPinBlock = Bytes.Copy(aesPinBlock);
            CardDataEnciphered = cardDataEnciphered;
        }

        /// <summary>DE 53 digit 3: the card data travels enciphered in DE 57 (DE 2 and DE 35 absent).</summary>
        public bool CardDataEnciphered { get; }

        /// <summary>TDES or AES DUKPT.</summary>
        public DukptScheme Scheme { get; }
        /// <summary>Key serial number of this message.</summary>
        public byte[] Ksn { get; }
        /// <summary>Enciphered format 4 PIN block (AES DUKPT), or null.</summary>
        public byte[] AesPinBlock { get; }

        /// <summary>The PIN block format this scheme uses (0 or 4).</summary>
        public int PinBlockFormat { get { return Scheme == DukptScheme.Tdes ? 0 : 4; } }

        /// <summary>DE 53 value.</summary>
        public string Field53()
        {
            return GenericSecurityFields.Field53(Ksn.Length, CardDataEnciphered);
        }

        /// <summary>DE 62 value.</summary>
        public byte[] Field62()
        {
            return AesPinBlock == null ? Bytes.Copy(Ksn) : Bytes.Concat(Ksn, AesPinBlock);
        }

        /// <summary>Writes DE 53 and DE 62 into a request.</summary>
        public void WriteTo(Iso8583Message message)
        {
            message.SetString(53, Field53());
            message.SetBytes(62, Field62());
        }

        /// <summary>Reads DE 53 and DE 62 of a request; null when absent or not in this layout.</summary>
        public static GenericSecurityControl ReadFrom(Iso8583Message message)
        {
            string f53 = message.GetString(53);
            byte[] f62 = message.GetBytes(62);
            if (f53 == null || f62 == null || f53.Length != 16) return null;
            DukptScheme scheme;
            if (f53[0] == '1' && f53[1] == '0') scheme = DukptScheme.Tdes;
            else if (f53[0] == '2' && f53[1] == '4') scheme = DukptScheme.Aes;
            else return null;
            bool enciphered = f53[2] == '1';
            int ksnLength = scheme == DukptScheme.Tdes ? 10 : 12;
            if (f62.Length == ksnLength) return new GenericSecurityControl(scheme, f62, null, enciphered);
            if (scheme == DukptScheme.Aes && f62.Length == ksnLength + 16)
                return new GenericSecurityControl(scheme, Bytes.Slice(f62, 0, ksnLength), Bytes.Slice(f62, ksnLength, 16), enciphered);
            return null;
        }
    }
}
