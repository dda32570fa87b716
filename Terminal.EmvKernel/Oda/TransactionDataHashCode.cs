using Terminal.EmvKernel.Crypto;

namespace Terminal.EmvKernel.Oda
{
    /// <summary>
    /// The CDA Transaction Data Hash Code the terminal computes (EMV 4.4 Book 2, 6.6.2 steps 10-11): SHA-1 over
    /// the PDOL data values as sent in GET PROCESSING OPTIONS | the CDOL1 data values | for the second
    /// GENERATE AC, the CDOL2 data values | every data object of the GENERATE AC response template (77) except
    /// the Signed Dynamic Application Data (9F4B), as received (tag, length and value), in the order received.
    /// </summary>
    public static class TransactionDataHashCode
    {
        /// <summary>
        /// Computes the hash code. pdolData and cdol2Data may be null (no PDOL; first GENERATE AC). template
        /// [offset..offset+length) is the value field of the response template 77 (its data objects, BER-TLV).
        /// '00' padding bytes between data objects (EMV 4.4 Book 3, Annex B) are not data objects and are skipped.
        /// Returns null when the template is not well-formed BER-TLV.
        /// </summary>
        public static byte[] Compute(ICryptoProvider crypto, byte[] pdolData, byte[] cdol1Data, byte[] cdol2Data,
            byte[] template, int offset, int length)
        {
            if (crypto == null) throw new System.ArgumentNullException("crypto");
            if (cdol1Data == null) throw new System.ArgumentNullException("cdol1Data");
            if (template == null) throw new System.ArgumentNullException("template");
            if (offset < 0 || length < 0 || offset > template.Length - length) throw new System.ArgumentOutOfRangeException("length");

            int kept = CopyObjects(template, offset, length, null, 0);
            if (kept < 0) return null;
            int head = Length(pdolData) + cdol1Data.Length + Length(cdol2Data);
            byte[] input = new byte[head + kept];
            int at = Append(input, 0, pdolData);
            at = Append(input, at, cdol1Data);
            at = Append(input, at, cdol2Data);
            CopyObjects(template, offset, length, input, at);
            return crypto.Sha1(input, 0, input.Length);
        }

        // Walks the data objects of data[offset..offset+length). Copies every object except 9F4B to
        // into[at..] when into is not null. Returns the number of bytes kept, or -1 when malformed.
        private static int CopyObjects(byte[] data, int offset, int length, byte[] into, int at)
        {
            int end = offset + length;
            int i = offset;
            int kept = 0;
            while (i < end)
            {
                if (data[i] == 0x00) { i++; continue; }
                int start = i;
                // Tag (EMV 4.4 Book 3, Annex B1): b5-b1 all set means more tag bytes follow, each with b8 set but the last.
                // 9F4B is a complete two-byte tag (4B has b8 clear).
                bool signedDynamicData = i + 1 < end && data[i] == 0x9F && data[i + 1] == 0x4B;
                if ((data[i++] & 0x1F) == 0x1F)
                {
                    while (i < end && (data[i] & 0x80) != 0) i++;
                    if (i >= end) return -1;
                    i++;
                }
                // Length (Annex B2): one byte below 80, or 81-83 followed by that many length bytes.
                if (i >= end) return -1;
                int valueLength = data[i++];
                if (valueLength > 0x80)
                {
                    int count = valueLength - 0x80;
                    if (count > 3 || i + count > end) return -1;
                    valueLength = 0;
                    for (int k = 0; k < count; k++) valueLength = (valueLength << 8) | data[i++];
                }
                else if (valueLength == 0x80) return -1;
                if (valueLength > end - i) return -1;
                i += valueLength;
                if (signedDynamicData) continue;
                if (into != null) System.Array.Copy(data, start, into, at + kept, i - start);
                kept += i - start;
            }
            return kept;
        }

        private static int Length(byte[] a) { return a == null ? 0 : a.Length; }

        private static int Append(byte[] into, int at, byte[] part)
        {
            if (part == null) return at;
            System.Array.Copy(part, 0, into, at, part.Length);
            return at + part.Length;
        }
    }
}
