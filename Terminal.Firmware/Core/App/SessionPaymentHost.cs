using Terminal.EmvKernel.Tlv;
using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.Firmware.Core.HostLink.Session;
using Terminal.Firmware.Core.Journal;
using Terminal.Firmware.Core.Provisioning;

namespace Terminal.Firmware.Core.App
{
    /// <summary>
    /// <see cref="IPaymentHost"/> over a <see cref="HostSession"/> in the generic 1987 dialect: sales and refunds
    /// as 0200 (<see cref="Generic87Messages"/>), journaled with their reversal before they leave; a host approval
    /// is finished with the card's verdict (<see cref="HostSession.Complete"/>, which reverses a card decline);
    /// offline approvals become 0220 advices; settlement is <see cref="HostSession.Settle"/> with its notice.
    /// A minimal request builder: the host-link AuthorisationRequestBuilder replaces <see cref="Fields"/> when it
    /// lands. Void needs a dialect with a void message (UnionPay) and is answered unreachable here.
    /// </summary>
    public sealed class SessionPaymentHost : IPaymentHost
    {
        private readonly HostSession _session;
        private readonly TerminalConfiguration _config;
        private readonly IWallClock _clock;
        private AuthorisationResult _pending;

        /// <summary>An adapter over <paramref name="session"/> for this terminal's identities and currency.</summary>
        public SessionPaymentHost(HostSession session, TerminalConfiguration configuration, IWallClock clock)
        {
            if (session == null) throw new System.ArgumentNullException("session");
            if (configuration == null) throw new System.ArgumentNullException("configuration");
            if (clock == null) throw new System.ArgumentNullException("clock");
            _session = session;
            _config = configuration;
            _clock = clock;
        }

        /// <inheritdoc/>
        public HostAnswer Authorise(PaymentRequest request)
        {
            if (request == null) throw new System.ArgumentNullException("request");
            if (request.Kind == TransactionKind.Void)
            {
                HostAnswer refused = new HostAnswer(HostAnswerStatus.Unreachable, null);
                refused.FailureReason = "void is not in the generic dialect";
                return refused;
            }
            TransactionFields t = Fields(request, _session.NextTrace());
            Iso8583Message message = request.Kind == TransactionKind.Refund ? Generic87Messages.Refund(t) : Generic87Messages.Sale(t);
            AuthorisationResult result;
            try
            {
                result = _session.Authorise(message, request.Kind, SchemeOf(t.Pan));
            }
            catch (Iso8583Exception)
            {
                HostAnswer bad = new HostAnswer(HostAnswerStatus.Unreachable, null);
                bad.FailureReason = "request could not be packed";
                return bad;
            }
            HostAnswer answer = AnswerOf(result);
            // A refund has no second card decision: an approval is final at once.
            if (result.Status == AuthorisationStatus.HostApproved && (request.Chip == null || request.Kind == TransactionKind.Refund))
                _session.Complete(result, true, null);
            else if (result.Status == AuthorisationStatus.HostApproved) _pending = result;
            return answer;
        }

        /// <inheritdoc/>
        public void Complete(HostAnswer answer, bool cardAccepted, byte[] finalIccData)
        {
            if (answer == null || _pending == null || _pending.Trace != answer.Trace) return;
            _session.Complete(_pending, cardAccepted, finalIccData);
            _pending = null;
        }

        /// <inheritdoc/>
        public void RecordOfflineApproval(PaymentRequest request)
        {
            if (request == null || request.Chip == null) return;
            TransactionFields t = Fields(request, _session.NextTrace());
            t.ResponseCode = "Y1";
            // DE 38 is required in a 0220 (Generic87Messages.Advice); an offline approval has no issuer code, so the
            // advice carries the ARC, as the host-link tests' advices do.
            t.AuthorizationCode = "Y1    ";
            t.PinBlock = null;
            _session.RecordOfflineApproval(Generic87Messages.Advice(t), request.Kind, SchemeOf(t.Pan));
        }

        /// <inheritdoc/>
        public bool SendPending()
        {
            return _session.SendPendingReversals() == SessionFailure.None && _session.SendPendingAdvices() == SessionFailure.None;
        }

        /// <inheritdoc/>
        public JournalTransaction Find(int trace)
        {
            return _session.Journal.Find(trace);
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
            Iso8583Message r = result.Response;
            if (r != null)
            {
                a.Rrn = r.GetString(37);
                a.AuthorisationCode = r.GetString(38);
                byte[] icc = r.GetBytes(55);
                if (icc != null)
                {
                    try
                    {
                        TlvList tlv = TlvParser.Parse(icc);
                        a.IssuerAuthenticationData = tlv.FindValue(0x91);
                        a.IssuerScripts = Scripts(tlv);
                    }
                    catch (TlvException)
                    {
                        // An unreadable DE 55 gives the kernel no '91': issuer authentication fails, as it should.
                    }
                }
            }
            return a;
        }

        private static byte[] Scripts(TlvList tlv)
        {
            byte[] all = null;
            for (int i = 0; i < tlv.Count; i++)
            {
                TlvObject o = tlv[i];
                if (o.Tag != 0x71 && o.Tag != 0x72) continue;
                byte[] encoded = o.CopyEncoded();
                all = all == null ? encoded : Bytes.Concat(all, encoded);
            }
            return all;
        }

        /// <summary>The DE fields of a request: PAN, amount, trace, clock, expiry, entry mode, identities, PIN, DE 55, track 2.</summary>
        private TransactionFields Fields(PaymentRequest request, int trace)
        {
            TransactionFields t = new TransactionFields();
            t.Amount = request.Amount;
            t.Stan = trace;
            t.SetClock(_clock.Now, _clock.Now);
            t.TerminalId = _config.TerminalId;
            t.MerchantId = _config.MerchantId;
            t.CurrencyCode = _config.CurrencyNumeric;
            bool pin = request.EncipheredPinBlock != null;
            t.PosEntryMode = EntryModeNames.Code(request.EntryMode) + (pin ? "1" : "2");
            t.PinBlock = request.EncipheredPinBlock;
            if (request.Chip != null)
            {
                t.Pan = PanMask.PanDigits(request.Chip.Pan != null ? request.Chip.Pan : request.Chip.Track2Equivalent);
                t.IccData = request.Chip.IccData;
                byte[] expiry = request.Chip.ExpiryDate;
                if (expiry != null && expiry.Length == 3) t.ExpiryDate = Hex.Encode(expiry, 0, 2);
                byte[] psn = request.Chip.PanSequenceNumber;
                if (psn != null && psn.Length == 1) t.CardSequenceNumber = "0" + Hex.Encode(psn);
            }
            else if (request.Track2 != null)
            {
                int sep = request.Track2.IndexOf('=');
                t.Pan = request.Track2.Substring(0, sep);
                t.ExpiryDate = request.Track2.Substring(sep + 1, 4);
                t.Track2 = request.Track2;
            }
            return t;
        }

        private static CardScheme SchemeOf(string pan)
        {
            if (pan == null || pan.Length == 0) return CardScheme.Other;
            if (pan[0] == '4') return CardScheme.Visa;
            if (pan[0] == '5' || pan[0] == '2') return CardScheme.Mastercard;
            if (pan.Length > 1 && pan[0] == '3' && (pan[1] == '4' || pan[1] == '7')) return CardScheme.Amex;
            if (pan[0] == '6' && pan.Length > 1 && pan[1] == '2') return CardScheme.UnionPay;
            return CardScheme.Other;
        }
    }
}
