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

        /// <summary>A cipher over DUKPT (preferred when loaded) or master/session keys; either may be null.</summary>
        public OnlinePinCipher(TdesDukptTerminal dukpt, MasterSessionKeys sessionKeys)
        {
            _dukpt = dukpt;
            _sessionKeys = sessionKeys;
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
            if (_sessionKeys != null && _sessionKeys.HasWorkingKeys) return _sessionKeys.EncryptPinBlock(pinDigits, pan);
            KeyBytes.Wipe(pinDigits);
            throw new SecurityException(SecurityError.NoInitialKey, "no PIN key loaded");
        }
    }
}
