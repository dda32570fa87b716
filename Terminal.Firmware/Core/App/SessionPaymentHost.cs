using Terminal.EmvKernel.Kernel;
using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.Firmware.Core.HostLink.Session;
using Terminal.Firmware.Core.Journal;
using Terminal.Firmware.Core.Provisioning;

namespace Terminal.Firmware.Core.App
{
    /// <summary>
    /// <see cref="IPaymentHost"/> over the host link: <see cref="HostAuthoriser"/> with its
    /// <see cref="AuthorisationRequestBuilder"/> on a <see cref="HostSession"/> (docs/host-session.md). Every request
    /// is journaled with its reversal before it leaves; a host approval is finished with the card's verdict
    /// (a card decline reverses it); offline approvals become advices; settlement is
    /// <see cref="HostSession.Settle"/> with its notice. One transaction at a time.
    /// </summary>
    public sealed class SessionPaymentHost : IPaymentHost
    {
        private readonly HostSession _session;
        private readonly HostAuthoriser _authoriser;
        private readonly AuthorisationRequestBuilder _builder;
        private readonly TerminalConfiguration _config;
        private readonly IWallClock _clock;

        /// <summary>An adapter over <paramref name="session"/> building requests with <paramref name="builder"/> (the session's dialect).</summary>
        public SessionPaymentHost(HostSession session, AuthorisationRequestBuilder builder, TerminalConfiguration configuration, IWallClock clock)
        {
            if (session == null) throw new System.ArgumentNullException("session");
            if (builder == null) throw new System.ArgumentNullException("builder");
            if (configuration == null) throw new System.ArgumentNullException("configuration");
            if (clock == null) throw new System.ArgumentNullException("clock");
            _session = session;
            _builder = builder;
            _config = configuration;
            _clock = clock;
            _authoriser = new HostAuthoriser(session, builder, clock);
        }

        /// <summary>The generic (dialect A) adapter for the provisioned terminal and merchant IDs and currency.</summary>
        public static SessionPaymentHost Generic(HostSession session, TerminalConfiguration configuration, IWallClock clock)
        {
            if (configuration == null) throw new System.ArgumentNullException("configuration");
            return new SessionPaymentHost(session,
                AuthorisationRequestBuilder.Generic(configuration.TerminalId, configuration.MerchantId, configuration.CurrencyNumeric), configuration, clock);
        }

        /// <summary>
        /// The UnionPay adapter (docs/host-protocol.md, dialect B) for the provisioned terminal and merchant IDs and
        /// currency, every request behind <paramref name="header"/> (TPDU and message header). The session must
        /// follow <see cref="UnionPaySessionMessages"/> (settlement with the UnionPay totals in DE 48) and sign on
        /// through its <see cref="HostSession.SignOn"/>; the requests are built by
        /// <see cref="AuthorisationRequestBuilder.UnionPay"/>: sale 0200 (60.1 22), refund 0220 (60.1 25, needs the
        /// original's reference), void 0200 (60.1 23) when the card is presented again, else the journaled reversal
        /// of the original as in the generic dialect (the application's void reads no card).
        /// </summary>
        public static SessionPaymentHost UnionPay(HostSession session, TerminalConfiguration configuration, IWallClock clock, UnionPayHeader header)
        {
            if (configuration == null) throw new System.ArgumentNullException("configuration");
            return new SessionPaymentHost(session,
                AuthorisationRequestBuilder.UnionPay(header, configuration.TerminalId, configuration.MerchantId, configuration.CurrencyNumeric), configuration, clock);
        }

        /// <inheritdoc/>
        public HostAnswer Authorise(PaymentRequest request)
        {
            if (request == null) throw new System.ArgumentNullException("request");
            // A UnionPay void message carries the card (DE 2/35); without it (the journal keeps only the masked PAN)
            // the void is the reversal of the original, as in dialect A.
            if (request.Kind == TransactionKind.Void && (!_builder.IsUnionPay || (request.Chip == null && request.Track2 == null)))
                return VoidByReversal(request.OriginalTrace);
            if (request.Kind == TransactionKind.Refund && _builder.IsUnionPay && !HasOriginalReference(request))
                return Unreachable("refund refused: the UnionPay refund needs the original sale (reference number and date)");
            AuthorisationRequest a = RequestOf(request);
            _authoriser.Begin(a);
            OnlineResponse chipAnswer = null;
            try
            {
                if (request.Chip != null) chipAnswer = _authoriser.Authorise(request.Chip);
                else _authoriser.Authorise();
            }
            catch (Iso8583Exception)
            {
                return Unreachable("request could not be packed");
            }
            catch (System.ArgumentException)
            {
                return Unreachable("request refused by the dialect");
            }
            AuthorisationResult result = _authoriser.Result;
            if (result == null) return Unreachable("not sent");
            HostAnswer answer = AnswerOf(result);
            if (chipAnswer != null)
            {
                answer.IssuerAuthenticationData = chipAnswer.IssuerAuthenticationData;
                answer.IssuerScripts = chipAnswer.IssuerScripts;
            }
            // Without a card decision to wait for (stripe, refund, void), a host approval is final at once.
            if (result.Status == AuthorisationStatus.HostApproved && (request.Chip == null || request.Kind != TransactionKind.Sale))
                _authoriser.Complete(true, null);
            return answer;
        }

        /// <summary>
        /// Dialect A has no void message: a void of an approved sale of the open batch is the 0400 reversal of the
        /// original (<see cref="HostSession.Void"/>), journaled so that it is sent until acknowledged. Approved when
        /// the host acknowledged it; unreachable with <see cref="HostAnswer.ReversalPending"/> when it is journaled but
        /// not yet delivered (the sale no longer counts either way); refused (unreachable, nothing sent, trace 0) with
        /// the reason when the original is unknown, not an approved online sale of the open batch, or already voided.
        /// The answer's trace is the reversal's DE 11 (the void receipt's trace number).
        /// </summary>
        private HostAnswer VoidByReversal(int originalTrace)
        {
            JournalTransaction original = originalTrace > 0 ? _session.Journal.Find(originalTrace) : null;
            if (original == null) return Unreachable("void refused: no transaction with this trace number");
            if (original.Kind != TransactionKind.Sale) return Unreachable("void refused: not a sale");
            if (original.State == TransactionState.Reversed || original.State == TransactionState.ReversalPending)
                return Unreachable("void refused: already voided or reversed");
            if (original.State != TransactionState.Approved || original.Reversal == null)
                return Unreachable("void refused: not an approved online sale");
            if (original.Batch != _session.Journal.BatchNumber) return Unreachable("void refused: not in the open batch");
            AuthorisationResult result;
            try
            {
                result = _session.Void(originalTrace);
            }
            catch (System.ArgumentException)
            {
                return Unreachable("void refused: not an approved sale of the open batch");
            }
            if (result.Status == AuthorisationStatus.NotSent) return Unreachable(SettlementNotice.ReasonText(result.Failure));
            HostAnswer a = new HostAnswer(result.Status == AuthorisationStatus.Reversed ? HostAnswerStatus.Approved : HostAnswerStatus.Unreachable, null);
            a.Trace = ReversalTrace(_session.Journal.Find(originalTrace));
            a.Batch = original.Batch;
            a.ReversalPending = result.Status == AuthorisationStatus.ReversalPending;
            if (a.ReversalPending) a.FailureReason = string.Concat("void journaled, reversal pending: ", SettlementNotice.ReasonText(result.Failure));
            return a;
        }

        /// <summary>True when the journal holds the original of <paramref name="p"/> with its reference number.</summary>
        private bool HasOriginalReference(PaymentRequest p)
        {
            if (p.OriginalRrn != null && p.OriginalDate != null) return true;   // keyed from the original receipt
            if (p.OriginalTrace <= 0) return false;
            JournalTransaction original = _session.Journal.Find(p.OriginalTrace);
            return original != null && original.Rrn != null;
        }

        /// <summary>DE 11 of the stored reversal (its own trace in dialect A), else the transaction's trace.</summary>
        private int ReversalTrace(JournalTransaction tx)
        {
            if (tx.Reversal == null) return tx.Trace;
            Iso8583Message reversal = _session.Messages.Dialect.Parse(tx.Reversal);
            return reversal.Has(11) ? (int)reversal.GetNumeric(11) : tx.Trace;
        }

        /// <inheritdoc/>
        public void Complete(HostAnswer answer, bool cardAccepted, byte[] finalIccData)
        {
            AuthorisationResult result = _authoriser.Result;
            if (answer == null || result == null || result.Trace != answer.Trace) return;
            _authoriser.Complete(cardAccepted, finalIccData);
        }

        /// <inheritdoc/>
        public int RecordOfflineApproval(PaymentRequest request, TransactionOutcome outcome)
        {
            if (request == null || outcome == null || outcome.AuthorisationData == null) return 0;
            if (!_authoriser.Begin(RequestOf(request))) return 0;
            _authoriser.Complete(outcome);
            return _authoriser.AdviceTrace;
        }

        /// <inheritdoc/>
        public int BatchNumber
        {
            get { return _session.Journal.BatchNumber; }
        }

        /// <inheritdoc/>
        public bool SendPending()
        {
            return _session.SendPendingReversals() == SessionFailure.None && _session.SendPendingAdvices() == SessionFailure.None;
        }

        /// <inheritdoc/>
        public JournalTransaction Find(int trace)
        {
            JournalTransaction tx = _session.Journal.Find(trace);
            return tx != null && tx.Batch == _session.Journal.BatchNumber ? tx : null;    // the open batch only
        }

        /// <inheritdoc/>
        public SettlementSummary Settle()
        {
            TransactionFields t = new TransactionFields();
            t.TerminalId = _config.TerminalId;
            t.MerchantId = _config.MerchantId;
            t.CurrencyCode = _config.CurrencyNumeric;
            t.SetClock(_clock.Now, _clock.Now);
            SettlementResult result = _session.Settle(t);
            return new SettlementSummary(result.Settled, result.Notice.Lines);
        }

        private AuthorisationRequest RequestOf(PaymentRequest p)
        {
            CardEntry entry = EntryOf(p.EntryMode);
            AuthorisationRequest a;
            if (p.Chip != null) a = new AuthorisationRequest(p.Kind, p.Amount, entry, p.Chip);
            else if (p.Track2 != null) a = new AuthorisationRequest(p.Kind, p.Amount, entry, p.Track2);
            else a = new AuthorisationRequest(p.Kind, p.Amount, entry);
            a.PinBlock = p.EncipheredPinBlock;
            a.Ksn = p.PinKsn;
            a.Scheme = SchemeOf(p.MaskedPan);
            if (p.OriginalTrace > 0)
            {
                JournalTransaction original = _session.Journal.Find(p.OriginalTrace);
                a.OriginalStan = p.OriginalTrace;
                if (original != null)
                {
                    a.OriginalRrn = original.Rrn;
                    a.OriginalAuthorizationCode = original.AuthorizationCode;
                    a.OriginalBatchNumber = original.Batch;
                }
            }
            if (p.OriginalRrn != null)
            {
                // A refund of a sale keyed from its receipt (any day, any terminal): the host matches DE 37 and the date.
                a.OriginalRrn = p.OriginalRrn;
                a.OriginalDate = p.OriginalDate;
            }
            return a;
        }

        private HostAnswer AnswerOf(AuthorisationResult result)
        {
            HostAnswerStatus status = result.Status == AuthorisationStatus.HostApproved || result.Status == AuthorisationStatus.Approved
                ? HostAnswerStatus.Approved
                : result.Status == AuthorisationStatus.Declined ? HostAnswerStatus.Declined : HostAnswerStatus.Unreachable;
            HostAnswer a = new HostAnswer(status, result.ResponseCode);
            a.Trace = result.Trace;
            a.Batch = _session.Journal.BatchNumber;
            a.ReversalPending = result.Status == AuthorisationStatus.ReversalPending || result.Status == AuthorisationStatus.Reversed;
            if (status == HostAnswerStatus.Unreachable) a.FailureReason = SettlementNotice.ReasonText(result.Failure);
            if (result.Response != null)
            {
                a.Rrn = result.Response.GetString(37);
                a.AuthorisationCode = result.Response.GetString(38);
            }
            return a;
        }

        private static HostAnswer Unreachable(string reason)
        {
            HostAnswer a = new HostAnswer(HostAnswerStatus.Unreachable, null);
            a.FailureReason = reason;
            return a;
        }

        private static CardEntry EntryOf(EntryMode mode)
        {
            switch (mode)
            {
                case EntryMode.Contact: return CardEntry.Chip;
                case EntryMode.Contactless: return CardEntry.Contactless;
                case EntryMode.Fallback: return CardEntry.Fallback;
                default: return CardEntry.Magstripe;
            }
        }

        /// <summary>The scheme for the batch totals from the PAN's leading digits (kept visible by the mask).</summary>
        private static CardScheme SchemeOf(string maskedPan)
        {
            if (maskedPan == null || maskedPan.Length < 2) return CardScheme.Other;
            char a = maskedPan[0];
            char b = maskedPan[1];
            if (a == '4') return CardScheme.Visa;
            if (a == '5' || a == '2') return CardScheme.Mastercard;
            if (a == '3' && (b == '4' || b == '7')) return CardScheme.Amex;
            if (a == '6' && b == '2') return CardScheme.UnionPay;
            return CardScheme.Other;
        }
    }
}
