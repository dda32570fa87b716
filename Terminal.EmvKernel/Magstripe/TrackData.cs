using Terminal.EmvKernel.Util;

namespace Terminal.EmvKernel.Magstripe
{
    /// <summary>
    /// What a track gives the terminal: PAN, expiry, service code, the track 1 name and the discretionary data.
    /// <see cref="ToString"/> masks the PAN; <see cref="Pan"/> and the raw track are for the authorisation message
    /// only (never log them).
    /// </summary>
    public sealed class TrackData
    {
        internal TrackData(int track, string raw, string pan, string expiry, ServiceCode serviceCode, string name, string discretionary)
        {
            Track = track;
            Raw = raw;
            Pan = pan;
            Expiry = expiry;
            ServiceCode = serviceCode;
            CardholderName = name;
            DiscretionaryData = discretionary;
        }

        /// <summary>1 or 2: the track this came from.</summary>
        public int Track { get; private set; }

        /// <summary>The track data between the sentinels, as read (for ISO 8583 field 35 or 45; never log it).</summary>
        public string Raw { get; private set; }

        /// <summary>The PAN digits (12-19). Only for the authorisation message; show <see cref="MaskedPan"/> elsewhere.</summary>
        public string Pan { get; private set; }

        /// <summary>The PAN masked except the first 6 and last 4 digits.</summary>
        public string MaskedPan { get { return PanMask.MaskDigits(Pan); } }

        /// <summary>Expiry date YYMM as 4 digits (month 01-12).</summary>
        public string Expiry { get; private set; }

        /// <summary>Expiry year 0-99.</summary>
        public int ExpiryYear { get { return (Expiry[0] - '0') * 10 + (Expiry[1] - '0'); } }

        /// <summary>Expiry month 1-12.</summary>
        public int ExpiryMonth { get { return (Expiry[2] - '0') * 10 + (Expiry[3] - '0'); } }

        /// <summary>The service code.</summary>
        public ServiceCode ServiceCode { get; private set; }

        /// <summary>Track 1 cardholder name (trailing spaces removed); null for track 2.</summary>
        public string CardholderName { get; private set; }

        /// <summary>The discretionary data after the service code (may be empty).</summary>
        public string DiscretionaryData { get; private set; }

        /// <summary>
        /// True when the card has expired on <paramref name="yymm"/> (a YYMM date, years 00-49 = 20xx, 50-99 = 19xx
        /// as in EMV Book 4 for 5F24): a card is valid to the end of its expiry month.
        /// </summary>
        public bool IsExpiredOn(string yymm)
        {
            if (yymm == null || yymm.Length != 4) throw new System.ArgumentException("expected YYMM", "yymm");
            int now = Months(yymm);
            return Months(Expiry) < now;
        }

        private static int Months(string yymm)
        {
            for (int i = 0; i < 4; i++)
            {
                if (yymm[i] < '0' || yymm[i] > '9') throw new System.ArgumentException("expected YYMM digits", "yymm");
            }
            int yy = (yymm[0] - '0') * 10 + (yymm[1] - '0');
            int mm = (yymm[2] - '0') * 10 + (yymm[3] - '0');
            int year = yy < 50 ? 2000 + yy : 1900 + yy;
            return year * 12 + mm;
        }

        /// <summary>Track number, masked PAN, expiry and service code: safe to log.</summary>
        public override string ToString()
        {
            return "track " + Track.ToString() + " " + MaskedPan + " exp " + Expiry + " sc " + ServiceCode.Digits;
        }
    }
}
