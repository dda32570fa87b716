using Terminal.Firmware.Core.HostLink.Transport;

namespace Terminal.Firmware.Core.SelfTest
{
    /// <summary>
    /// Self-test lines on the console: on the ESP32 under nanoFramework System.Console writes to the serial port
    /// (UART0, the monitor nanoff and the IDE read); on a PC to standard output.
    /// </summary>
    public sealed class ConsoleSelfTestOutput : ISelfTestOutput
    {
        /// <inheritdoc />
        public void WriteLine(string line)
        {
            System.Console.WriteLine(line);
        }
    }

    /// <summary>
    /// Milliseconds from <see cref="System.DateTime.UtcNow"/> for the self-test's per-transaction times on the
    /// device (the device mscorlib has no Stopwatch). Good for durations within a run; not a deadline clock (the
    /// wall clock may be set while it runs).
    /// </summary>
    public sealed class UtcMillisecondClock : IMonotonicClock
    {
        /// <inheritdoc />
        public long NowMilliseconds
        {
            get { return System.DateTime.UtcNow.Ticks / System.TimeSpan.TicksPerMillisecond; }
        }
    }
}
