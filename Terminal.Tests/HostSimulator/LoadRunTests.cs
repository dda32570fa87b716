using Terminal.HostSimulation;
using Xunit;

namespace Terminal.Tests.HostSimulation;

/// <summary>
/// The load run of the benchmark (tools/Terminal.HostSim --bench) with 50 concurrent terminals on loopback: every
/// authorization is answered, approved (MAC, PIN and ARQC checked) and counted once. Figures are not asserted
/// (no timed assertions); they are reported by the tool.
/// </summary>
public class LoadRunTests
{
    [Fact]
    public async Task Fifty_concurrent_terminals_are_all_answered_and_approved()
    {
        LoadResult r = await LoadRun.RunAsync(50, 4, tls: false).WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(50, r.Terminals);
        Assert.Equal(200, r.Authorizations);
        Assert.Equal(0, r.Failures);
        Assert.True(r.P99Milliseconds >= r.P50Milliseconds);
    }
}
