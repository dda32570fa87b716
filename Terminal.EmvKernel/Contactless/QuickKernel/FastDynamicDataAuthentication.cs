using Terminal.EmvKernel.Capk;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Oda;
using Terminal.EmvKernel.Util;

namespace Terminal.EmvKernel.Contactless.QuickKernel
{
    /// <summary>
    /// fDDA, Book C-3 (offline data authentication for the GPO cryptogram): the issuer and ICC public keys are
    /// recovered as for contact DDA (EMV 4.4 Book 2, 6.2-6.4), then the Signed Dynamic Application Data '9F4B'
    /// from the GPO response is verified (Book 2, 6.5.2 layout) with the hash over
    /// [format .. pad] || '9F37' || '9F02' || '5F2A' || '9F69' (Card Authentication Related Data, version '01').
    /// All RSA work, so it runs after the card has left the field. Never throws for card data.
    /// </summary>
    public static class FastDynamicDataAuthentication
    {
        /// <summary>fDDA version '01' is the first byte of '9F69' (Book C-3 Annex A [K]).</summary>
        public const byte Version01 = 0x01;

        /// <summary>
        /// Verifies fDDA with <paramref name="read"/>'s data under <paramref name="caKeys"/> and the transaction date
        /// '9A'; returns <see cref="OdaFailure.None"/> when the signature verifies.
        /// </summary>
        public static OdaFailure Verify(QuickKernelCardRead read, CaPublicKeyStore caKeys)
        {
            if (read == null) throw new System.ArgumentNullException("read");
            if (caKeys == null) throw new System.ArgumentNullException("caKeys");
            CardData card = read.Card;
            TerminalData terminal = read.Terminal;
            byte[] caIndex = card.Get(0x8F);
            byte[] sdad = card.Get(0x9F4B);
            byte[] aid = card.Get(0x84);
            byte[] cardAuthData = card.Get(0x9F69);
            if (caIndex == null || caIndex.Length != 1 || sdad == null || aid == null || read.Records == null
                || !card.Contains(0x90) || !card.Contains(0x9F32) || !card.Contains(0x9F46) || !card.Contains(0x9F47))
                return OdaFailure.MissingData;
            // Book C-3 [K]: '9F69' must start with fDDA version '01'.
            if (cardAuthData == null || cardAuthData.Length < 1 || cardAuthData[0] != Version01) return OdaFailure.BadFormat;
            if (read.Records.OdaRecordNotTemplate) return OdaFailure.MissingData;
            byte[] un = terminal.Get(0x9F37);
            byte[] amount = terminal.Get(0x9F02);
            byte[] currency = terminal.Get(0x5F2A);
            if (un == null || amount == null || currency == null) return OdaFailure.MissingData;
            EmvDate date;
            byte[] dateValue = terminal.Get(0x9A);
            if (dateValue == null || dateValue.Length != 3 || !EmvDate.TryFromYymmdd(dateValue, 0, out date)) return OdaFailure.MissingData;

            // Book 3, 10.3 (as for contact): the ODA records, then the AIP when '9F4A' lists it.
            byte[] staticData = OfflineDataAuthentication.StaticData(card, read.Records.StaticDataToBeAuthenticated, card.Get(0x82));
            if (staticData == null) return OdaFailure.MissingData;
            if (!card.Contains(CardPublicKeys.PanTag)) return OdaFailure.MissingData;
            IssuerPublicKeyCertificate issuer = CardPublicKeys.Issuer(caKeys, card, aid, caIndex[0], date);
            if (!issuer.IsValid) return issuer.Failure;
            IccPublicKeyCertificate icc = CardPublicKeys.Icc(caKeys.Crypto, issuer, card, staticData, date);
            if (!icc.IsValid) return icc.Failure;
            // Book C-3 fDDA: the signed terminal data is UN || amount || currency || Card Authentication Related Data.
            byte[] signedData = Bytes.Concat(Bytes.Concat(un, amount), Bytes.Concat(currency, cardAuthData));
            SignedDynamicApplicationData r = SignedDynamicApplicationData.VerifyDynamic(caKeys.Crypto, icc, sdad, signedData);
            if (r.IsValid && r.IccDynamicNumber != null) card.Set(0x9F4C, r.IccDynamicNumber);
            return r.Failure;
        }
    }
}
