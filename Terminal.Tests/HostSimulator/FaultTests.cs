using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.HostSimulation;
using Xunit;

namespace Terminal.Tests.HostSimulation;

/// <summary>
/// Fault modes at the core (<see cref="HostSimulator.Process"/>): what is processed, what the transport is told
/// to do, and that the ledger stays exact (the repeat after a lost answer gets the real answer, counted once).
/// </summary>
public class FaultTests
{
    private static (HostSimulator, SimulatedTerminal, byte[]) Setup()
    {
        var host = HostKit.Host();
        var t = HostKit.Terminal(host);
        return (host, t, t.Pack(t.Sale(HostKit.VisaPan, 1200, null, HostKit.IccData(1200))));
    }

    [Fact]
    public void No_answer_processes_the_request_and_the_repeat_gets_the_answer()
    {
        var (host, t, request) = Setup();
        host.Faults.QueueNext(HostFault.NoAnswer);
        HostReply reply = host.Process(request);
        Assert.Null(reply.Payload);
        Assert.Single(host.Ledger.Counted());
        Assert.Equal("00", t.ParseResponse(host.Handle(request), out _).GetString(39));
        Assert.Single(host.Ledger.Counted());
    }

    [Fact]
    public void Request_lost_is_not_processed()
    {
        var (host, _, request) = Setup();
        host.Faults.QueueNext(HostFault.RequestLost);
        Assert.Null(host.Process(request).Payload);
        Assert.Empty(host.Ledger.Entries());
    }

    [Fact]
    public void Late_answer_carries_the_delay_for_the_transport()
    {
        var (host, t, request) = Setup();
        host.Faults.LateDelay = TimeSpan.FromSeconds(45);
        host.Faults.QueueNext(HostFault.LateAnswer);
        HostReply reply = host.Process(request);
        Assert.Equal(TimeSpan.FromSeconds(45), reply.Delay);
        Assert.Equal("00", t.ParseResponse(reply.Payload, out bool macOk).GetString(39));
        Assert.True(macOk);
    }

    [Fact]
    public void Garbage_answer_does_not_parse_but_the_sale_is_recorded()
    {
        var (host, _, request) = Setup();
        host.Faults.QueueNext(HostFault.Garbage);
        HostReply reply = host.Process(request);
        Assert.NotNull(reply.Payload);
        Assert.Throws<Iso8583Exception>(() => Generic87Dialect.Dialect.Parse(reply.Payload));
        Assert.Single(host.Ledger.Counted());
    }

    [Fact]
    public void Wrong_mac_answer_fails_the_terminal_check_and_the_repeat_is_clean()
    {
        var (host, t, request) = Setup();
        host.Faults.QueueNext(HostFault.WrongMac);
        t.ParseResponse(host.Process(request).Payload, out bool macOk);
        Assert.False(macOk);
        t.ParseResponse(host.Handle(request), out macOk);
        Assert.True(macOk);
        Assert.Single(host.Ledger.Counted());
    }

    [Fact]
    public void Disconnect_sends_part_of_the_frame_then_closes()
    {
        var (host, _, request) = Setup();
        host.Faults.QueueNext(HostFault.Disconnect);
        HostReply reply = host.Process(request);
        Assert.True(reply.CloseAfter);
        Assert.InRange(reply.SendBytes, 1, reply.Payload.Length + 1);   // less than the whole frame (2 + payload)
        Assert.Single(host.Ledger.Counted());
    }

    [Fact]
    public void Restart_loses_the_request_and_queued_faults_and_keeps_the_ledger()
    {
        var (host, t, request) = Setup();
        Assert.Equal("00", t.ParseResponse(host.Handle(request), out _).GetString(39));
        int restarted = 0;
        host.Restarted += () => restarted++;
        host.Faults.QueueNext(HostFault.Restart);
        host.Faults.QueueNext(HostFault.NoAnswer);
        byte[] second = t.Pack(t.Sale(HostKit.VisaPan, 50, null, null));
        HostReply reply = host.Process(second);
        Assert.Null(reply.Payload);
        Assert.True(reply.CloseAfter);
        Assert.Equal(1, restarted);
        Assert.Equal(1, host.Restarts);
        Assert.Single(host.Ledger.Counted());                          // the first sale survives, the second was lost
        Assert.NotNull(host.Process(second).Payload);                  // the queued NoAnswer was lost with the restart
        Assert.Equal(2, host.Ledger.Counted().Count);
    }

    [Fact]
    public void Random_faults_repeat_with_the_same_seed()
    {
        HostFault[] Run(int seed)
        {
            var f = new HostFaults();
            f.SetRandom(seed, 0.5, HostFault.NoAnswer, HostFault.Garbage, HostFault.LateAnswer);
            return Enumerable.Range(0, 200).Select(_ => f.Draw()).ToArray();
        }
        Assert.Equal(Run(7), Run(7));
        var drawn = Run(7);
        Assert.Contains(HostFault.None, drawn);
        Assert.Contains(HostFault.NoAnswer, drawn);
        Assert.Contains(HostFault.Garbage, drawn);
        Assert.Contains(HostFault.LateAnswer, drawn);
    }
}
