using System.Diagnostics;
using Terminal.Firmware.Core.HostLink.Transport;

namespace Terminal.Pc.HostLink
{
    /// <summary>The PC's monotonic clock for host link deadlines (<see cref="Stopwatch"/>).</summary>
    public sealed class StopwatchClock : IMonotonicClock
    {
        private readonly Stopwatch _watch = Stopwatch.StartNew();

        /// <inheritdoc />
        public long NowMilliseconds
        {
            get { return _watch.ElapsedMilliseconds; }
        }
    }
}
