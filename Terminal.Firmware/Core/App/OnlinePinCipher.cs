using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.HostLink.Security;
using Terminal.Firmware.Core.HostLink.Session;

namespace Terminal.Firmware.Core.App
{
    /// <summary>
    /// Enciphers an online PIN the moment it is entered: an ISO 9564 format 0 block under the DUKPT PIN key of the
    /// next transaction counter (X9.24-1, <see cref="TdesDukpt.PinKey"/>), or under the PIN working key of the
    /// master/session scheme. The clear digits are wiped in every case. With a <see cref="DukptMessageAuthenticator"/>
    /// (generic dialect, requests MACed) the PIN block is made under that authenticator's transaction key, so the
    /// PIN block and the request's MAC share one KSN (docs/host-protocol.md, "Message authenticators"). With
    /// master/session keys and a <see cref="SignOn"/>, a terminal not yet signed on signs on when a PIN is needed.
    /// </summary>
    public sealed class OnlinePinCipher : IDukptCounterListener
    {
        private readonly TdesDukptTerminal _dukpt;
        private readonly DukptMessageAuthenticator _dukptMessages;
        private readonly MasterSessionKeys _sessionKeys;
        private readonly ISettingsStorage _stateStorage;

        /// <summary>The settings file holding the DUKPT state (counter and future keys) across restarts.</summary>
        public const string DukptStateFile = "dukpt.state";

        /// <summary>A cipher over DUKPT (preferred when loaded) or master/session keys; either may be null. The DUKPT
        /// counter is not persisted: use the other constructor on a device.</summary>
        public OnlinePinCipher(TdesDukptTerminal dukpt, MasterSessionKeys sessionKeys) : this(dukpt, sessionKeys, null)
        {
        }

        /// <summary>
        /// As above; after each DUKPT counter step, and before the new key is used, the DUKPT state is written to
        /// <paramref name="stateStorage"/> (<see cref="DukptStateFile"/>), so that a restart never repeats a KSN
        /// (X9.24-1: each KSN is used once). Null: not persisted.
        /// </summary>
        public OnlinePinCipher(TdesDukptTerminal dukpt, MasterSessionKeys sessionKeys, ISettingsStorage stateStorage)
        {
            _dukpt = dukpt;
            _sessionKeys = sessionKeys;
            _stateStorage = stateStorage;
        }

        /// <summary>
        /// A DUKPT cipher sharing the transaction key of <paramref name="messages"/> (over the same
        /// <paramref name="dukpt"/>): <see cref="Encipher"/> begins the authenticator's transaction and the request
        /// naming that KSN is MACed under it. Every counter step of the authenticator (PIN or not) is persisted to
        /// <paramref name="stateStorage"/> (null: not persisted); the cipher becomes the authenticator's
        /// <see cref="DukptMessageAuthenticator.CounterListener"/>.
        /// </summary>
        public OnlinePinCipher(DukptMessageAuthenticator messages, TdesDukptTerminal dukpt, ISettingsStorage stateStorage)
        {
            if (messages == null || dukpt == null) throw new System.ArgumentNullException("messages", "authenticator and its DUKPT store are required");
            _dukptMessages = messages;
            _dukpt = dukpt;
            _stateStorage = stateStorage;
            messages.CounterListener = this;
        }

        /// <summary>
        /// The host sign-on that brings the master/session PIN key (UnionPay), or null. When set and no working keys
        /// are installed, <see cref="Ready"/> signs on first.
        /// </summary>
        public IHostSignOn SignOn { get; set; }

        /// <summary>
        /// True when a PIN key is available. Under master/session keys without working keys, signs on first when a
        /// <see cref="SignOn"/> is set (one attempt per call).
        /// </summary>
        public bool Ready
        {
            get
            {
                if (_dukpt != null && _dukpt.CanTransact) return true;
                if (_sessionKeys == null) return false;
                if (!_sessionKeys.HasWorkingKeys && SignOn != null) SignOn.SignOn();
                return _sessionKeys.HasWorkingKeys;
            }
        }

        /// <summary>Persists the DUKPT state after a counter step of the shared authenticator (<see cref="IDukptCounterListener"/>).</summary>
        public void CounterAdvanced()
        {
            SaveState();
        }

        /// <summary>
        /// The enciphered PIN block of <paramref name="pinDigits"/> (digit values) for <paramref name="pan"/>;
        /// <paramref name="ksn"/> is the DUKPT KSN, or null under session keys. Wipes <paramref name="pinDigits"/>.
        /// Throws <see cref="SecurityException"/> when no key is ready.
        /// </summary>
        public byte[] Encipher(byte[] pinDigits, string pan, out byte[] ksn)
        {
            ksn = null;
            if (_dukptMessages != null && _dukpt.CanTransact)
            {
                try
                {
                    ksn = _dukptMessages.BeginTransaction();      // persisted by CounterAdvanced before use
                    return _dukptMessages.EncipherPin(pinDigits, pan);
                }
                finally
                {
                    KeyBytes.Wipe(pinDigits);
                }
            }
            if (_dukpt != null && _dukpt.CanTransact)
            {
                byte[] transactionKey = null;
                byte[] pinKey = null;
                try
                {
                    transactionKey = _dukpt.NextTransaction(out ksn);
                    SaveState();
                    pinKey = TdesDukpt.PinKey(transactionKey);
                    return TdesDukpt.EncryptPinBlock(pinKey, pinDigits, pan);
                }
                finally
                {
                    KeyBytes.Wipe(transactionKey);
                    KeyBytes.Wipe(pinKey);
                    KeyBytes.Wipe(pinDigits);
                }
            }
            if (_sessionKeys != null && _sessionKeys.HasWorkingKeys)
            {
                try
                {
                    return _sessionKeys.EncryptPinBlock(pinDigits, pan);
                }
                finally
                {
                    KeyBytes.Wipe(pinDigits);
                }
            }
            KeyBytes.Wipe(pinDigits);
            throw new SecurityException(SecurityError.NoInitialKey, "no PIN key loaded");
        }

        /// <summary>
        /// The terminal's DUKPT from its injected initial key, resumed from the state an earlier run saved in
        /// <paramref name="stateStorage"/> (<see cref="DukptStateFile"/>) when that state has the same initial KSN, so
        /// the counter never restarts after a power cycle (X9.24-1: a KSN is never used twice). A different initial
        /// KSN (a key re-injected) starts from the initial key. A saved state that does not parse raises
        /// <see cref="SecurityException"/> rather than silently restarting the counter.
        /// </summary>
        public static TdesDukptTerminal LoadDukpt(byte[] initialKey, byte[] initialKsn, ISettingsStorage stateStorage)
        {
            TdesDukptTerminal dukpt = new TdesDukptTerminal();
            dukpt.LoadInitialKey(initialKey, initialKsn);
            byte[] saved = stateStorage == null ? null : stateStorage.Read(DukptStateFile);
            if (saved == null) return dukpt;
            byte[] fresh = dukpt.ExportState();
            try
            {
                if (SameInitialKsn(saved, fresh)) dukpt.ImportState(saved);
            }
            finally
            {
                KeyBytes.Wipe(fresh);
                KeyBytes.Wipe(saved);
            }
            return dukpt;
        }

        /// <summary>True when two DUKPT states (<see cref="DukptFutureKeys.ExportState"/>: 8-byte counter, KSN length,
        /// initial KSN, registers) hold the same initial KSN.</summary>
        private static bool SameInitialKsn(byte[] a, byte[] b)
        {
            if (a.Length < 9 || b.Length < 9 || a[8] != b[8] || a.Length < 9 + a[8] || b.Length < 9 + b[8]) return false;
            for (int i = 0; i < a[8]; i++) if (a[9 + i] != b[9 + i]) return false;
            return true;
        }

        /// <summary>Writes the advanced DUKPT state; the exported copy (it holds future keys) is wiped.</summary>
        private void SaveState()
        {
            if (_stateStorage == null) return;
            byte[] state = _dukpt.ExportState();
            try
            {
                _stateStorage.Write(DukptStateFile, state);
            }
            finally
            {
                KeyBytes.Wipe(state);
            }
        }
    }
}
