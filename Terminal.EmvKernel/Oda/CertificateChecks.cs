using Terminal.EmvKernel.Capk;

namespace Terminal.EmvKernel.Oda
{
    /// <summary>
    /// The data checks on recovered certificates: issuer identifier against the PAN, ICC certificate PAN
    /// against the Application PAN, and certificate expiration (EMV 4.4 Book 2, 5.3 steps 8-9, 6.4 steps 8-9).
    /// </summary>
    public static class CertificateChecks
    {
        /// <summary>Length of the Application PAN field in the ICC public key certificate (cn, padded with F).</summary>
        public const int CertificatePanLength = 10;

        /// <summary>
        /// EMV 4.4 Book 2, 5.3 step 8: the 4-byte Issuer Identifier is the leftmost 3-8 digits of the PAN,
        /// padded on the right with hexadecimal F. True when issuerIdentifier[offset..offset+4) holds 3 to 8
        /// decimal digits followed only by F nibbles and those digits are the leftmost digits of the PAN (5A).
        /// </summary>
        public static bool IssuerIdentifierMatchesPan(byte[] issuerIdentifier, int offset, byte[] pan)
        {
            if (issuerIdentifier == null || pan == null || offset < 0 || offset > issuerIdentifier.Length - 4) return false;
            int digits = 0;
            bool padding = false;
            for (int i = 0; i < 8; i++)
            {
                int nibble = Nibble(issuerIdentifier, offset, i);
                if (nibble == 0x0F) { padding = true; continue; }
                if (padding || nibble > 9) return false;
                digits++;
            }
            if (digits < 3 || pan.Length * 2 < digits) return false;
            for (int i = 0; i < digits; i++)
                if (Nibble(issuerIdentifier, offset, i) != Nibble(pan, 0, i)) return false;
            return true;
        }

        /// <summary>
        /// EMV 4.4 Book 2, 6.4 step 8: the 10-byte PAN recovered from the ICC certificate
        /// (certificatePan[offset..offset+10)) equals the Application PAN (5A) padded on the right with F.
        /// </summary>
        public static bool CertificatePanMatches(byte[] certificatePan, int offset, byte[] pan)
        {
            if (certificatePan == null || pan == null || offset < 0 || offset > certificatePan.Length - CertificatePanLength) return false;
            if (pan.Length == 0 || pan.Length > CertificatePanLength) return false;
            for (int i = 0; i < CertificatePanLength; i++)
            {
                byte expected = i < pan.Length ? pan[i] : (byte)0xFF;
                if (certificatePan[offset + i] != expected) return false;
            }
            return true;
        }

        /// <summary>
        /// EMV 4.4 Book 2, 5.3 step 9 and 6.4 step 9: a certificate with expiration date MMYY
        /// (mmyy[offset], mmyy[offset+1], packed BCD) is valid through the last day of that month. Returns
        /// None when valid on the date, Expired when the month is before the date's month, and
        /// InvalidExpirationDate when MMYY is not BCD or the month is not 01-12. Two-digit years follow
        /// EMV 4.4 Book 4, 6.7.3. Throws <see cref="System.ArgumentException"/> for an unknown date.
        /// </summary>
        public static OdaFailure CheckExpiration(byte[] mmyy, int offset, EmvDate date)
        {
            if (!date.IsKnown) throw new System.ArgumentException("the transaction date is required", "date");
            if (mmyy == null || offset < 0 || offset > mmyy.Length - 2) return OdaFailure.InvalidExpirationDate;
            int month = EmvDate.BcdByte(mmyy[offset]);
            int yy = EmvDate.BcdByte(mmyy[offset + 1]);
            if (month < 1 || month > 12 || yy < 0) return OdaFailure.InvalidExpirationDate;
            int certificateMonths = EmvDate.YearOf(yy) * 12 + month;
            int dateMonths = date.Year * 12 + date.Month;
            return certificateMonths < dateMonths ? OdaFailure.Expired : OdaFailure.None;
        }

        private static int Nibble(byte[] data, int offset, int index)
        {
            byte b = data[offset + index / 2];
            return (index & 1) == 0 ? b >> 4 : b & 0x0F;
        }
    }
}
