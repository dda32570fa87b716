using System.Collections;
using Terminal.Firmware.Core.HostLink.Transport;
using Terminal.Firmware.Core.Journal;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.Firmware.Core.HostLink.Security;

namespace Terminal.Firmware.Core.HostLink.Session
{
    /// <summary>
    /// The terminal's side of the host conversation over a <see cref="TransactionJournal"/>, so that nothing is
    /// lost (issue 5 §4-5, docs/host-session.md): every online request is journaled with its pre-built reversal
    /// before it leaves; an unknown outcome (timeout, link drop, unreadable answer, wrong MAC) or a card decline
    /// after host approval leaves the reversal pending; pending reversals go out before any new request and on
    /// every later connection until a 0410 acknowledges them; offline approvals go out as 0220 advices until the
    /// 0230; settlement sends the batch totals (0500), uploads the batch (0320) when the host disagrees and asks
    /// again. One caller thread; no sleeping (time is the connection's and the clock's).
    /// </summary>
    public sealed class HostSession
    {
        /// <summary>Default time allowed to connect.</summary>
        public const int DefaultConnectTimeoutMs = 15000;

        private readonly IHostConnection _connection;
        private readonly TransactionJournal _journal;
        private readonly ISessionMessages _messages;
        private readonly HostExchange _exchange;
        private readonly ArrayList _attempted = new ArrayList();
        private int _connectTimeoutMs = DefaultConnectTimeoutMs;

        /// <summary>Creates a session over a connection, a clock, the journal and the dialect's rules.</summary>
        public HostSession(IHostConnection connection, IMonotonicClock clock, TransactionJournal journal, ISessionMessages messages)
        {
            if (journal == null || messages == null) throw new System.ArgumentNullException("journal", "journal and messages are required");
            _connection = connection;
            _journal = journal;
            _messages = messages;
            _exchange = new HostExchange(connection, messages.Dialect, clock);
        }

        /// <summary>The journal.</summary>
        public TransactionJournal Journal
        {
            get { return _journal; }
        }

        /// <summary>The dialect's rules this session follows.</summary>
        public ISessionMessages Messages
        {
            get { return _messages; }
        }

        /// <summary>The exchange (answer timeout, count of discarded answers).</summary>
        public HostExchange Exchange
        {
            get { return _exchange; }
        }

        /// <summary>MAC signer/verifier of requests and answers; null: messages go unsigned.</summary>
        public IMessageAuthenticator Authenticator { get; set; }

        /// <summary>
        /// The dialect's sign-on (UnionPay), or null when requests need no working keys. When set, every request that
        /// needs the keys signs on first if they are missing; a request that still cannot get them is not sent
        /// (<see cref="SessionFailure.NotSignedOn"/>; an authorisation is then not journaled).
        /// </summary>
        public IHostSignOn SignOn { get; set; }

        /// <summary>Time allowed to connect (1 ms or more).</summary>
        public int ConnectTimeoutMs
        {
            get { return _connectTimeoutMs; }
            set
            {
                if (value < 1) throw new System.ArgumentOutOfRangeException("value", "timeout must be at least 1 ms");
                _connectTimeoutMs = value;
            }
        }

        /// <summary>The next trace number (DE 11) for a request, durable before it is returned.</summary>
        public int NextTrace()
        {
            return _journal.ReserveTrace();
        }

        /// <summary>
        /// Sends an online request (0100/0200 built by the dialect's builders with DE 11 from <see cref="NextTrace"/>).
        /// First delivers pending reversals and connects (a reversal left or no connection:
        /// <see cref="AuthorisationStatus.NotSent"/>, nothing recorded); then journals the transaction with its
        /// reversal, sends, and reads the answer. Host approval:
        /// <see cref="AuthorisationStatus.HostApproved"/>, finish with <see cref="Complete"/> after the card's second
        /// GENERATE AC. Decline: final. No usable answer: the reversal is pending and tried at once.
        /// A request that cannot be packed raises <see cref="Iso8583Exception"/> before anything is recorded.
        /// </summary>
        public AuthorisationResult Authorise(Iso8583Message request, TransactionKind kind, CardScheme scheme)
        {
            if (request == null) throw new System.ArgumentNullException("request");
            return Authorise(request, kind, scheme, JournalTransaction.MaskPan(Pan(request)), -1);
        }

        /// <summary>
        /// <see cref="Authorise(Iso8583Message, TransactionKind, CardScheme)"/> with the masked PAN for the journal
        /// given by the caller (first 6, last 4; needed when the card data travels enciphered in DE 57 and the
        /// request has no clear PAN) and, for a void, the trace number of the voided transaction (-1: none).
        /// </summary>
        public AuthorisationResult Authorise(Iso8583Message request, TransactionKind kind, CardScheme scheme, string maskedPan, int originalTrace)
        {
            if (request == null) throw new System.ArgumentNullException("request");
            if (maskedPan == null) throw new System.ArgumentNullException("maskedPan");
            _messages.Dialect.Pack(request);                  // refuse a bad request before anything happens
            int trace = (int)request.GetNumeric(11);
            int reversalTrace = _messages.ReversalHasOwnTrace ? _journal.ReserveTrace() : trace;
            byte[] reversal = _messages.Dialect.Pack(_messages.Reversal(request, reversalTrace, ReversalCause.NoAnswer));

            SessionFailure pending = SendPendingReversals();
            if (pending != SessionFailure.None)
                return new AuthorisationResult(trace, AuthorisationStatus.NotSent,
                    IsUnreachable(pending) ? pending : SessionFailure.ReversalsPending, null);
            // A settlement whose outcome is unknown is resolved first; until then its batch is frozen.
            SessionFailure settling = SettlementFirst();
            if (settling != SessionFailure.None) return new AuthorisationResult(trace, AuthorisationStatus.NotSent, settling, null);

            SessionFailure link = Connected();
            if (link != SessionFailure.None) return new AuthorisationResult(trace, AuthorisationStatus.NotSent, link, null);
            // No working keys (UnionPay not signed on): sign on now; while that fails nothing is sent or journaled.
            SessionFailure keys = KeysFor(request);
            if (keys != SessionFailure.None) return new AuthorisationResult(trace, AuthorisationStatus.NotSent, keys, null);

            JournalTransaction tx = new JournalTransaction(trace, kind, scheme, Amount(request), request.GetString(49), maskedPan, request.Mti);
            tx.OriginalTrace = originalTrace;
            tx.Reversal = reversal;
            try
            {
                _journal.RecordRequest(tx);                   // durable before the request leaves
            }
            catch (JournalException)
            {
                return new AuthorisationResult(trace, AuthorisationStatus.NotSent, SessionFailure.JournalFailed, null);
            }

            Iso8583Message answer;
            SessionFailure failure = Send(request, out answer);
            // An answer must say yes or no in DE 39, and what the journal keeps of it (DE 37, 38, 39) must be text.
            if (failure == SessionFailure.None && !Readable(answer)) failure = SessionFailure.Malformed;
            string code = failure == SessionFailure.None ? answer.GetString(39) : null;
            if (failure != SessionFailure.None)
            {
                ReversalCause cause = failure == SessionFailure.MacInvalid ? ReversalCause.MacError : ReversalCause.NoAnswer;
                byte[] rearmed = cause == ReversalCause.NoAnswer ? null
                    : _messages.Dialect.Pack(_messages.Rearm(_messages.Dialect.Parse(reversal), cause, null));
                _journal.MarkReversalNeeded(trace, _messages.ReasonCode(cause), rearmed);
                SendPendingReversals();
                return new AuthorisationResult(trace, ReversalStatus(trace), failure, null);
            }
            if (_messages.IsApproval(code))
                return new AuthorisationResult(trace, AuthorisationStatus.HostApproved, SessionFailure.None, answer);
            _journal.MarkDeclined(trace, code);
            return new AuthorisationResult(trace, AuthorisationStatus.Declined, SessionFailure.None, answer);
        }

        /// <summary>
        /// Finishes a host-approved transaction with the card's verdict at the second GENERATE AC: accepted, it is
        /// approved and counted; declined, the reversal is re-armed (reason "card declined", with the card's final
        /// DE 55 when given) and sent at once. Other results are returned unchanged. Call it for every
        /// <see cref="AuthorisationStatus.HostApproved"/> result: until then the transaction stays in flight and is
        /// neither counted nor reversed (a restart reverses it).
        /// </summary>
        public AuthorisationResult Complete(AuthorisationResult result, bool cardAccepted, byte[] finalIccData)
        {
            if (result == null) throw new System.ArgumentNullException("result");
            if (result.Status != AuthorisationStatus.HostApproved) return result;
            if (cardAccepted)
            {
                Iso8583Message a = result.Response;
                _journal.MarkApproved(result.Trace, a.GetString(37), a.GetString(38), a.GetString(39));
                result.Status = AuthorisationStatus.Approved;
                return result;
            }
            JournalTransaction tx = _journal.Find(result.Trace);
            Iso8583Message stored = _messages.Dialect.Parse(tx.Reversal);
            byte[] rearmed;
            try
            {
                rearmed = _messages.Dialect.Pack(_messages.Rearm(stored, ReversalCause.CardDeclined, finalIccData));
            }
            catch (Iso8583Exception)
            {
                // Card data that does not fit DE 55: keep the request's DE 55, the reversal still undoes the amount.
                rearmed = _messages.Dialect.Pack(_messages.Rearm(stored, ReversalCause.CardDeclined, null));
            }
            _journal.MarkReversalNeeded(result.Trace, _messages.ReasonCode(ReversalCause.CardDeclined), rearmed);
            SendPendingReversals();
            result.Status = ReversalStatus(result.Trace);
            return result;
        }

        /// <summary>
        /// Voids an approved transaction of the open batch by its stored reversal (dialect A: a void is the reversal
        /// of the original, docs/host-session.md). A pending settlement is resolved first (until then nothing
        /// changes: <see cref="AuthorisationStatus.NotSent"/>). Then the reversal is re-armed with the reason
        /// "voided" and journaled as pending, so the transaction stops counting in the batch at once and the
        /// reversal goes out until a 0410 acknowledges it; pending reversals are sent now. Returns the original's
        /// trace with <see cref="AuthorisationStatus.Reversed"/> (acknowledged) or
        /// <see cref="AuthorisationStatus.ReversalPending"/> (host down: delivered later, the failure says why).
        /// A transaction that is not approved, has no stored reversal or is not of the open batch raises
        /// <see cref="System.ArgumentException"/>, nothing changed.
        /// </summary>
        public AuthorisationResult Void(int trace)
        {
            SessionFailure settling = SettlementFirst();
            if (settling != SessionFailure.None) return new AuthorisationResult(trace, AuthorisationStatus.NotSent, settling, null);
            JournalTransaction tx = _journal.Find(trace);
            if (tx == null || tx.State != TransactionState.Approved || tx.Reversal == null || tx.Batch != _journal.BatchNumber)
                throw new System.ArgumentException("only an approved transaction of the open batch can be voided", "trace");
            byte[] rearmed = _messages.Dialect.Pack(_messages.Rearm(_messages.Dialect.Parse(tx.Reversal), ReversalCause.Voided, null));
            try
            {
                _journal.MarkReversalNeeded(trace, _messages.ReasonCode(ReversalCause.Voided), rearmed);   // durable first
            }
            catch (JournalException)
            {
                return new AuthorisationResult(trace, AuthorisationStatus.NotSent, SessionFailure.JournalFailed, null);
            }
            SessionFailure sent = SendPendingReversals();
            return new AuthorisationResult(trace, ReversalStatus(trace), sent, null);
        }

        /// <summary>
        /// Journals an offline approval (0220 built by the dialect's advice builder, DE 11 from
        /// <see cref="NextTrace"/>); it counts in the batch at once and is uploaded by <see cref="SendPendingAdvices"/>.
        /// Returns false, recording nothing, while a settlement stays pending (the batch is frozen): the firmware
        /// checks <see cref="SettlementPending"/> before it starts a transaction.
        /// </summary>
        public bool RecordOfflineApproval(Iso8583Message advice, TransactionKind kind, CardScheme scheme)
        {
            if (advice == null) throw new System.ArgumentNullException("advice");
            return RecordOfflineApproval(advice, kind, scheme, JournalTransaction.MaskPan(Pan(advice)));
        }

        /// <summary>
        /// <see cref="RecordOfflineApproval(Iso8583Message, TransactionKind, CardScheme)"/> with the masked PAN for
        /// the journal given by the caller (first 6, last 4).
        /// </summary>
        public bool RecordOfflineApproval(Iso8583Message advice, TransactionKind kind, CardScheme scheme, string maskedPan)
        {
            if (advice == null) throw new System.ArgumentNullException("advice");
            if (maskedPan == null) throw new System.ArgumentNullException("maskedPan");
            // A pending settlement freezes the batch: try to resolve it; if it stays unknown, the approval is held.
            if (SettlementFirst() != SessionFailure.None) return false;
            byte[] packed = _messages.Dialect.Pack(advice);
            JournalTransaction tx = new JournalTransaction((int)advice.GetNumeric(11), kind, scheme, Amount(advice),
                advice.GetString(49), maskedPan, advice.Mti);
            tx.Advice = packed;
            _journal.RecordAdvice(tx);
            return true;
        }

        /// <summary>
        /// Sends every pending reversal, oldest first, until each is acknowledged by its 0410 (repeats as 0401 when
        /// the dialect has repeats). Stops at the first failure and returns it; None when none is left.
        /// </summary>
        public SessionFailure SendPendingReversals()
        {
            ArrayList pending = _journal.PendingReversals();
            for (int i = 0; i < pending.Count; i++)
            {
                JournalTransaction tx = (JournalTransaction)pending[i];
                Iso8583Message answer;
                SessionFailure f = Send(Repeatable(tx.Trace, tx.Reversal), out answer);
                if (f != SessionFailure.None) return f;
                _journal.MarkReversed(tx.Trace);
                _attempted.Remove(tx.Trace);
            }
            return SessionFailure.None;
        }

        /// <summary>Sends every pending advice (0220, repeats 0221) until its 0230; stops at the first failure.</summary>
        public SessionFailure SendPendingAdvices()
        {
            ArrayList pending = _journal.PendingAdvices();
            for (int i = 0; i < pending.Count; i++)
            {
                JournalTransaction tx = (JournalTransaction)pending[i];
                Iso8583Message answer;
                SessionFailure f = Send(Repeatable(tx.Trace, tx.Advice), out answer);
                if (f != SessionFailure.None) return f;
                _journal.MarkAdvised(tx.Trace);
                _attempted.Remove(tx.Trace);
            }
            return SessionFailure.None;
        }

        /// <summary>
        /// Sends a message that is not journaled (sign-on, echo test, balance inquiry) and returns its answer, or
        /// null with the reason in <paramref name="failure"/>.
        /// </summary>
        public Iso8583Message SendUnjournaled(Iso8583Message request, out SessionFailure failure)
        {
            if (request == null) throw new System.ArgumentNullException("request");
            Iso8583Message answer;
            failure = Send(request, out answer);
            return failure == SessionFailure.None ? answer : null;
        }

        /// <summary>True while a settlement's outcome is unknown: the batch is frozen, new transactions are held.</summary>
        public bool SettlementPending
        {
            get { return _journal.PendingSettlement != null; }
        }

        /// <summary>
        /// Settles the current batch in <paramref name="terminal"/>'s currency: reversals and advices first, then
        /// the 0500 with the journal's totals, journaled (trace, batch, totals) before it leaves; when the host's
        /// totals differ, every counted transaction goes up as a 0320 and the 0500 is asked again (dialect A). On
        /// success the journal closes the batch. Without a usable answer the settlement stays pending (see
        /// <see cref="ResumeSettlement"/>); a pending settlement is resumed here instead of starting a new one.
        /// <paramref name="terminal"/> gives DE 7, 41, 42 and 49 (and DE 24 when set); trace and batch numbers come
        /// from the journal.
        /// </summary>
        public SettlementResult Settle(TransactionFields terminal)
        {
            if (terminal == null) throw new System.ArgumentNullException("terminal");
            SettlementAttempt pending = _journal.PendingSettlement;
            if (pending != null) return RunSettlement(pending, terminal, terminal.CurrencyCode);
            int batch = _journal.BatchNumber;
            SettlementReport report = new SettlementReport(batch, terminal.CurrencyCode, _journal.Totals());
            report.FirstVerdict = SettlementVerdict.Refused;
            SessionFailure f = SendPendingReversals();
            if (f != SessionFailure.None) return Failed(report, IsUnreachable(f) ? f : SessionFailure.ReversalsPending);
            f = SendPendingAdvices();
            if (f != SessionFailure.None) return Failed(report, IsUnreachable(f) ? f : SessionFailure.AdvicesPending);
            // Advices just acknowledged do not change the totals (AdvicePending already counts).
            if (HasInFlight()) return Failed(report, SessionFailure.TransactionInFlight);

            // Journal the attempt before the 0500 leaves: from here the batch is frozen until the answer is known.
            TransactionFields fields = Fields(terminal, batch);
            Iso8583Message reconciliation = _messages.Reconciliation(fields, _journal.Totals());
            // Without working keys the 0500 could not leave: fail now rather than freeze the batch on an unsent request.
            f = KeysFor(reconciliation);
            if (f != SessionFailure.None) return Failed(report, f);
            byte[] request = _messages.Dialect.Pack(reconciliation);
            try
            {
                _journal.BeginSettlement(fields.Stan, request);
            }
            catch (JournalException)
            {
                return Failed(report, SessionFailure.JournalFailed);
            }
            return RunSettlement(_journal.PendingSettlement, terminal, terminal.CurrencyCode);
        }

        /// <summary>
        /// Sends the pending settlement again (the very 0500: same trace, batch and totals) until the host answers;
        /// null when none is pending. The firmware calls it after a restart; <see cref="Authorise(Iso8583Message,
        /// TransactionKind, CardScheme)"/>, <see cref="RecordOfflineApproval(Iso8583Message, TransactionKind, CardScheme)"/>
        /// and <see cref="Settle"/> call it first. The terminal fields of the follow-up messages (0320, UnionPay end of
        /// upload) are taken from the stored 0500.
        /// </summary>
        public SettlementResult ResumeSettlement()
        {
            SettlementAttempt pending = _journal.PendingSettlement;
            if (pending == null) return null;
            Iso8583Message stored = _messages.Dialect.Parse(pending.Request);
            TransactionFields terminal = new TransactionFields();
            terminal.TerminalId = stored.GetString(41);
            terminal.MerchantId = stored.GetString(42);
            terminal.TransmissionDateTime = stored.GetString(7);
            terminal.CurrencyCode = stored.GetString(49);
            terminal.Nii = stored.GetString(24);
            return RunSettlement(pending, terminal, CurrencyOf(stored));
        }

        /// <summary>The 0500 exchange of a journaled attempt, then upload and close (or clear on a refusal).</summary>
        private SettlementResult RunSettlement(SettlementAttempt attempt, TransactionFields terminal, string currency)
        {
            int batch = attempt.Batch;
            SettlementReport report = new SettlementReport(batch, currency, _journal.Totals());
            report.FirstVerdict = SettlementVerdict.Refused;
            Iso8583Message request = _messages.Dialect.Parse(attempt.Request);
            bool uploaded = false;
            while (true)
            {
                Iso8583Message answer;
                SessionFailure f = Send(request, out answer);
                report.ReconciliationAttempts++;
                if (f == SessionFailure.None && !Readable(answer)) f = SessionFailure.Malformed;
                if (f != SessionFailure.None) return Failed(report, f);          // outcome unknown: stays pending
                report.HostResponseCode = answer.GetString(39);
                SettlementVerdict verdict = _messages.ReadReconciliation(answer);
                if (report.ReconciliationAttempts == 1) report.FirstVerdict = verdict;
                if (verdict == SettlementVerdict.Refused) return Cleared(report, SessionFailure.HostRefused);
                if (verdict == SettlementVerdict.Balanced)
                {
                    // UnionPay closes a balanced batch with an end message (60.3 207); the host has already closed
                    // the batch, so a failure of this courtesy message does not reopen it.
                    if (!uploaded && _messages.HasBatchUploadEnd)
                    {
                        Iso8583Message endAnswer;
                        Send(_messages.BatchUploadEnd(Fields(terminal, batch), 0, true), out endAnswer);
                    }
                    return Settled(report);
                }
                if (uploaded) return Cleared(report, SessionFailure.TotalsDiffer);

                f = UploadBatch(terminal, batch, report);
                if (f != SessionFailure.None) return Failed(report, f);
                uploaded = true;
                if (!_messages.ResendReconciliationAfterUpload) return Settled(report);
                // The 0500 asked again after the upload: same totals, a new trace (the host answers a repeated trace
                // with its first answer).
                request = _messages.Dialect.Parse(attempt.Request);
                _messages.Dialect.Packager.SetNumeric(request, 11, _journal.ReserveTrace());
            }
        }

        /// <summary>The host answered the settlement without closing the batch: it is open again for transactions.</summary>
        private SettlementResult Cleared(SettlementReport report, SessionFailure failure)
        {
            _journal.ClearSettlement();
            return Failed(report, failure);
        }

        /// <summary>
        /// Resolves a pending settlement before a new transaction; None when none is left, else why the transaction
        /// is held (the link failure, or SettlementPending).
        /// </summary>
        private SessionFailure SettlementFirst()
        {
            if (_journal.PendingSettlement == null) return SessionFailure.None;
            SettlementResult r;
            try
            {
                r = ResumeSettlement();
            }
            catch (JournalException)
            {
                return SessionFailure.JournalFailed;
            }
            if (_journal.PendingSettlement == null) return SessionFailure.None;
            SessionFailure f = r.Report.Failure;
            return IsUnreachable(f) ? f : SessionFailure.SettlementPending;
        }

        private bool HasInFlight()
        {
            ArrayList all = _journal.Transactions();
            for (int i = 0; i < all.Count; i++)
                if (((JournalTransaction)all[i]).State == TransactionState.InFlight) return true;
            return false;
        }

        /// <summary>DE 49 of the stored 0500, else the currency of the batch's first counted transaction, else null.</summary>
        private string CurrencyOf(Iso8583Message stored)
        {
            string currency = stored.GetString(49);
            if (currency != null) return currency;
            ArrayList counted = _journal.CurrentBatch();
            return counted.Count == 0 ? null : ((JournalTransaction)counted[0]).Currency;
        }

        private SessionFailure UploadBatch(TransactionFields terminal, int batch, SettlementReport report)
        {
            ArrayList counted = _journal.CurrentBatch();
            for (int i = 0; i < counted.Count; i++)
            {
                Iso8583Message answer;
                SessionFailure f = Send(_messages.BatchUpload((JournalTransaction)counted[i], Fields(terminal, batch)), out answer);
                if (f != SessionFailure.None) return f;
                report.UploadedCount++;
            }
            if (!_messages.HasBatchUploadEnd) return SessionFailure.None;
            Iso8583Message endAnswer;
            return Send(_messages.BatchUploadEnd(Fields(terminal, batch), report.UploadedCount, false), out endAnswer);
        }

        private SettlementResult Settled(SettlementReport report)
        {
            _journal.CloseBatch();
            report.Settled = true;
            report.Failure = SessionFailure.None;
            return new SettlementResult(report);
        }

        private static SettlementResult Failed(SettlementReport report, SessionFailure failure)
        {
            report.Settled = false;
            report.Failure = failure;
            return new SettlementResult(report);
        }

        /// <summary>Settlement-message fields: the terminal's, a fresh trace number and the batch.</summary>
        private TransactionFields Fields(TransactionFields terminal, int batch)
        {
            TransactionFields t = new TransactionFields();
            t.TerminalId = terminal.TerminalId;
            t.MerchantId = terminal.MerchantId;
            t.TransmissionDateTime = terminal.TransmissionDateTime;
            t.CurrencyCode = terminal.CurrencyCode;
            t.Nii = terminal.Nii;
            t.Stan = _journal.ReserveTrace();
            t.BatchNumber = batch;
            return t;
        }

        /// <summary>The stored message, as a repeat when it was already sent once by this session.</summary>
        private Iso8583Message Repeatable(int trace, byte[] stored)
        {
            Iso8583Message m = _messages.Dialect.Parse(stored);
            if (_attempted.Contains(trace))
            {
                if (_messages.UsesRepeats) m.Mti = MessageTypes.RepeatOf(m.Mti);
            }
            else
            {
                _attempted.Add(trace);
            }
            return m;
        }

        /// <summary>Connects when not connected; the failure (ConnectFailed) or None.</summary>
        private SessionFailure Connected()
        {
            try
            {
                if (!_connection.IsConnected) _connection.Connect(_connectTimeoutMs);
                return SessionFailure.None;
            }
            catch (HostLinkException e)
            {
                _connection.Close();
                return FailureOf(e.Reason);
            }
        }

        /// <summary>
        /// None when <paramref name="request"/> can be signed: no sign-on needed, already signed on, or signed on now;
        /// else <see cref="SessionFailure.NotSignedOn"/> (or the refused keys, <see cref="SessionFailure.WorkingKeysRefused"/>).
        /// </summary>
        private SessionFailure KeysFor(Iso8583Message request)
        {
            IHostSignOn signOn = SignOn;
            if (signOn == null || !signOn.NeedsKeys(request) || signOn.SignedOn) return SessionFailure.None;
            SessionFailure f = signOn.SignOn();
            if (f == SessionFailure.None && signOn.SignedOn) return SessionFailure.None;
            return f == SessionFailure.WorkingKeysRefused ? f : SessionFailure.NotSignedOn;
        }

        /// <summary>Signs on when needed, connects when needed, signs, exchanges, verifies. Never throws for link, key or answer faults.</summary>
        private SessionFailure Send(Iso8583Message request, out Iso8583Message answer)
        {
            answer = null;
            SessionFailure keys = KeysFor(request);
            if (keys != SessionFailure.None) return keys;
            try
            {
                if (!_connection.IsConnected) _connection.Connect(_connectTimeoutMs);
                if (Authenticator != null) Authenticator.Sign(request);
                answer = _exchange.Exchange(request);
            }
            catch (HostLinkException e)
            {
                _connection.Close();
                return FailureOf(e.Reason);
            }
            catch (SecurityException)
            {
                // No key to sign with (working keys gone, DUKPT exhausted): the request did not leave.
                return SessionFailure.SigningFailed;
            }
            if (Authenticator != null && !Authenticator.Verify(answer))
            {
                _connection.Close();
                if (SignOn != null) SignOn.KeysSuspect(null);
                return SessionFailure.MacInvalid;
            }
            if (SignOn != null && SignOn.NeedsKeys(request) && answer.Has(39)) SignOn.KeysSuspect(answer.GetString(39));
            return SessionFailure.None;
        }

        private AuthorisationStatus ReversalStatus(int trace)
        {
            JournalTransaction tx = _journal.Find(trace);
            return tx != null && tx.State == TransactionState.Reversed ? AuthorisationStatus.Reversed : AuthorisationStatus.ReversalPending;
        }

        private static SessionFailure FailureOf(HostLinkError reason)
        {
            switch (reason)
            {
                case HostLinkError.Timeout: return SessionFailure.Timeout;
                case HostLinkError.Disconnected: return SessionFailure.Disconnected;
                case HostLinkError.ConnectFailed: return SessionFailure.ConnectFailed;
                default: return SessionFailure.Malformed;
            }
        }

        /// <summary>
        /// True when the host could not be reached at all, or not with working keys (not signed on), as opposed to a
        /// failed exchange.
        /// </summary>
        private static bool IsUnreachable(SessionFailure f)
        {
            return f == SessionFailure.ConnectFailed || f == SessionFailure.NotSignedOn || f == SessionFailure.WorkingKeysRefused;
        }

        /// <summary>True when DE 39 is present and DE 37, 38, 39 (when present) are printable ASCII.</summary>
        private static bool Readable(Iso8583Message answer)
        {
            return answer.Has(39) && Printable(answer.GetString(37)) && Printable(answer.GetString(38)) && Printable(answer.GetString(39));
        }

        private static bool Printable(string text)
        {
            if (text == null) return true;
            for (int i = 0; i < text.Length; i++) if (text[i] < ' ' || text[i] > '~') return false;
            return true;
        }

        private static long Amount(Iso8583Message m)
        {
            return m.Has(4) ? m.GetNumeric(4) : 0;
        }

        /// <summary>
        /// The PAN from DE 2, else from DE 35 before the separator (for the masked journal copy only); empty when the
        /// card data travels enciphered (DE 57): callers then pass the masked PAN explicitly.
        /// </summary>
        private static string Pan(Iso8583Message m)
        {
            string pan = m.GetString(2);
            if (pan != null) return pan;
            string track = m.GetString(35);
            if (track == null) return string.Empty;
            int separator = track.IndexOf('=');
            return separator < 0 ? track : track.Substring(0, separator);
        }
    }
}
