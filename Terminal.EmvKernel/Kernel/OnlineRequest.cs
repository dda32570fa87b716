namespace Terminal.EmvKernel.Kernel
{
    /// <summary>
    /// The data the kernel hands to the firmware for the authorisation request: the ICC data for field 55 (a
    /// concatenation of BER-TLV objects), and the PAN, PAN sequence number, expiry and track 2 equivalent, which
    /// travel in their own fields. These are the only places the full PAN leaves the kernel.
    /// </summary>
    public sealed class OnlineRequest
    {
        internal OnlineRequest(byte[] iccData, byte[] pan, byte[] panSequenceNumber, byte[] expiryDate, byte[] track2Equivalent,
            byte[] cryptogramInformationData, bool onlinePinEntered)
        {
            IccData = iccData;
            Pan = pan;
            PanSequenceNumber = panSequenceNumber;
            ExpiryDate = expiryDate;
            Track2Equivalent = track2Equivalent;
            CryptogramInformationData = cryptogramInformationData;
            OnlinePinEntered = onlinePinEntered;
        }

        /// <summary>
        /// The request for a transaction: field 55 holds each of <paramref name="tags"/> present (terminal data first,
        /// then card data), in that order; the PAN fields are copied from the card data.
        /// </summary>
        internal static OnlineRequest Build(int[] tags, TagValueStore terminal, TagValueStore card, bool onlinePinEntered)
        {
            Tlv.TlvWriter writer = new Tlv.TlvWriter();
            for (int i = 0; i < tags.Length; i++)
            {
                byte[] v = terminal.Get(tags[i]) ?? card.Get(tags[i]);
                if (v != null) writer.Write(tags[i], v);
            }
            return new OnlineRequest(writer.ToArray(), Util.Bytes.Copy(card.Get(0x5A)), Util.Bytes.Copy(card.Get(0x5F34)),
                Util.Bytes.Copy(card.Get(0x5F24)), Util.Bytes.Copy(card.Get(0x57)), Util.Bytes.Copy(card.Get(0x9F27)), onlinePinEntered);
        }

        /// <summary>Field 55: the <see cref="ContactTransaction.OnlineRequestTags"/> present, as BER-TLV.</summary>
        public byte[] IccData { get; private set; }

        /// <summary>PAN '5A' (cn, packed, trailing F), or null.</summary>
        public byte[] Pan { get; private set; }

        /// <summary>PAN Sequence Number '5F34', or null.</summary>
        public byte[] PanSequenceNumber { get; private set; }

        /// <summary>Application Expiration Date '5F24' (YYMMDD).</summary>
        public byte[] ExpiryDate { get; private set; }

        /// <summary>Track 2 Equivalent Data '57', or null.</summary>
        public byte[] Track2Equivalent { get; private set; }

        /// <summary>CID '9F27' of the first GENERATE AC.</summary>
        public byte[] CryptogramInformationData { get; private set; }

        /// <summary>True when an online PIN was entered during cardholder verification (the firmware holds the PIN block).</summary>
        public bool OnlinePinEntered { get; private set; }
    }
}
