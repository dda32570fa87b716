namespace Terminal.Firmware.Core.HostLink.Transport
{
    /// <summary>
    /// A monotonic millisecond counter for deadlines. The transport never sleeps or reads a system clock itself,
    /// so tests drive time with a fake clock and stay deterministic.
    /// </summary>
    public interface IMonotonicClock
    {
        /// <summary>Milliseconds since an arbitrary fixed origin; never decreases.</summary>
        long NowMilliseconds { get; }
    }
}
