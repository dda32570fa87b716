using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Tlv;
using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.Firmware.Core.Journal;

namespace Terminal.Firmware.Core.HostLink.Session
{
    /// <summary>
    /// The kernel's <see cref="IOnlineAuthoriser"/> over a <see cref="HostSession"/> (docs/host-session.md,
    /// "Kernel adapter"). Per transaction the firmware calls <see cref="Begin"/> (kind, amount, entry mode, then the
    /// PIN block when one is entered), runs the kernel (which calls <see cref="Authorise(OnlineRequest)"/>), and ends
    /// with <see cref="Complete(TransactionOutcome)"/>: a host approval the card declined is reversed, an offline
    /// approval is journaled as an advice. Stripe transactions use <see cref="Authorise()"/> and
    /// <see cref="Complete(bool, byte[])"/> without a kernel. One transaction at a time.
    /// </summary>
    public sealed class HostAuthoriser : IOnlineAuthoriser
    {
        private readonly HostSession _session;
        private readonly AuthorisationRequestBuilder _builder;
        private readonly IWallClock _clock;
        private AuthorisationRequest _pending;
        private AuthorisationResult _result;

        /// <summary>Creates the adapter; the builder's dialect must be the session's.</summary>
        public HostAuthoriser(HostSession session, AuthorisationRequestBuilder builder, IWallClock clock)
        {
            if (session == null || builder == null || clock == null) throw new System.ArgumentNullException("session", "session, builder and clock are required");
            _session = session;
            _builder = builder;
            _clock = clock;
        }

        /// <summary>Minutes to subtract from the local clock for DE 7 (transmission date and time, GMT). Default 0.</summary>
        public int UtcOffsetMinutes { get; set; }

        /// <summary>The result of the current transaction's online request, or null when none was sent.</summary>
        /// <summary>The trace number of the advice recorded by the last <see cref="Complete(TransactionOutcome)"/> of an
        /// offline approval, or 0 when none was recorded.</summary>
        public int AdviceTrace { get; private set; }

        /// <summary>The session result of the last authorisation, or null.</summary>
        public AuthorisationResult Result
        {
            get { return _result; }
        }

        /// <summary>The current transaction (set by <see cref="Begin"/>), or null.</summary>
        public AuthorisationRequest Pending
        {
            get { return _pending; }
        }

        /// <summary>
        /// Starts a transaction: <paramref name="request"/> gives kind, amount, entry mode, scheme and the original
        /// references; its PIN block and KSN may be set on it until the kernel goes online. Forgets the last result.
        /// Returns false, starting nothing, while a settlement's outcome is unknown and cannot be resolved now (the
        /// batch is frozen, docs/host-session.md "Pending settlement"): the firmware shows "settlement pending" and
        /// must not read the card, since even an offline approval could not be recorded.
        /// </summary>
        public bool Begin(AuthorisationRequest request)
        {
            if (request == null) throw new System.ArgumentNullException("request");
            _pending = null;
            _result = null;
            if (_session.SettlementPending) _session.ResumeSettlement();
            if (_session.SettlementPending) return false;
            _pending = request;
            return true;
        }

        /// <summary>
        /// The kernel goes online (EMV Book 3, 10.9): the request is built from the kernel's data and the
        /// transaction begun, sent through <see cref="HostSession.Authorise(Iso8583Message, TransactionKind, CardScheme, string, int)"/>
        /// and the answer mapped: ARC '8A' from DE 39, '91', '71' and '72' from DE 55, '89' from DE 38. Null (unable
        /// to go online) when nothing was sent or no usable answer came (the journal then holds a pending reversal).
        /// </summary>
        public OnlineResponse Authorise(OnlineRequest request)
        {
            if (request == null || _pending == null) return null;
            _pending.AttachCard(request);
            Send();
            return Map(_result);
        }

        /// <summary>
        /// Sends the begun transaction without a kernel (stripe, fallback: its track 2 was given to
        /// <see cref="AuthorisationRequest"/>) and returns the result (HostApproved: finish with <see cref="Complete(bool, byte[])"/>).
        /// </summary>
        public AuthorisationResult Authorise()
        {
            if (_pending == null) throw new System.InvalidOperationException("no transaction begun");
            Send();
            return _result;
        }

        /// <summary>
        /// Ends a chip transaction with the kernel's outcome: a host approval is confirmed when the card approved
        /// online, or reversed (the card declined at the second GENERATE AC, CDA failed, card removed); an offline
        /// approval (Y1, Y3) is journaled as an advice (dialect A 0220) and counted. Returns the final result, or
        /// null when nothing went to or is owed to the host.
        /// </summary>
        public AuthorisationResult Complete(TransactionOutcome outcome)
        {
            if (outcome == null) throw new System.ArgumentNullException("outcome");
            byte[] finalIcc = outcome.AuthorisationData == null ? null : outcome.AuthorisationData.IccData;
            if (_result != null && _result.Status == AuthorisationStatus.HostApproved)
                return Complete(outcome.Decision == TransactionDecision.ApprovedOnline && !outcome.ReversalRequired, finalIcc);
            if (outcome.Decision == TransactionDecision.ApprovedOffline && _pending != null && outcome.AuthorisationData != null)
            {
                _pending.AttachCard(outcome.AuthorisationData);
                RecordAdvice(outcome.Arc);
            }
            return _result;
        }

        /// <summary>
        /// Ends a host-approved transaction with the card's verdict (<see cref="HostSession.Complete"/>): accepted,
        /// it is counted; declined, its reversal (with <paramref name="finalIccData"/> as DE 55 when given) is sent.
        /// </summary>
        public AuthorisationResult Complete(bool cardAccepted, byte[] finalIccData)
        {
            if (_result == null) return null;
            _result = _session.Complete(_result, cardAccepted, finalIccData);
            return _result;
        }

        private void Send()
        {
            int trace = _session.NextTrace();
            System.DateTime local = _clock.Now;
            Iso8583Message m = _builder.Build(_pending, trace, _session.Journal.BatchNumber, local, local.AddMinutes(-UtcOffsetMinutes));
            _result = _session.Authorise(m, _pending.Kind, _pending.Scheme, _pending.MaskedPan(), _pending.OriginalStan);
        }

        /// <summary>The offline approval as a dialect A 0220 advice (<see cref="AuthorisationRequestBuilder.BuildAdvice"/>).</summary>
        private void RecordAdvice(byte[] arc)
        {
            AdviceTrace = 0;
            if (_builder.IsUnionPay) return;   // no UnionPay offline-sale advice builder (docs/host-session.md)
            string code = arc != null && arc.Length == 2 ? string.Concat(((char)arc[0]).ToString(), ((char)arc[1]).ToString()) : "Y1";
            int trace = _session.NextTrace();
            System.DateTime local = _clock.Now;
            Iso8583Message advice = _builder.BuildAdvice(_pending, trace, _session.Journal.BatchNumber, local, local.AddMinutes(-UtcOffsetMinutes), code);
            if (_session.RecordOfflineApproval(advice, _pending.Kind, _pending.Scheme, _pending.MaskedPan())) AdviceTrace = trace;
        }

        /// <summary>The kernel's view of a session result: null unless the host answered yes or no.</summary>
        private OnlineResponse Map(AuthorisationResult r)
        {
            if (r == null || r.Response == null) return null;
            if (r.Status != AuthorisationStatus.HostApproved && r.Status != AuthorisationStatus.Declined) return null;
            string code = r.ResponseCode;
            if (code == null || code.Length != 2) return null;
            OnlineResponse response = new OnlineResponse(new byte[] { (byte)code[0], (byte)code[1] }, r.Status == AuthorisationStatus.HostApproved);
            string authCode = r.Response.GetString(38);
            if (authCode != null && authCode.Length == 6)
            {
                byte[] a = new byte[6];
                for (int i = 0; i < 6; i++) a[i] = (byte)authCode[i];
                response.AuthorisationCode = a;
            }
            byte[] icc = r.Response.GetBytes(55);
            if (icc != null) ReadIssuerData(icc, response);
            return response;
        }

        /// <summary>'91' and the '71'/'72' templates of the answer's DE 55; unreadable TLV data is ignored (no issuer data).</summary>
        private static void ReadIssuerData(byte[] icc, OnlineResponse response)
        {
            TlvList list;
            try
            {
                list = TlvParser.Parse(icc);
            }
            catch (TlvException)
            {
                return;
            }
            byte[] scripts = null;
            for (int i = 0; i < list.Count; i++)
            {
                TlvObject o = list[i];
                if (o.Tag == 0x91) response.IssuerAuthenticationData = o.CopyValue();
                else if (o.Tag == 0x71 || o.Tag == 0x72) scripts = scripts == null ? o.CopyEncoded() : Bytes.Concat(scripts, o.CopyEncoded());
            }
            response.IssuerScripts = scripts;
        }
    }
}
