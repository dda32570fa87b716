using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.DataObjects;
using Terminal.EmvKernel.Dol;
using Terminal.EmvKernel.Tlv;

namespace Terminal.EmvKernel.Kernel
{
    /// <summary>
    /// The GENERATE AC command and the checks on its answer: Card Action Analysis (EMV 4.4 Book 3, 10.8) for the
    /// first, completion (Book 3, 10.11) for the second. Builds CDOL1 or CDOL2 data from the transaction data,
    /// requests CDA when offline data authentication selected it, parses response format 1 ('80') and format 2
    /// ('77'), refuses a cryptogram higher than the one asked for, stores '9F27', '9F36', '9F26', '9F10' (and
    /// the other primitives of format 2) in the card data and verifies the CDA signature.
    /// </summary>
    public sealed class CardActionAnalysis
    {
        /// <summary>CDOL1 '8C'.</summary>
        public const int Cdol1Tag = 0x8C;
        /// <summary>CDOL2 '8D'.</summary>
        public const int Cdol2Tag = 0x8D;

        private const int TagFormat1 = 0x80;
        private const int TagFormat2 = 0x77;
        private const int TagCid = 0x9F27;
        private const int TagAtc = 0x9F36;
        private const int TagAc = 0x9F26;
        private const int TagIad = 0x9F10;
        private const int TagSdad = 0x9F4B;
        private const string Step = "GENERATE AC";

        private readonly ApduTransport _transport;
        private readonly CardData _card;
        private readonly IDolDataSource _data;

        /// <summary>The step over <paramref name="transport"/>; DOL data comes from <paramref name="data"/>.</summary>
        public CardActionAnalysis(ApduTransport transport, CardData card, IDolDataSource data)
        {
            if (transport == null) throw new System.ArgumentNullException("transport");
            if (card == null) throw new System.ArgumentNullException("card");
            if (data == null) throw new System.ArgumentNullException("data");
            _transport = transport;
            _card = card;
            _data = data;
        }

        /// <summary>The first GENERATE AC's result, once sent.</summary>
        public GenerateAcResult First { get; private set; }

        /// <summary>The second GENERATE AC's result, once sent.</summary>
        public GenerateAcResult Second { get; private set; }

        /// <summary>
        /// Sends the first GENERATE AC asking for <paramref name="requested"/> with CDOL1 data (Book 3, 10.8). When
        /// <paramref name="oda"/> selected CDA and the request is a TC or ARQC, P1 b5 asks for CDA (Book 3, 10.8;
        /// an AAC is never signed) and the answer is verified (Book 2, 6.6.2). Sets TSI B1b6 "Card risk
        /// management was performed".
        /// </summary>
        public GenerateAcResult RunFirst(int requested, OfflineDataAuthentication oda, byte[] pdolData,
            TerminalVerificationResults tvr, TransactionStatusInformation tsi)
        {
            if (tvr == null) throw new System.ArgumentNullException("tvr");
            if (tsi == null) throw new System.ArgumentNullException("tsi");
            byte[] cdol1 = BuildDolData(Cdol1Tag);
            bool cda = oda != null && oda.CdaSelected && requested != CryptogramInformationData.Aac;
            First = Exchange(requested, cda, cdol1);
            // Book 3, 10.8: the card performed its risk management.
            tsi.Set(TransactionStatusInformation.CardRiskManagementPerformed);
            if (cda) Verify(First, oda, pdolData, cdol1, null, tvr);
            return First;
        }

        /// <summary>
        /// Sends the first GENERATE AC asking for <paramref name="requested"/> with CDOL1 data and, when
        /// <paramref name="cdaRequested"/>, P1 b5 (CDA), with the same response checks as <see cref="RunFirst"/> but
        /// without verifying the signature: a contactless kernel (Book C-2) verifies it after the card has left the
        /// field, from <see cref="GenerateAcResult.ResponseData"/>. Sets TSI B1b6.
        /// </summary>
        public GenerateAcResult SendFirst(int requested, bool cdaRequested, TransactionStatusInformation tsi)
        {
            if (tsi == null) throw new System.ArgumentNullException("tsi");
            FirstCdolData = BuildDolData(Cdol1Tag);
            First = Exchange(requested, cdaRequested && requested != CryptogramInformationData.Aac, FirstCdolData);
            tsi.Set(TransactionStatusInformation.CardRiskManagementPerformed);
            return First;
        }

        /// <summary>
        /// The CDOL1 data <see cref="SendFirst"/> built, set before the command leaves (so it is known when the card is
        /// lost during GENERATE AC, for a torn transaction record); null before, or when the CDOL1 was unusable.
        /// </summary>
        public byte[] FirstCdolData { get; private set; }

        /// <summary>
        /// Sends <paramref name="command"/> (RECOVER AC of Book C-2, which answers like GENERATE AC) and checks its
        /// answer as the first GENERATE AC's for <paramref name="requested"/> (<paramref name="cdolData"/> is the
        /// CDOL1 data of the transaction it recovers). A status other than '9000' is returned as null so the
        /// caller can fall back to GENERATE AC; other errors end as for GENERATE AC.
        /// </summary>
        public GenerateAcResult SendRecovery(CommandApdu command, string step, int requested, bool cdaRequested, byte[] cdolData)
        {
            if (command == null) throw new System.ArgumentNullException("command");
            ResponseApdu response = CardCommand.Exchange(_transport, command, step);
            if (response.Sw != StatusWord.Success) return null;
            First = Checked(response, requested, cdaRequested, cdolData);
            return First;
        }

        /// <summary>
        /// Sends the second GENERATE AC asking for TC or AAC with CDOL2 data (Book 3, 10.11). CDA is requested again
        /// when it was requested at the first GENERATE AC and has not failed, and the request is a TC.
        /// </summary>
        public GenerateAcResult RunSecond(int requested, OfflineDataAuthentication oda, byte[] pdolData, TerminalVerificationResults tvr)
        {
            if (tvr == null) throw new System.ArgumentNullException("tvr");
            if (First == null) throw new System.InvalidOperationException("the first GENERATE AC was not sent");
            if (requested == CryptogramInformationData.Arqc) throw new System.ArgumentException("the second GENERATE AC asks for TC or AAC", "requested");
            byte[] cdol2 = BuildDolData(Cdol2Tag);
            bool cda = First.CdaRequested && !First.CdaFailed && requested == CryptogramInformationData.Tc && oda != null && oda.CdaSelected;
            Second = Exchange(requested, cda, cdol2);
            if (cda) Verify(Second, oda, pdolData, First.CdolData, cdol2, tvr);
            return Second;
        }

        private byte[] BuildDolData(int dolTag)
        {
            byte[] dol = _card.Get(dolTag);
            if (dol == null)
            {
                // Book 3, 10.2: CDOL1 and CDOL2 are mandatory; ReadApplicationData checks them, so this is a card error.
                throw new KernelTerminatedException(KernelTerminationReason.MissingMandatoryData, "CDOL missing", dolTag, -1, null);
            }
            DataObjectList list;
            try
            {
                list = DataObjectList.Parse(dol);
            }
            catch (TlvException e)
            {
                throw new KernelTerminatedException(KernelTerminationReason.InvalidCardResponse, "CDOL is not a valid DOL", dolTag, -1, e);
            }
            if (list.DataLength > 255)
            {
                throw new KernelTerminatedException(KernelTerminationReason.InvalidCardResponse, "CDOL data does not fit GENERATE AC", dolTag, -1, null);
            }
            return list.Build(_data);
        }

        private GenerateAcResult Exchange(int requested, bool cda, byte[] cdolData)
        {
            byte p1 = (byte)(requested | (cda ? EmvCommands.GenerateAcCdaRequested : 0));
            ResponseApdu response = CardCommand.Exchange(_transport, EmvCommands.GenerateAc(p1, cdolData), Step);
            // Book 3, 6.5.5.4 and 10.8: any status other than '9000' ends the transaction.
            if (response.Sw != StatusWord.Success) throw CardCommand.UnexpectedStatus(Step, response.Sw);
            return Checked(response, requested, cda, cdolData);
        }

        private GenerateAcResult Checked(ResponseApdu response, int requested, bool cda, byte[] cdolData)
        {
            byte cid = Parse(response.Data, cda);
            int returned = cid & 0xC0;
            // Book 3, 10.8: the card may answer with a lower cryptogram (AAC < ARQC < TC), never a higher one; AAR
            // (C0) is RFU since EMV 4.1.
            if (returned == CryptogramInformationData.Aar || Rank(returned) > Rank(requested))
            {
                throw new KernelTerminatedException(KernelTerminationReason.InvalidCardResponse,
                    "card returned a cryptogram above the one requested", TagCid, -1, null);
            }
            return new GenerateAcResult(requested, cda, cid, cdolData, response.Data);
        }

        private static int Rank(int type)
        {
            if (type == CryptogramInformationData.Aac) return 0;
            if (type == CryptogramInformationData.Arqc) return 1;
            return 2;
        }

        private byte Parse(byte[] data, bool cda)
        {
            TlvList list;
            try
            {
                list = data == null || data.Length == 0 ? null : TlvParser.Parse(data);
            }
            catch (TlvException e)
            {
                throw Invalid("GENERATE AC response is not valid BER-TLV", 0, e);
            }
            if (list == null || list.Count != 1) throw Invalid("GENERATE AC response must be one '80' or '77' object", 0, null);
            TlvObject top = list[0];
            if (top.Tag == TagFormat1)
            {
                // Book 3, 6.5.5.4 format 1: CID (1) || ATC (2) || AC (8) || IAD (0-32).
                int length = top.ValueLength;
                if (length < 11 || length > 43) throw Invalid("format 1 needs CID, ATC, AC and at most 32 bytes of IAD", TagFormat1, null);
                byte[] value = top.CopyValue();
                _card.Set(TagCid, Util.Bytes.Slice(value, 0, 1));
                _card.Set(TagAtc, Util.Bytes.Slice(value, 1, 2));
                _card.Set(TagAc, Util.Bytes.Slice(value, 3, 8));
                if (length > 11) _card.Set(TagIad, Util.Bytes.Slice(value, 11, length - 11));
                else _card.Remove(TagIad);
                return value[0];
            }
            if (top.Tag != TagFormat2) throw Invalid("GENERATE AC response template is neither '80' nor '77'", top.Tag, null);
            TlvList items = top.Children;
            byte[] cid = items.FindValue(TagCid);
            byte[] atc = items.FindValue(TagAtc);
            // Book 3, 6.5.5.4 format 2: CID and ATC are mandatory; the AC is mandatory unless the answer carries the
            // CDA signature (Book 2, 6.6.2: the AC is then inside the Signed Dynamic Application Data).
            if (cid == null || cid.Length != 1) throw new KernelTerminatedException(KernelTerminationReason.MissingMandatoryData, "GENERATE AC without a 1-byte CID", TagCid, -1, null);
            if (atc == null || atc.Length != 2) throw new KernelTerminatedException(KernelTerminationReason.MissingMandatoryData, "GENERATE AC without a 2-byte ATC", TagAtc, -1, null);
            byte[] ac = items.FindValue(TagAc);
            bool signed = cda && items.FindValue(TagSdad) != null;
            if (!signed && (ac == null || ac.Length != 8))
            {
                throw new KernelTerminatedException(KernelTerminationReason.MissingMandatoryData, "GENERATE AC without an 8-byte AC", TagAc, -1, null);
            }
            _card.Remove(TagAc);
            _card.Remove(TagIad);
            for (int i = 0; i < items.Count; i++)
            {
                TlvObject item = items[i];
                if (!item.IsConstructed) _card.Set(item.Tag, item.CopyValue());
            }
            return cid[0];
        }

        private void Verify(GenerateAcResult result, OfflineDataAuthentication oda, byte[] pdolData, byte[] cdol1, byte[] cdol2,
            TerminalVerificationResults tvr)
        {
            // Book 2, 6.6.2: an AAC returned to a CDA request carries no signature; nothing to verify.
            if (result.CryptogramType == CryptogramInformationData.Aac) return;
            Oda.SignedDynamicApplicationData sdad = oda.VerifyGenerateAcResponse(pdolData, cdol1, cdol2, result.ResponseData, tvr);
            if (sdad == null || !sdad.IsValid)
            {
                result.CdaFailed = true;
                return;
            }
            // Book 2, 6.6.2 step 12: the AC is the one recovered from the signature.
            _card.Set(TagAc, sdad.ApplicationCryptogram);
        }

        private static KernelTerminatedException Invalid(string detail, int tag, System.Exception inner)
        {
            return new KernelTerminatedException(KernelTerminationReason.InvalidCardResponse, detail, tag, -1, inner);
        }
    }
}
