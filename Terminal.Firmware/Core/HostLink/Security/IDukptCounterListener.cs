namespace Terminal.Firmware.Core.HostLink.Security
{
    /// <summary>
    /// Told after every DUKPT counter step and before the new transaction key is used, so that the device can
    /// persist the DUKPT state: a restart must never repeat a KSN (ANSI X9.24-1: each KSN is used once).
    /// </summary>
    public interface IDukptCounterListener
    {
        /// <summary>The DUKPT counter moved on; persist the state now.</summary>
        void CounterAdvanced();
    }
}
