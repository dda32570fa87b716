using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.Firmware.Core.HostLink.Security;

namespace Terminal.Firmware.Core.HostLink.Session
{
    /// <summary>
    /// UnionPay sign-on with key download (docs/host-protocol.md, "Sign-on with key download"): a 0800 with 60.3
    /// <see cref="KeyMode"/> (default <c>003</c>, double-length keys) and the operator code in DE 63, sent through
    /// the <see cref="HostSession"/> without a MAC; the 0810 (DE 39 <c>00</c>) carries the PIN and MAC working keys
    /// in DE 62 enciphered under the terminal master key, each with its check value. The keys are installed only
    /// when every check value matches (<see cref="MasterSessionKeys.InstallWorkingKeys"/>); refused keys also
    /// discard any older ones (the host replaced them), so no request is signed or PIN enciphered with keys the host
    /// does not hold. Set as <see cref="HostSession.SignOn"/>, it runs before the first request that needs the keys.
    /// </summary>
    public sealed class UnionPaySignOn : IHostSignOn
    {
        /// <summary>DE 39 of a host answer saying the request's MAC did not verify [K].</summary>
        public const string MacErrorResponse = "A0";

        private readonly HostSession _session;
        private readonly MasterSessionKeys _keys;
        private readonly UnionPayHeader _header;
        private readonly string _terminalId;
        private readonly string _merchantId;
        private readonly string _operatorCode;
        private string _keyMode = UnionPayMessages.NetSignOnDoubleKeys;

        /// <summary>
        /// A sign-on over <paramref name="session"/> installing into <paramref name="keys"/> (its TMK loaded), with
        /// the terminal's header, DE 41, DE 42 and operator code (DE 63, 3 characters).
        /// </summary>
        public UnionPaySignOn(HostSession session, MasterSessionKeys keys, UnionPayHeader header, string terminalId, string merchantId, string operatorCode)
        {
            if (session == null || keys == null || header == null || terminalId == null || merchantId == null || operatorCode == null)
                throw new System.ArgumentNullException("session", "session, keys, header, terminal ID, merchant ID and operator code are required");
            _session = session;
            _keys = keys;
            _header = header;
            _terminalId = terminalId;
            _merchantId = merchantId;
            _operatorCode = operatorCode;
        }

        /// <summary>
        /// 60.3 of the sign-on: <see cref="UnionPayMessages.NetSignOnSingleKeys"/>, <see cref="UnionPayMessages.NetSignOnDoubleKeys"/>
        /// (default) or <see cref="UnionPayMessages.NetSignOnWithTrackKey"/> (the track key is installed but not used
        /// by the requests, docs/host-protocol.md).
        /// </summary>
        public string KeyMode
        {
            get { return _keyMode; }
            set
            {
                if (value != UnionPayMessages.NetSignOnSingleKeys && value != UnionPayMessages.NetSignOnDoubleKeys && value != UnionPayMessages.NetSignOnWithTrackKey)
                    throw new System.ArgumentException("key mode is 001, 003 or 004", "value");
                _keyMode = value;
            }
        }

        /// <summary>True while working keys are installed.</summary>
        public bool SignedOn
        {
            get { return _keys.HasWorkingKeys; }
        }

        /// <summary>Number of sign-on attempts (0800 built and handed to the session).</summary>
        public int Attempts { get; private set; }

        /// <summary>The outcome of the last attempt (None: signed on), or None before any.</summary>
        public SessionFailure LastFailure { get; private set; }

        /// <summary>DE 39 of the last 0810, or null when none came.</summary>
        public string LastResponseCode { get; private set; }

        /// <summary>True for every request that carries a MAC: all but network management (08xx), as <see cref="MasterSessionMessageAuthenticator"/>.</summary>
        public bool NeedsKeys(Iso8583Message request)
        {
            return !MasterSessionMessageAuthenticator.IsManagement(request == null ? null : request.Mti);
        }

        /// <inheritdoc />
        public SessionFailure SignOn()
        {
            Attempts++;
            LastResponseCode = null;
            LastFailure = Run();
            return LastFailure;
        }

        /// <summary>
        /// An answer failed MAC verification (<paramref name="responseCode"/> null) or the host answered DE 39
        /// <c>A0</c> (it could not verify our MAC): the working keys are discarded so the next request signs on
        /// again and gets keys both sides hold [K: the acquirer may instead ask for sign-on in the header's
        /// processing requirement digit, not read here]. A forged answer can only cause one extra sign-on.
        /// </summary>
        public void KeysSuspect(string responseCode)
        {
            if (responseCode == null || responseCode == MacErrorResponse) _keys.DiscardWorkingKeys();
        }

        private SessionFailure Run()
        {
            Iso8583Message request;
            try
            {
                TransactionFields t = new TransactionFields();
                t.Stan = _session.NextTrace();
                t.TerminalId = _terminalId;
                t.MerchantId = _merchantId;
                t.BatchNumber = _session.Journal.BatchNumber;
                request = UnionPayMessages.SignOn(_header, t, _operatorCode, _keyMode);
            }
            catch (Terminal.Firmware.Core.Journal.JournalException)
            {
                return SessionFailure.JournalFailed;
            }
            SessionFailure failure;
            Iso8583Message answer = _session.SendUnjournaled(request, out failure);
            if (failure != SessionFailure.None) return failure;
            LastResponseCode = answer.GetString(39);
            if (LastResponseCode != "00") return SessionFailure.HostRefused;
            try
            {
                _keys.InstallWorkingKeys(UnionPayWorkingKeys.Parse(answer.GetBytes(62)));
            }
            catch (Iso8583Exception)
            {
                _keys.DiscardWorkingKeys();
                return SessionFailure.WorkingKeysRefused;
            }
            catch (SecurityException)
            {
                // A check value that does not match: the keys are not installed (and the old ones are stale).
                _keys.DiscardWorkingKeys();
                return SessionFailure.WorkingKeysRefused;
            }
            return SessionFailure.None;
        }
    }
}
