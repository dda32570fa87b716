using System;
using System.Collections.Generic;
using System.Threading;
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Tlv;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.Firmware.Core.HostLink.Security;
using Terminal.Pc.Crypto;

namespace Terminal.HostSimulation
{
    /// <summary>Which message dialect the host speaks (docs/host-protocol.md).</summary>
    public enum HostDialect
    {
        /// <summary>Dialect A, no TPDU; DUKPT security (<see cref="GenericSecurityControl"/>).</summary>
        Generic = 0,
        /// <summary>Dialect A behind a 5-byte TPDU.</summary>
        GenericWithTpdu = 1,
        /// <summary>China UnionPay POS dialect; master/session keys from sign-on.</summary>
        UnionPay = 2,
    }

    /// <summary>
    /// A PC host simulator that plays acquirer and issuer. <see cref="Handle"/> / <see cref="Process"/> take one
    /// request (TPDU/header and message, without the 2-byte length) and give the answer; the TCP layer
    /// (<see cref="HostServer"/>) only frames and applies the transport part of faults. It verifies the MAC,
    /// deciphers and checks the PIN, verifies the ARQC and answers with an ARPC and scripts, applies the
    /// <see cref="HostRules"/>, and keeps the <see cref="Ledger"/>: every approved request counted once by
    /// (terminal, trace, date), repeats answered identically, reversals and settlement against it.
    /// Malformed requests get no answer and never change the ledger. Thread-safe.
    /// </summary>
    public sealed partial class HostSimulator
    {
        private readonly Dictionary<string, HostAccount> _accounts = new Dictionary<string, HostAccount>(StringComparer.Ordinal);
        private readonly Dictionary<string, WorkingKeySet> _sessions = new Dictionary<string, WorkingKeySet>(StringComparer.Ordinal);
        private readonly object[] _stripes = new object[64];
        private readonly Random _keyRandom;
        private readonly ICryptoProvider _crypto = new BclCryptoProvider();
        private readonly Iso8583Dialect _dialect;
        private long _sequence;
        private long _rejected;
        private long _internalErrors;
        private long _restarts;

        /// <summary>Creates a host for the dialect with the acquirer keys and rules; <paramref name="seed"/> makes generated working keys repeatable.</summary>
        public HostSimulator(HostDialect dialect, HostKeys keys, HostRules rules, int seed = 1)
        {
            Dialect = dialect;
            Keys = keys ?? throw new ArgumentNullException(nameof(keys));
            Rules = rules ?? new HostRules();
            _dialect = dialect == HostDialect.UnionPay ? UnionPayDialect.Dialect
                : dialect == HostDialect.GenericWithTpdu ? Generic87Dialect.DialectWithTpdu : Generic87Dialect.Dialect;
            for (int i = 0; i < _stripes.Length; i++) _stripes[i] = new object();
            _keyRandom = new Random(seed);
            Ledger = new Ledger();
            Faults = new HostFaults();
            Clock = () => DateTime.UtcNow;
        }

        /// <summary>The dialect.</summary>
        public HostDialect Dialect { get; }
        /// <summary>The ISO 8583 dialect object used to parse and pack.</summary>
        public Iso8583Dialect MessageDialect { get { return _dialect; } }
        /// <summary>Acquirer keys.</summary>
        public HostKeys Keys { get; }
        /// <summary>Decision rules (may be changed between messages).</summary>
        public HostRules Rules { get; }
        /// <summary>The ledger.</summary>
        public Ledger Ledger { get; }
        /// <summary>The fault plan.</summary>
        public HostFaults Faults { get; }
        /// <summary>Host clock (UTC); tests fix it. Used for DE 12/13 of answers and the expiry check.</summary>
        public Func<DateTime> Clock { get; set; }

        /// <summary>
        /// The MAC of the UnionPay dialect (e.g. <see cref="MessageMacAlgorithm.UnionPayEcb"/>, the terminal's
        /// <see cref="MasterSessionMessageAuthenticator"/> default); null: retail MAC with a double-length MAC key,
        /// CBC-MAC with a single-length one.
        /// </summary>
        public MessageMacAlgorithm? UnionPayMacAlgorithm { get; set; }
        /// <summary>Requests that could not be parsed (no answer).</summary>
        public long Rejected { get { return Interlocked.Read(ref _rejected); } }
        /// <summary>Requests whose processing failed unexpectedly (no answer); tests expect zero.</summary>
        public long InternalErrors { get { return Interlocked.Read(ref _internalErrors); } }
        /// <summary>Number of restarts.</summary>
        public long Restarts { get { return Interlocked.Read(ref _restarts); } }

        /// <summary>Raised on a restart; the transport closes every connection.</summary>
        public event Action Restarted;

        /// <summary>Adds or replaces an account.</summary>
        public void AddAccount(HostAccount account)
        {
            if (account == null) throw new ArgumentNullException(nameof(account));
            lock (_accounts) _accounts[account.Pan] = account;
        }

        /// <summary>The account of a PAN, or null.</summary>
        public HostAccount Account(string pan)
        {
            lock (_accounts)
            {
                HostAccount a;
                return pan != null && _accounts.TryGetValue(pan, out a) ? a : null;
            }
        }

        /// <summary>Every account.</summary>
        public IReadOnlyList<HostAccount> Accounts()
        {
            lock (_accounts) return new List<HostAccount>(_accounts.Values);
        }

        /// <summary>Queues an issuer script for the next online approval of the card.</summary>
        public void QueueIssuerScript(string pan, IssuerScript script)
        {
            HostAccount a = Account(pan) ?? throw new ArgumentException("no account for this PAN", nameof(pan));
            script.Once = true;
            lock (a.Scripts) a.Scripts.Add(script);
        }

        /// <summary>
        /// Restart: in-flight state is lost (queued faults; the transport closes every connection), the ledger,
        /// balances and terminal working keys survive.
        /// </summary>
        public void Restart()
        {
            Interlocked.Increment(ref _restarts);
            Faults.ClearQueue();
            Action handler = Restarted;
            if (handler != null) handler();
        }

        /// <summary>The answer to one request, or null for no answer (the fault plan applies; transport-only faults give null).</summary>
        public byte[] Handle(byte[] request)
        {
            HostReply r = Process(request);
            return r.Fault == HostFault.None || r.Fault == HostFault.Garbage || r.Fault == HostFault.WrongMac || r.Fault == HostFault.LateAnswer
                ? r.Payload : null;
        }

        /// <summary>Processes one request with the next fault of the plan and says what the transport must do.</summary>
        public HostReply Process(byte[] request)
        {
            HostFault fault = Faults.Draw();
            if (fault == HostFault.Restart)
            {
                Restart();
                HostReply restart = new HostReply(null, fault);
                restart.CloseAfter = true;
                return restart;
            }
            if (fault == HostFault.RequestLost) return new HostReply(null, fault);

            byte[] payload;
            try
            {
                payload = Answer(request, fault == HostFault.WrongMac);
            }
            catch (Exception)
            {
                // Every expected failure is handled inside; this is a bug counter, never a crash of the host.
                Interlocked.Increment(ref _internalErrors);
                payload = null;
            }
            if (payload == null) return new HostReply(null, fault);
            switch (fault)
            {
                case HostFault.NoAnswer:
                    return new HostReply(null, fault);
                case HostFault.Garbage:
                    return new HostReply(Faults.Garbage(), fault);
                case HostFault.LateAnswer:
                    HostReply late = new HostReply(payload, fault);
                    late.Delay = Faults.LateDelay;
                    return late;
                case HostFault.Disconnect:
                    HostReply cut = new HostReply(payload, fault);
                    cut.SendBytes = 1 + (payload.Length + LengthPrefixFrame.HeaderLength) / 2;
                    cut.CloseAfter = true;
                    return cut;
                default:
                    return new HostReply(payload, fault);
            }
        }

        /// <summary>The answer bytes, or null (unparseable, not a request, or no answer possible).</summary>
        private byte[] Answer(byte[] request, bool corruptMac)
        {
            Iso8583Message m;
            try
            {
                if (request == null || request.Length == 0) throw new Iso8583Exception(Iso8583Error.Truncated, -1, 0, "empty");
                m = _dialect.Parse(request);
                if (MessageTypes.IsResponse(m.Mti)) throw new Iso8583Exception(Iso8583Error.BadMti, 0, 0, "a response");
            }
            catch (Iso8583Exception)
            {
                Interlocked.Increment(ref _rejected);
                return null;
            }
            RequestContext ctx = new RequestContext(this, m, request, corruptMac);
            try
            {
                return Dispatch(ctx);
            }
            catch (Iso8583Exception)
            {
                // A field the builders need is unusable: answer format error when an answer can be built.
                return ctx.TryAnswer(HostRules.FormatError);
            }
            catch (SecurityException)
            {
                return ctx.TryAnswer(HostRules.FormatError);
            }
        }

        private byte[] Dispatch(RequestContext ctx)
        {
            string mti = ctx.Request.Mti;
            string baseMti = string.Concat(mti.Substring(0, 3), "0");
            switch (baseMti)
            {
                case MessageTypes.AuthorizationRequest:
                case MessageTypes.FinancialRequest:
                    return Financial(ctx);
                case MessageTypes.FinancialAdvice:
                    return Advice(ctx);
                case MessageTypes.ReversalRequest:
                    return Reversal(ctx);
                case MessageTypes.ReconciliationRequest:
                    return Reconciliation(ctx);
                case MessageTypes.BatchUpload:
                    return BatchUpload(ctx);
                case MessageTypes.NetworkManagementRequest:
                case MessageTypes.NetworkManagementAdvice:
                    return NetworkManagement(ctx);
                default:
                    return ctx.TryAnswer(HostRules.InvalidTransaction);
            }
        }

        internal ICryptoProvider Crypto { get { return _crypto; } }

        internal object StripeOf(string key)
        {
            return _stripes[(key.GetHashCode() & 0x7FFFFFFF) % _stripes.Length];
        }

        internal long NextSequence()
        {
            return Interlocked.Increment(ref _sequence);
        }

        internal WorkingKeySet Session(string terminalId)
        {
            lock (_sessions)
            {
                WorkingKeySet s;
                return terminalId != null && _sessions.TryGetValue(terminalId, out s) ? s : null;
            }
        }

        internal void SetSession(string terminalId, WorkingKeySet keys)
        {
            lock (_sessions) _sessions[terminalId] = keys;
        }

        internal byte[] RandomKey(int length)
        {
            byte[] k = new byte[length];
            lock (_keyRandom) _keyRandom.NextBytes(k);
            return k;
        }

        internal string MacFailureCode()
        {
            if (Rules.MacFailureCode != null) return Rules.MacFailureCode;
            return Dialect == HostDialect.UnionPay ? HostRules.UnionPayMacError : HostRules.SecurityViolation;
        }
    }
}
