using Terminal.Firmware.Core.HostLink.Transport;

namespace Terminal.Tests.HostLink.Transport;

/// <summary>A clock that moves only when told (by the test or by <see cref="FakeHostConnection"/> waiting).</summary>
public sealed class FakeClock : IMonotonicClock
{
    public long NowMilliseconds { get; private set; }

    public void Advance(long ms) => NowMilliseconds += ms;

    public void AdvanceTo(long at)
    {
        if (at > NowMilliseconds) NowMilliseconds = at;
    }
}
