using Terminal.EmvKernel.Util;

namespace Terminal.Firmware.Core.Readers.Pn532
{
    /// <summary>
    /// One type A target of an InListPassiveTarget answer (PN532 User Manual 7.3.5 [K]): target number, SENS_RES
    /// (ATQA), SEL_RES (SAK), NFCID1 (UID) and the ATS the chip fetched with its automatic RATS.
    /// </summary>
    public sealed class Pn532TypeATarget
    {
        /// <summary>SAK bit 6 (20): the PICC is compliant with ISO/IEC 14443-4 (ISO 14443-3, 6.4.3.4).</summary>
        public const byte SakIso14443_4 = 0x20;

        private Pn532TypeATarget() { }

        /// <summary>Number of targets the chip reported (NbTg).</summary>
        public int TargetCount { get; private set; }

        /// <summary>The logical target number (Tg) for InDataExchange.</summary>
        public byte TargetNumber { get; private set; }

        /// <summary>SEL_RES (SAK).</summary>
        public byte Sak { get; private set; }

        /// <summary>NFCID1 (4, 7 or 10 bytes).</summary>
        public byte[] Uid { get; private set; }

        /// <summary>The ATS (its first byte TL is its length), or an empty array when there is none.</summary>
        public byte[] Ats { get; private set; }

        /// <summary>True when SAK says ISO 14443-4, the EMV contactless protocol (Book D, 6.1).</summary>
        public bool SupportsIso14443_4 { get { return (Sak & SakIso14443_4) != 0; } }

        /// <summary>
        /// Decodes the first target of the answer. Returns null for a null or empty answer or NbTg 0; throws
        /// <see cref="Pn532FormatException"/> when the bytes are cut short or inconsistent.
        /// </summary>
        public static Pn532TypeATarget Decode(byte[] answer)
        {
            if (answer == null || answer.Length == 0 || answer[0] == 0) return null;
            // NbTg Tg SENS_RES(2) SEL_RES NFCIDLength: six bytes before the NFCID.
            if (answer.Length < 6) throw new Pn532FormatException("target data shorter than its fixed part");
            int uidLength = answer[5];
            if (uidLength != 4 && uidLength != 7 && uidLength != 10)
                throw new Pn532FormatException("NFCID1 length is not 4, 7 or 10");
            if (answer.Length < 6 + uidLength) throw new Pn532FormatException("NFCID1 cut short");
            int atsStart = 6 + uidLength;
            byte[] ats = new byte[0];
            if (answer.Length > atsStart)
            {
                int tl = answer[atsStart];
                if (tl < 1 || atsStart + tl > answer.Length) throw new Pn532FormatException("ATS length byte out of range");
                ats = Bytes.Slice(answer, atsStart, tl);
            }
            Pn532TypeATarget t = new Pn532TypeATarget();
            t.TargetCount = answer[0];
            t.TargetNumber = answer[1];
            t.Sak = answer[4];
            t.Uid = Bytes.Slice(answer, 6, uidLength);
            t.Ats = ats;
            return t;
        }
    }

    /// <summary>A PN532 answer that cannot be decoded.</summary>
    public class Pn532FormatException : System.Exception
    {
        /// <summary>Creates the exception.</summary>
        public Pn532FormatException(string detail) : base(string.Concat("PN532 answer: ", detail)) { }
    }
}
