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
