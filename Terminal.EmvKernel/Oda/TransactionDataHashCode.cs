using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Tlv;

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
        private const int SignedDynamicApplicationDataTag = 0x9F4B;

        /// <summary>
        /// Computes the hash code from the data objects of the response template 77 as parsed by
        /// <see cref="TlvParser"/> (the template's value field: its top-level objects). pdolData and cdol2Data may
        /// be null (no PDOL; first GENERATE AC).
        /// </summary>
        public static byte[] Compute(ICryptoProvider crypto, byte[] pdolData, byte[] cdol1Data, byte[] cdol2Data, TlvList responseObjects)
        {
            if (crypto == null) throw new System.ArgumentNullException("crypto");
            if (cdol1Data == null) throw new System.ArgumentNullException("cdol1Data");
            if (responseObjects == null) throw new System.ArgumentNullException("responseObjects");
            int total = Length(pdolData) + cdol1Data.Length + Length(cdol2Data);
            for (int i = 0; i < responseObjects.Count; i++)
            {
                TlvObject o = responseObjects[i];
                if (o.Tag != SignedDynamicApplicationDataTag) total += o.EncodedLength;
            }
            byte[] input = new byte[total];
            int at = Append(input, 0, pdolData);
            at = Append(input, at, cdol1Data);
            at = Append(input, at, cdol2Data);
            for (int i = 0; i < responseObjects.Count; i++)
            {
                TlvObject o = responseObjects[i];
                if (o.Tag == SignedDynamicApplicationDataTag) continue;
                System.Array.Copy(o.Buffer, o.EncodedOffset, input, at, o.EncodedLength);
                at += o.EncodedLength;
            }
            return crypto.Sha1(input, 0, input.Length);
        }

        /// <summary>
        /// As the other overload for the raw value field of the template 77, template[offset..offset+length).
        /// '00' padding between data objects (EMV 4.4 Book 3, Annex B) is not a data object and is skipped.
        /// Returns null when the template is not well-formed BER-TLV.
        /// </summary>
        public static byte[] Compute(ICryptoProvider crypto, byte[] pdolData, byte[] cdol1Data, byte[] cdol2Data,
            byte[] template, int offset, int length)
        {
            if (template == null) throw new System.ArgumentNullException("template");
            if (offset < 0 || length < 0 || offset > template.Length - length) throw new System.ArgumentOutOfRangeException("length");
            TlvList objects;
            try
            {
                objects = TlvParser.Parse(template, offset, length, false);
            }
            catch (TlvException)
            {
                return null;
            }
            return Compute(crypto, pdolData, cdol1Data, cdol2Data, objects);
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
