using System;

namespace Terminal.Firmware.Core.Hardware
{
    /// <summary>Local date and time for receipts and ISO 8583 fields 12/13 (set by SNTP or the console).
    /// Durations use <see cref="Terminal.Firmware.Core.HostLink.Transport.IMonotonicClock"/>.</summary>
    public interface IWallClock
    {
        /// <summary>The local date and time.</summary>
        DateTime Now { get; }
    }
}
