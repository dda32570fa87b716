using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Capk;
using Terminal.EmvKernel.Configuration;
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.DataObjects;
using Terminal.EmvKernel.Tlv;

namespace Terminal.EmvKernel.Kernel
{
    /// <summary>
    /// One contact EMV transaction from application selection to completion (EMV 4.4 Book 3, section 10; Book 4,
    /// 6.3): the steps in their order over one card session, sharing one set of terminal and card data, TVR and
    /// TSI. The firmware gives the card channel, the request, and the cardholder and host sides; the kernel gives
    /// back one <see cref="TransactionOutcome"/>. No exception escapes <see cref="Run"/> for anything the card or
    /// the host does: card errors end as <see cref="TransactionDecision.Terminated"/> with a typed reason.
    /// Not thread-safe: one transaction at a time per instance.
    /// </summary>
    public sealed class ContactTransaction
    {
        /// <summary>
        /// The ICC data sent in field 55 of the authorisation, the advice and the reversal when present (Book 4,
        /// Annex B and the schemes' minimum data sets [K]).
        /// </summary>
        public static readonly int[] OnlineRequestTags =
        {
            0x9F26, 0x9F27, 0x9F10, 0x9F37, 0x9F36, 0x95, 0x9A, 0x9C, 0x9F02, 0x5F2A, 0x82, 0x9F1A, 0x9F03, 0x9F33,
            0x9F34, 0x9F35, 0x9F1E, 0x84, 0x9F09, 0x9F41, 0x9F5B
        };

        private const int TagArc = 0x8A;
        private const int TagIssuerAuthenticationData = 0x91;
        private const int TagAuthorisationCode = 0x89;
        private const int TagUnpredictableNumber = 0x9F37;
        private const int TagTvr = 0x95;
        private const int TagTsi = 0x9B;
        private const int TagCvmResults = 0x9F34;
        private const int TagScriptResults = 0x9F5B;

        private readonly KernelConfiguration _configuration;
        private readonly CaPublicKeyStore _caKeys;
        private readonly IRandomSource _random;

        // One transaction's state, reset by Run.
        private TerminalData _terminal;
        private CardData _card;
        private TerminalVerificationResults _tvr;
        private TransactionStatusInformation _tsi;
        private ApduTransport _transport;
        private AidParameters _aid;
        private bool _hostApproved;
        private bool _wentOnline;
        private TransactionDataSource _data;

        /// <summary>A kernel with its configuration, CA public keys and random source (for '9F37').</summary>
        public ContactTransaction(KernelConfiguration configuration, CaPublicKeyStore caKeys, IRandomSource random)
        {
            if (configuration == null) throw new System.ArgumentNullException("configuration");
            if (caKeys == null) throw new System.ArgumentNullException("caKeys");
            if (random == null) throw new System.ArgumentNullException("random");
            _configuration = configuration;
            _caKeys = caKeys;
            _random = random;
        }

        /// <summary>Cardholder confirmation of the application (Book 1, 12.4), or null when the terminal offers none.</summary>
        public ICardholderConfirmation Confirmation { get; set; }

        /// <summary>The PIN pad side of cardholder verification; required.</summary>
        public ICardholderVerificationMethods Cardholder { get; set; }

        /// <summary>The host link; null: the terminal is unable to go online.</summary>
        public IOnlineAuthoriser Host { get; set; }

        /// <summary>Terminal exception file (Book 3, 10.6.1), or null.</summary>
        public IExceptionFile ExceptionFile { get; set; }

        /// <summary>The terminal's log for split sales (Book 3, 10.6.1), or null.</summary>
        public ITransactionLog TransactionLog { get; set; }

        /// <summary>Random numbers 1-99 for random transaction selection (Book 3, 10.6.2), or null: no random selection.</summary>
        public ITransactionRandom SelectionRandom { get; set; }

        /// <summary>
        /// Runs the transaction on <paramref name="card"/>. Errors of the caller (null arguments, no
        /// <see cref="Cardholder"/>) throw; everything from the card or host ends in the outcome.
        /// </summary>
        public TransactionOutcome Run(ICardChannel card, TransactionRequest request)
        {
            if (card == null) throw new System.ArgumentNullException("card");
            if (request == null) throw new System.ArgumentNullException("request");
            if (Cardholder == null) throw new System.InvalidOperationException("Cardholder (PIN entry) is required");
            _terminal = new TerminalData();
            _card = new CardData();
            _tvr = new TerminalVerificationResults();
            _tsi = new TransactionStatusInformation();
            _transport = new ApduTransport(card, new ApduTrace());
            _data = new TransactionDataSource(_terminal, _card);
            _aid = null;
            _hostApproved = false;
            _wentOnline = false;
            TransactionOutcome outcome;
            try
            {
                PrepareTerminalData(request);
                outcome = Process(request);
            }
            catch (KernelTerminatedException e)
            {
                outcome = Terminated(e.Reason, e.Message, e.StatusWord);
            }
            catch (System.Exception e)
            {
                // A defect or a configuration the steps refuse must still end in a safe outcome, never an escaping
                // exception; tests treat InternalError as a failure so defects stay visible.
                outcome = Terminated(KernelTerminationReason.InternalError, e.GetType().Name, -1);
            }
            return outcome;
        }

        // Book 4, 6.3.1 and Book 3, 10: a fresh TVR and TSI (all zero) and the transaction's terminal data.
        private void PrepareTerminalData(TransactionRequest request)
        {
            _configuration.Terminal.ApplyTo(_terminal);
            _terminal.Set(0x9F02, NumericAmount.Encode(request.Amount));
            _terminal.Set(0x9F03, NumericAmount.Encode(request.AmountOther));
            _terminal.Set(0x81, BinaryAmount(request.Amount));
            _terminal.Set(0x9F04, BinaryAmount(request.AmountOther));
            _terminal.Set(0x9C, new byte[] { request.Type });
            _terminal.Set(0x9A, Util.Bytes.Copy(request.Date));
            _terminal.Set(0x9F21, Util.Bytes.Copy(request.Time));
            _terminal.Set(0x9F41, SequenceCounter(request.SequenceCounter));
            byte[] un = new byte[4];
            _random.NextBytes(un, 0, un.Length);
            _terminal.Set(TagUnpredictableNumber, un);
            SyncStatus();
        }

        private TransactionOutcome Process(TransactionRequest request)
        {
            // Book 1, 12: application selection.
            ApplicationSelection selection = new ApplicationSelection(_transport, _configuration.TerminalAids(), Confirmation);
            selection.UsePse = _configuration.Terminal.PseSupported;
            ApplyAid(selection.SelectApplication());

            // Book 3, 10.1: initiate application processing (a '6985' reselects inside the step).
            ProcessingOptions options = new InitiateApplicationProcessing(_transport, _terminal, _card).Run(selection);
            ApplyAid(options.Application);

            // Book 3, 10.2: read application data.
            ApplicationData data = new ReadApplicationData(_transport, _card).Run(options.Afl);

            // Book 3, 10.3: offline data authentication.
            OfflineDataAuthentication oda = new OfflineDataAuthentication(_transport, _terminal, _card, _caKeys);
            if (_aid.DefaultDdol != null && _aid.DefaultDdol.Length > 0) oda.DefaultDdol = _aid.DefaultDdol;
            oda.Run(options, data, _tvr, _tsi);

            // Book 3, 10.4: processing restrictions.
            ProcessingRestrictions.Apply(_card, _terminal, request.PurchaseOfServices, _tvr);

            // Book 3, 10.5: cardholder verification.
            CardholderVerification cvm = new CardholderVerification(_transport, _terminal, _card, Cardholder);
            cvm.PinEncipherment = PinEncipherment(oda, data, options);
            CvmResults cvmResults = cvm.Run(_tvr, _tsi);
            _terminal.Set(TagCvmResults, cvmResults.ToArray());

            // Book 3, 10.6: terminal risk management, when the AIP asks for it.
            if (options.InterchangeProfile.IsSet(ApplicationInterchangeProfile.TerminalRiskManagementToBePerformed))
            {
                RunTerminalRiskManagement();
            }
            if (request.MerchantForcedOnline) _tvr.Set(TerminalVerificationResults.MerchantForcedOnline);

            // Book 3, 10.7: terminal action analysis.
            ActionCodes codes = ActionCodes.From(_card, _aid.TacDenial, _aid.TacOnline, _aid.TacDefault);
            int requested = TerminalActionAnalysis.Decide(_tvr, codes, TerminalTypeOf());
            // Book 4, 6.3.6 [K]: an offline decline carries '8A' = "Z1", set before CDOL1 data is built.
            if (requested == CryptogramInformationData.Aac) SetArc('Z', '1');
            SyncStatus();

            // Book 3, 10.8: card action analysis, first GENERATE AC.
            PrepareTcHash(CardActionAnalysis.Cdol1Tag);
            CardActionAnalysis caa = new CardActionAnalysis(_transport, _card, _data);
            GenerateAcResult first = caa.RunFirst(requested, oda, options.PdolData, _tvr, _tsi);
            SyncStatus();
            if (first.CdaFailed) return AfterCdaFailure(caa, first, oda, options);
            if (first.CryptogramType == CryptogramInformationData.Tc)
            {
                SetArc('Y', '1');
                return Finished(TransactionDecision.ApprovedOffline, OutcomeReason.CardApprovedOffline, first);
            }
            if (first.CryptogramType == CryptogramInformationData.Aac)
            {
                SetArc('Z', '1');
                return Finished(TransactionDecision.DeclinedOffline,
                    requested == CryptogramInformationData.Aac ? OutcomeReason.TerminalDenied : OutcomeReason.CardDeclinedOffline, first);
            }
            return Online(caa, first, oda, options, codes);
        }

        // Book 2, 6.6.2 [K]: a CDA signature that fails on the first GENERATE AC declines the transaction; after an
        // ARQC the card is closed with a second GENERATE AC asking for an AAC.
        private TransactionOutcome AfterCdaFailure(CardActionAnalysis caa, GenerateAcResult first, OfflineDataAuthentication oda, ProcessingOptions options)
        {
            SetArc('Z', '1');
            if (first.CryptogramType == CryptogramInformationData.Arqc)
            {
                PrepareTcHash(CardActionAnalysis.Cdol2Tag);
                caa.RunSecond(CryptogramInformationData.Aac, oda, options.PdolData, _tvr);
            }
            return Finished(TransactionDecision.DeclinedOffline, OutcomeReason.CdaFailed, first);
        }

        // Book 3, 10.9 to 10.11: online processing, issuer authentication, scripts and the second GENERATE AC.
        private TransactionOutcome Online(CardActionAnalysis caa, GenerateAcResult first, OfflineDataAuthentication oda,
            ProcessingOptions options, ActionCodes codes)
        {
            OnlineResponse response = Authorise();
            if (response == null)
            {
                // Book 3, 10.7: unable to go online - the default action decides, '8A' = "Y3" or "Z3".
                int fallback = TerminalActionAnalysis.DefaultAction(_tvr, codes);
                SetArc(fallback == CryptogramInformationData.Tc ? 'Y' : 'Z', '3');
                PrepareTcHash(CardActionAnalysis.Cdol2Tag);
                GenerateAcResult unable = caa.RunSecond(fallback, oda, options.PdolData, _tvr);
                SyncStatus();
                bool approved = fallback == CryptogramInformationData.Tc && unable.CryptogramType == CryptogramInformationData.Tc && !unable.CdaFailed;
                return Finished(approved ? TransactionDecision.ApprovedOffline : TransactionDecision.DeclinedOffline,
                    approved ? OutcomeReason.UnableToGoOnlineApproved : OutcomeReason.UnableToGoOnlineDeclined, unable);
            }

            _hostApproved = response.Approved;
            _terminal.Set(TagArc, Util.Bytes.Copy(response.AuthorisationResponseCode));
            if (response.AuthorisationCode != null) _terminal.Set(TagAuthorisationCode, Util.Bytes.Copy(response.AuthorisationCode));
            if (response.IssuerAuthenticationData != null)
            {
                _terminal.Set(TagIssuerAuthenticationData, Util.Bytes.Copy(response.IssuerAuthenticationData));
                IssuerAuthentication.Run(_transport, options.InterchangeProfile, response.IssuerAuthenticationData, _tvr, _tsi);
            }
            IssuerScriptProcessing scripts = new IssuerScriptProcessing(_transport);
            scripts.MaxTotalScriptLength = _configuration.Terminal.MaxIssuerScriptLength;
            bool hasScripts = response.IssuerScripts != null && response.IssuerScripts.Length > 0;
            if (hasScripts)
            {
                scripts.Run(response.IssuerScripts, 0x71, _tvr, _tsi);
                StoreScriptResults(scripts);
            }

            int requested = response.Approved ? CryptogramInformationData.Tc : CryptogramInformationData.Aac;
            PrepareTcHash(CardActionAnalysis.Cdol2Tag);
            GenerateAcResult second = caa.RunSecond(requested, oda, options.PdolData, _tvr);
            SyncStatus();
            if (hasScripts)
            {
                // Book 3, 10.10: '72' scripts run after the final GENERATE AC.
                scripts.Run(response.IssuerScripts, 0x72, _tvr, _tsi);
                StoreScriptResults(scripts);
                SyncStatus();
            }
            bool tc = second.CryptogramType == CryptogramInformationData.Tc && !second.CdaFailed;
            if (response.Approved && tc) return Finished(TransactionDecision.ApprovedOnline, OutcomeReason.HostApproved, second);
            TransactionOutcome declined = Finished(TransactionDecision.DeclinedOnline,
                !response.Approved ? OutcomeReason.HostDeclined
                : second.CdaFailed ? OutcomeReason.CdaFailed : OutcomeReason.CardDeclinedAfterHostApproval, second);
            return declined;
        }

        private void PrepareTcHash(int cdolTag)
        {
            TransactionCertificateHash.PrepareFor(_card.Get(cdolTag), _card, _terminal, _data,
                _aid.DefaultTdol, _caKeys.Crypto, _tvr);
            SyncStatus();
        }

        private OnlineResponse Authorise()
        {
            // Book 4, Annex A1: terminal types x3/x6 are offline only; like a terminal that cannot reach its host they
            // complete with the default action (Book 3, 10.7), whatever the card asked for.
            if (Host == null || TerminalTypeOf().IsOfflineOnly) return null;
            OnlineRequest request = BuildAuthorisationData();
            _wentOnline = true;
            try
            {
                return Host.Authorise(request);
            }
            catch (System.Exception)
            {
                // The host link is the firmware's; whatever fails there means no answer: unable to go online.
                return null;
            }
        }

        private void StoreScriptResults(IssuerScriptProcessing scripts)
        {
            byte[] results = scripts.Results;
            if (results != null && results.Length > 0) _terminal.Set(TagScriptResults, results);
        }

        private void RunTerminalRiskManagement()
        {
            TerminalRiskManagement trm = new TerminalRiskManagement(_transport, _terminal, _card);
            trm.ExceptionFile = ExceptionFile;
            trm.TransactionLog = TransactionLog;
            if (SelectionRandom != null && (_aid.TargetPercent > 0 || _aid.MaxTargetPercent > 0))
            {
                trm.Random = SelectionRandom;
                trm.Threshold = _aid.Threshold;
                trm.TargetPercent = _aid.TargetPercent;
                trm.MaxTargetPercent = _aid.MaxTargetPercent;
            }
            trm.VelocityChecking = _aid.VelocityChecking;
            trm.Run(_tvr, _tsi);
        }

        // Book 2, 7.1: enciphered offline PIN reuses the keys offline data authentication recovered, if any.
        private OfflinePinEncipherment PinEncipherment(OfflineDataAuthentication oda, ApplicationData data, ProcessingOptions options)
        {
            OfflinePinEncipherment encipherment = new OfflinePinEncipherment(_caKeys, _card, _terminal, _random);
            encipherment.IssuerKey = oda.IssuerKey;
            encipherment.IccKey = oda.IccKey;
            encipherment.StaticDataToBeAuthenticated = OfflineDataAuthentication.StaticData(_card, data.StaticDataToBeAuthenticated, options.Aip);
            return encipherment;
        }

        private void ApplyAid(SelectedApplication application)
        {
            byte[] aid = application.Candidate.TerminalAid.Aid;
            AidParameters parameters = _configuration.Find(aid);
            if (parameters == null) parameters = _configuration.Find(application.DfName);
            if (parameters == null)
            {
                throw new KernelTerminatedException(KernelTerminationReason.NoMutualApplication, "no parameters for the selected AID", 0x9F06, -1, null);
            }
            _aid = parameters;
            parameters.ApplyTo(_terminal);
        }

        private TerminalType TerminalTypeOf()
        {
            byte[] t = _terminal.Get(TerminalType.TagValue);
            return new TerminalType(t);
        }

        private void SetArc(char first, char second)
        {
            _terminal.Set(TagArc, new byte[] { (byte)first, (byte)second });
        }

        private void SyncStatus()
        {
            _terminal.Set(TagTvr, _tvr.ToArray());
            _terminal.Set(TagTsi, _tsi.ToArray());
        }

        private TransactionOutcome Finished(TransactionDecision decision, OutcomeReason reason, GenerateAcResult last)
        {
            SyncStatus();
            TransactionOutcome outcome = new TransactionOutcome(decision, reason, _terminal, _card, MaskedTrace());
            outcome.WentOnline = _wentOnline;
            outcome.ReversalRequired = _hostApproved && decision != TransactionDecision.ApprovedOnline;
            outcome.AdviceRequired = (last.Cid & 0x08) != 0;
            outcome.AuthorisationData = BuildAuthorisationData();
            return outcome;
        }

        private TransactionOutcome Terminated(KernelTerminationReason reason, string detail, int statusWord)
        {
            SyncStatus();
            TransactionOutcome outcome = new TransactionOutcome(TransactionDecision.Terminated, OutcomeReason.Terminated, _terminal, _card, MaskedTrace());
            outcome.TerminationReason = reason;
            outcome.TerminationDetail = detail;
            outcome.TerminationStatusWord = statusWord;
            outcome.WentOnline = _wentOnline;
            // The host approved but the card never completed: the approval must be reversed (issue: no lost money).
            outcome.ReversalRequired = _hostApproved;
            if (_card.Contains(0x9F26)) outcome.AuthorisationData = BuildAuthorisationData();
            return outcome;
        }

        // Book 3, 10.5: TVR B3b3 "Online PIN entered" is the record that the firmware holds a PIN block.
        private OnlineRequest BuildAuthorisationData()
        {
            return OnlineRequest.Build(OnlineRequestTags, _terminal, _card, _tvr.IsSet(TerminalVerificationResults.OnlineCvmCaptured));
        }

        private ApduTrace MaskedTrace()
        {
            return _transport.Trace.CopyWithPanMasked(_card.Get(0x5A) ?? _card.Get(0x57));
        }

        private static byte[] BinaryAmount(long amount)
        {
            // '81' and '9F04' are b 4; amounts above 2^32 - 1 do not fit and are sent as all ones (Book 3, Annex A [K]).
            long v = amount > 0xFFFFFFFFL ? 0xFFFFFFFFL : amount;
            return new byte[] { (byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v };
        }

        private static byte[] SequenceCounter(int counter)
        {
            // '9F41' n 4-8: the last four bytes of the counter packed as n 12.
            return Util.Bytes.Slice(NumericAmount.Encode(counter < 0 ? 0 : counter % 100000000), 2, 4);
        }
    }
}
