using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Capk;
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.DataObjects;
using Terminal.EmvKernel.Dol;
using Terminal.EmvKernel.Oda;
using Terminal.EmvKernel.Tlv;

namespace Terminal.EmvKernel.Kernel
{
    /// <summary>The offline data authentication method the kernel chose (EMV 4.4 Book 3, 10.3).</summary>
    public enum OdaMethod
    {
        /// <summary>No method is supported by both card and terminal: "ODA not performed".</summary>
        None = 0,
        /// <summary>Static data authentication (Book 2, 5).</summary>
        Sda = 1,
        /// <summary>Dynamic data authentication (Book 2, 6.5).</summary>
        Dda = 2,
        /// <summary>Combined DDA / application cryptogram generation (Book 2, 6.6).</summary>
        Cda = 3
    }

    /// <summary>
    /// Offline data authentication, EMV 4.4 Book 3, 10.3 with Book 2, 5 (SDA) and 6 (DDA, CDA). The method is
    /// the first of CDA, DDA, SDA supported by both the AIP (byte 1: b1 CDA, b6 DDA, b7 SDA) and the Terminal
    /// Capabilities 9F33 (byte 3: b4 CDA, b7 DDA, b8 SDA). Failures only set TVR bits and the transaction goes on;
    /// only a malformed or refused INTERNAL AUTHENTICATE (a card error) ends it with a
    /// <see cref="KernelTerminatedException"/>. For CDA the issuer and ICC public keys are recovered here and kept
    /// for the GENERATE AC step, which calls <see cref="VerifyGenerateAcResponse"/>.
    /// </summary>
    public sealed class OfflineDataAuthentication
    {
        private const string Step = "INTERNAL AUTHENTICATE";
        private const int TagAip = 0x82;
        private const int TagCaIndex = 0x8F;
        private const int TagIssuerCertificate = 0x90;
        private const int TagSignedStaticData = 0x93;
        private const int TagIssuerExponent = 0x9F32;
        private const int TagIccCertificate = 0x9F46;
        private const int TagIccExponent = 0x9F47;
        private const int TagDdol = 0x9F49;
        private const int TagSdaTagList = 0x9F4A;
        private const int TagSignedDynamicData = 0x9F4B;
        private const int TagIccDynamicNumber = 0x9F4C;
        private const int TagDataAuthenticationCode = 0x9F45;
        private const int TagTransactionDate = 0x9A;
        private const int TagUnpredictableNumber = 0x9F37;
        private const int TagCid = 0x9F27;
        private const int TagResponseFormat1 = 0x80;
        private const int TagResponseFormat2 = 0x77;

        private readonly ApduTransport _transport;
        private readonly TerminalData _terminal;
        private readonly CardData _card;
        private readonly CaPublicKeyStore _store;

        /// <summary>The step over <paramref name="transport"/> with the transaction's data and the CA key store of the terminal's set.</summary>
        public OfflineDataAuthentication(ApduTransport transport, TerminalData terminal, CardData card, CaPublicKeyStore store)
        {
            if (transport == null) throw new System.ArgumentNullException("transport");
            if (terminal == null) throw new System.ArgumentNullException("terminal");
            if (card == null) throw new System.ArgumentNullException("card");
            if (store == null) throw new System.ArgumentNullException("store");
            _transport = transport;
            _terminal = terminal;
            _card = card;
            _store = store;
        }

        /// <summary>The terminal's Default DDOL for the selected AID, used when the card has no DDOL 9F49 (Book 3, 10.3; null: none).</summary>
        public byte[] DefaultDdol { get; set; }

        /// <summary>The method chosen by the last <see cref="Run"/>.</summary>
        public OdaMethod Method { get; private set; }

        /// <summary>Why the method failed (<see cref="OdaFailure.None"/> when it passed or none ran).</summary>
        public OdaFailure Failure { get; private set; }

        /// <summary>The issuer public key recovered (null when recovery did not run or failed).</summary>
        public IssuerPublicKeyCertificate IssuerKey { get; private set; }

        /// <summary>The ICC public key recovered for DDA or CDA (null when recovery did not run or failed).</summary>
        public IccPublicKeyCertificate IccKey { get; private set; }

        /// <summary>The DDOL data sent in INTERNAL AUTHENTICATE (DDA), or null.</summary>
        public byte[] DdolData { get; private set; }

        /// <summary>
        /// True when CDA is selected and has not failed so far: the GENERATE AC step then requests CDA (P1 b5) and
        /// verifies the response with <see cref="VerifyGenerateAcResponse"/> (Book 3, 10.3 and 9.3).
        /// </summary>
        public bool CdaSelected
        {
            get { return Method == OdaMethod.Cda && Failure == OdaFailure.None && IccKey != null; }
        }

        /// <summary>
        /// Chooses and runs the method (Book 3, 10.3), setting TVR byte 1 (b8 not performed, b7 SDA failed, b6 ICC
        /// data missing, b4 DDA failed, b3 CDA failed, b2 SDA selected) and TSI byte 1 b8 (ODA performed). The
        /// transaction date is 9A of the terminal data. Returns the method chosen.
        /// </summary>
        public OdaMethod Run(ProcessingOptions options, ApplicationData data, TerminalVerificationResults tvr, TransactionStatusInformation tsi)
        {
            if (options == null) throw new System.ArgumentNullException("options");
            if (data == null) throw new System.ArgumentNullException("data");
            if (tvr == null) throw new System.ArgumentNullException("tvr");
            if (tsi == null) throw new System.ArgumentNullException("tsi");
            Failure = OdaFailure.None;
            IssuerKey = null;
            IccKey = null;
            DdolData = null;
            Method = Choose(options.InterchangeProfile);
            if (Method == OdaMethod.None)
            {
                // Book 3, 10.3: no method supported by both -> "Offline data authentication was not performed".
                tvr.Set(TerminalVerificationResults.OfflineDataAuthenticationNotPerformed);
                return Method;
            }
            // Book 3, 10.3: a method is attempted -> TSI "Offline data authentication was performed"; SDA also
            // sets "SDA selected" (EMV 4.3 onwards).
            tsi.Set(TransactionStatusInformation.OfflineDataAuthenticationPerformed);
            if (Method == OdaMethod.Sda) tvr.Set(TerminalVerificationResults.SdaSelected);

            OdaFailure f = Authenticate(options, data, tvr);
            if (f != OdaFailure.None)
            {
                Failure = f;
                tvr.Set(FailedBit(Method));
            }
            return Method;
        }

        /// <summary>
        /// CDA at GENERATE AC, Book 2, 6.6.2: verifies the Signed Dynamic Application Data of the response
        /// (<paramref name="responseData"/> = the whole R-APDU data, a '77' template) under the ICC key recovered by
        /// <see cref="Run"/>, with the Transaction Data Hash Code over <paramref name="pdolData"/> (null: no PDOL),
        /// <paramref name="cdol1Data"/> and <paramref name="cdol2Data"/> (null for the first GENERATE AC) and the
        /// response objects. Sets TVR B1b3 "CDA failed" on failure and returns the verification (null when CDA already
        /// failed at <see cref="Run"/> or the response carries no 77/9F27/9F4B, which is also a CDA failure). Calling it
        /// when <see cref="Method"/> is not CDA is a programming error (InvalidOperationException). A template that is
        /// not BER-TLV terminates (card error).
        /// </summary>
        public SignedDynamicApplicationData VerifyGenerateAcResponse(byte[] pdolData, byte[] cdol1Data, byte[] cdol2Data,
            byte[] responseData, TerminalVerificationResults tvr)
        {
            if (cdol1Data == null) throw new System.ArgumentNullException("cdol1Data");
            if (responseData == null) throw new System.ArgumentNullException("responseData");
            if (tvr == null) throw new System.ArgumentNullException("tvr");
            if (Method != OdaMethod.Cda) throw new System.InvalidOperationException("CDA was not selected by offline data authentication");
            if (!CdaSelected)
            {
                tvr.Set(TerminalVerificationResults.CdaFailed);
                return null;
            }
            TlvObject template = ParseTemplate(responseData, "GENERATE AC");
            if (template == null || template.Tag != TagResponseFormat2)
            {
                // Book 2, 6.6.2: CDA needs the format 2 response.
                return FailCda(tvr, OdaFailure.MissingData);
            }
            TlvList objects = template.Children;
            byte[] sdad = objects.FindValue(TagSignedDynamicData);
            byte[] cid = objects.FindValue(TagCid);
            byte[] un = _terminal.Get(TagUnpredictableNumber);
            if (sdad == null || cid == null || cid.Length != 1 || un == null)
            {
                return FailCda(tvr, OdaFailure.MissingData);
            }
            // Book 2, 6.6.2 steps 10-11.
            byte[] hash = TransactionDataHashCode.Compute(_store.Crypto, pdolData, cdol1Data, cdol2Data, objects);
            SignedDynamicApplicationData r = SignedDynamicApplicationData.VerifyCombined(_store.Crypto, IccKey, sdad, un, cid[0], hash);
            if (!r.IsValid)
            {
                Failure = r.Failure;
                tvr.Set(TerminalVerificationResults.CdaFailed);
                return r;
            }
            _card.Set(TagIccDynamicNumber, r.IccDynamicNumber);
            return r;
        }

        private SignedDynamicApplicationData FailCda(TerminalVerificationResults tvr, OdaFailure failure)
        {
            Failure = failure;
            tvr.Set(TerminalVerificationResults.CdaFailed);
            return null;
        }

        // Book 3, 10.3: CDA if both support it, else DDA, else SDA.
        private OdaMethod Choose(ApplicationInterchangeProfile aip)
        {
            byte[] caps = _terminal.Get(TerminalCapabilities.TagValue);
            if (caps == null || caps.Length != TerminalCapabilities.ValueLength) return OdaMethod.None;
            TerminalCapabilities terminal = new TerminalCapabilities(caps);
            if (aip.IsSet(ApplicationInterchangeProfile.CdaSupported) && terminal.IsSet(TerminalCapabilities.Cda)) return OdaMethod.Cda;
            if (aip.IsSet(ApplicationInterchangeProfile.DdaSupported) && terminal.IsSet(TerminalCapabilities.Dda)) return OdaMethod.Dda;
            if (aip.IsSet(ApplicationInterchangeProfile.SdaSupported) && terminal.IsSet(TerminalCapabilities.Sda)) return OdaMethod.Sda;
            return OdaMethod.None;
        }

        private static int FailedBit(OdaMethod method)
        {
            if (method == OdaMethod.Sda) return TerminalVerificationResults.SdaFailed;
            if (method == OdaMethod.Dda) return TerminalVerificationResults.DdaFailed;
            return TerminalVerificationResults.CdaFailed;
        }

        private OdaFailure Authenticate(ProcessingOptions options, ApplicationData data, TerminalVerificationResults tvr)
        {
            // Book 3, 10.3: the data needed must be present, else "ICC data missing" and the method fails.
            bool dynamic = Method != OdaMethod.Sda;
            if (!_card.Contains(TagCaIndex) || !_card.Contains(TagIssuerCertificate) || !_card.Contains(TagIssuerExponent)
                || (!dynamic && !_card.Contains(TagSignedStaticData))
                || (dynamic && (!_card.Contains(TagIccCertificate) || !_card.Contains(TagIccExponent))))
            {
                tvr.Set(TerminalVerificationResults.IccDataMissing);
                return OdaFailure.MissingData;
            }
            // Book 3, 10.3: a record of SFI 11-30 flagged for ODA that is not a '70' template makes ODA fail.
            if (data.OdaRecordNotTemplate) return OdaFailure.MissingData;
            byte[] staticData = StaticData(_card, data.StaticDataToBeAuthenticated, options.Aip);
            if (staticData == null) return OdaFailure.MissingData;

            EmvDate date;
            byte[] dateValue = _terminal.Get(TagTransactionDate);
            if (dateValue == null || dateValue.Length != 3 || !EmvDate.TryFromYymmdd(dateValue, 0, out date))
                throw new System.InvalidOperationException("the terminal data has no valid transaction date 9A");

            byte[] caIndex = _card.Get(TagCaIndex);
            if (caIndex.Length != 1)
            {
                tvr.Set(TerminalVerificationResults.IccDataMissing);
                return OdaFailure.MissingData;
            }
            // Book 2, 5.2-5.3 and 6.2-6.3: CA key by RID (the AID's first 5 bytes) and 8F, then the issuer key.
            IssuerPublicKeyCertificate issuer = CardPublicKeys.Issuer(_store, _card, options.Application.DfName, caIndex[0], date);
            if (!issuer.IsValid) return issuer.Failure;
            IssuerKey = issuer;

            ICryptoProvider crypto = _store.Crypto;
            if (!dynamic)
            {
                // Book 2, 5.4: the SSAD; its Data Authentication Code is kept as 9F45.
                SignedStaticApplicationData ssad = SignedStaticApplicationData.Verify(crypto, issuer, _card.Get(TagSignedStaticData), staticData);
                if (!ssad.IsValid) return ssad.Failure;
                _card.Set(TagDataAuthenticationCode, ssad.DataAuthenticationCode);
                return OdaFailure.None;
            }
            // Book 2, 6.4: the ICC public key.
            IccPublicKeyCertificate icc = CardPublicKeys.Icc(crypto, issuer, _card, staticData, date);
            if (!icc.IsValid) return icc.Failure;
            IccKey = icc;
            // Book 3, 10.3: CDA goes on at GENERATE AC.
            if (Method == OdaMethod.Cda) return OdaFailure.None;
            return InternalAuthenticate(icc);
        }

        // Book 2, 6.5.1-6.5.2: DDOL (card 9F49, else the terminal default) must hold 9F37; INTERNAL AUTHENTICATE.
        private OdaFailure InternalAuthenticate(IccPublicKeyCertificate icc)
        {
            byte[] ddolBytes = _card.Get(TagDdol);
            if (ddolBytes == null) ddolBytes = DefaultDdol;
            if (ddolBytes == null) return OdaFailure.MissingData;
            DataObjectList ddol;
            try
            {
                ddol = DataObjectList.Parse(ddolBytes);
            }
            catch (TlvException)
            {
                return OdaFailure.MissingData;
            }
            if (!ddol.Contains(TagUnpredictableNumber)) return OdaFailure.MissingData;
            byte[] ddolData = ddol.Build(_terminal);
            DdolData = ddolData;

            ResponseApdu response = CardCommand.Exchange(_transport, EmvCommands.InternalAuthenticate(ddolData), Step);
            if (response.Sw != StatusWord.Success) throw CardCommand.UnexpectedStatus(Step, response.Sw);
            byte[] sdad = SignedDynamicData(response.Data);
            SignedDynamicApplicationData r = SignedDynamicApplicationData.VerifyDynamic(_store.Crypto, icc, sdad, ddolData);
            if (!r.IsValid) return r.Failure;
            // Book 2, 6.5.2 step 8: keep the ICC Dynamic Number.
            _card.Set(TagIccDynamicNumber, r.IccDynamicNumber);
            return OdaFailure.None;
        }

        // Book 3, 6.5.9.4: format 1 '80' holds the SDAD; format 2 '77' holds it in 9F4B. Anything else terminates.
        private static byte[] SignedDynamicData(byte[] data)
        {
            TlvObject template = ParseTemplate(data, Step);
            byte[] sdad = null;
            if (template != null && template.Tag == TagResponseFormat1) sdad = template.CopyValue();
            else if (template != null && template.Tag == TagResponseFormat2) sdad = template.Children.FindValue(TagSignedDynamicData);
            if (sdad == null || sdad.Length == 0)
                throw new KernelTerminatedException(KernelTerminationReason.InvalidCardResponse,
                    "INTERNAL AUTHENTICATE response is not an '80' or '77' template with 9F4B", TagSignedDynamicData, -1, null);
            return sdad;
        }

        // The single top-level object of a response, or null when the data holds another shape. Not BER-TLV terminates.
        private static TlvObject ParseTemplate(byte[] data, string step)
        {
            TlvList list;
            try
            {
                list = TlvParser.Parse(data);
            }
            catch (TlvException e)
            {
                throw new KernelTerminatedException(KernelTerminationReason.InvalidCardResponse,
                    string.Concat(step, " response is not BER-TLV"), 0, -1, e);
            }
            return list.Count == 1 ? list[0] : null;
        }

        /// <summary>
        /// Book 3, 10.3: the static data to be authenticated is the ODA records, then the AIP when the SDA Tag List
        /// '9F4A' is present; a list holding anything other than '82' makes ODA fail (null). Also used to recover the
        /// ICC key for enciphered PIN when ODA did not (Book 2, 7.1).
        /// </summary>
        public static byte[] StaticData(CardData card, byte[] records, byte[] aip)
        {
            byte[] tagList = card.Get(TagSdaTagList);
            if (tagList == null || tagList.Length == 0) return records;
            if (tagList.Length != 1 || tagList[0] != TagAip) return null;
            byte[] all = new byte[records.Length + aip.Length];
            System.Array.Copy(records, 0, all, 0, records.Length);
            System.Array.Copy(aip, 0, all, records.Length, aip.Length);
            return all;
        }
    }
}
