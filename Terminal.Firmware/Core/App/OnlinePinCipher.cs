using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.HostLink.Security;

namespace Terminal.Firmware.Core.App
{
    /// <summary>
    /// Enciphers an online PIN the moment it is entered: an ISO 9564 format 0 block under the DUKPT PIN key of the
    /// next transaction counter (X9.24-1, <see cref="TdesDukpt.PinKey"/>), or under the PIN working key of the
    /// master/session scheme. The clear digits are wiped in every case.
    /// </summary>
    public sealed class OnlinePinCipher
    {
        private readonly TdesDukptTerminal _dukpt;
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

        /// <summary>True when a PIN key is available.</summary>
        public bool Ready
        {
            get { return (_dukpt != null && _dukpt.CanTransact) || (_sessionKeys != null && _sessionKeys.HasWorkingKeys); }
        }

        /// <summary>
        /// The enciphered PIN block of <paramref name="pinDigits"/> (digit values) for <paramref name="pan"/>;
        /// <paramref name="ksn"/> is the DUKPT KSN, or null under session keys. Wipes <paramref name="pinDigits"/>.
        /// Throws <see cref="SecurityException"/> when no key is ready.
        /// </summary>
        public byte[] Encipher(byte[] pinDigits, string pan, out byte[] ksn)
        {
            ksn = null;
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
