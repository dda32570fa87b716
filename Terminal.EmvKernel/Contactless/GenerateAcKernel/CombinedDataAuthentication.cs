using Terminal.EmvKernel.Capk;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Oda;
using Terminal.EmvKernel.Tlv;

namespace Terminal.EmvKernel.Contactless.GenerateAcKernel
{
    /// <summary>
    /// CDA of the M/Chip-style kernel, after the card has left the field (Book C-2; EMV 4.4 Book 2, 6.6.2): the issuer
    /// and ICC public keys are recovered as for contact (Book 2, 6.2-6.4, <see cref="CardPublicKeys"/>, with the static
    /// data of <see cref="OfflineDataAuthentication.StaticData"/>), then the Signed Dynamic Application Data of the
    /// GENERATE AC (or RECOVER AC) answer is verified over the Unpredictable Number with the Transaction Data Hash
    /// Code over PDOL data || CDOL1 data || the answer's objects except '9F4B'. All RSA work. Never throws for card data.
    /// </summary>
    public static class CombinedDataAuthentication
    {
        /// <summary>
        /// Verifies the CDA signature of <paramref name="read"/>'s cryptogram under <paramref name="caKeys"/>; on success the
        /// Application Cryptogram '9F26' and ICC Dynamic Number '9F4C' recovered from the signature are stored in the card data.
        /// </summary>
        public static OdaFailure Verify(GenerateAcKernelCardRead read, CaPublicKeyStore caKeys)
        {
            if (read == null) throw new System.ArgumentNullException("read");
            if (caKeys == null) throw new System.ArgumentNullException("caKeys");
            CardData card = read.Card;
            TerminalData terminal = read.Terminal;
            GenerateAcResult ac = read.GenerateAc;
            byte[] caIndex = card.Get(CardPublicKeys.CaIndexTag);
            byte[] aid = card.Get(0x84);
            if (ac == null || caIndex == null || caIndex.Length != 1 || aid == null || read.Records == null
                || !card.Contains(CardPublicKeys.IssuerCertificateTag) || !card.Contains(CardPublicKeys.IssuerExponentTag)
                || !card.Contains(CardPublicKeys.IccCertificateTag) || !card.Contains(CardPublicKeys.IccExponentTag)
                || !card.Contains(CardPublicKeys.PanTag))
                return OdaFailure.MissingData;
            if (read.Records.OdaRecordNotTemplate) return OdaFailure.MissingData;
            TlvList objects = Format2Objects(ac.ResponseData);
            byte[] sdad = objects == null ? null : objects.FindValue(0x9F4B);
            byte[] un = terminal.Get(0x9F37);
            if (sdad == null || un == null) return OdaFailure.MissingData;
            EmvDate date;
            byte[] dateValue = terminal.Get(0x9A);
            if (dateValue == null || dateValue.Length != 3 || !EmvDate.TryFromYymmdd(dateValue, 0, out date)) return OdaFailure.MissingData;

            byte[] staticData = OfflineDataAuthentication.StaticData(card, read.Records.StaticDataToBeAuthenticated, card.Get(0x82));
            if (staticData == null) return OdaFailure.MissingData;
            IssuerPublicKeyCertificate issuer = CardPublicKeys.Issuer(caKeys, card, aid, caIndex[0], date);
            if (!issuer.IsValid) return issuer.Failure;
            IccPublicKeyCertificate icc = CardPublicKeys.Icc(caKeys.Crypto, issuer, card, staticData, date);
            if (!icc.IsValid) return icc.Failure;
            byte[] hash = TransactionDataHashCode.Compute(caKeys.Crypto, read.PdolData, ac.CdolData, null, objects);
            SignedDynamicApplicationData r = SignedDynamicApplicationData.VerifyCombined(caKeys.Crypto, icc, sdad, un, ac.Cid, hash);
            if (!r.IsValid) return r.Failure;
            card.Set(0x9F26, r.ApplicationCryptogram);
            card.Set(0x9F4C, r.IccDynamicNumber);
            return OdaFailure.None;
        }

        // The objects of a format 2 '77' answer, or null for another shape (CDA needs format 2).
        private static TlvList Format2Objects(byte[] data)
        {
            try
            {
                TlvList list = TlvParser.Parse(data);
                return list.Count == 1 && list[0].Tag == 0x77 && list[0].IsConstructed ? list[0].Children : null;
            }
            catch (TlvException)
            {
                return null;
            }
        }
    }
}
