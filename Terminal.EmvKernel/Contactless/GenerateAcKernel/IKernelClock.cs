namespace Terminal.EmvKernel.Contactless.GenerateAcKernel
{
    /// <summary>
    /// The time source of the M/Chip-style kernel: a monotonic count of microseconds. It times EXCHANGE RELAY
    /// RESISTANCE DATA (Book C-2 relay resistance, 100 µs resolution needed) and ages torn transaction records.
    /// Tests inject a scripted clock so timing checks are deterministic; the board supplies a hardware timer.
    /// </summary>
    public interface IKernelClock
    {
        /// <summary>Microseconds since an arbitrary start; never decreases.</summary>
        long Microseconds { get; }
    }

    /// <summary>
    /// A clock over <see cref="System.DateTime.UtcNow"/> ticks (100 ns). Portable but not monotonic when the wall
    /// clock is set, and its resolution is that of the platform: a board should supply a hardware timer instead.
    /// </summary>
    public sealed class SystemKernelClock : IKernelClock
    {
        /// <summary>Microseconds from the system clock.</summary>
        public long Microseconds { get { return System.DateTime.UtcNow.Ticks / 10; } }
    }
}
