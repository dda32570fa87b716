using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Util;
using Terminal.VirtualReader;
using Xunit;

namespace Terminal.Tests.Pcsc;

/// <summary>The vpcd bridge against an in-test fake vpcd (TcpListener on 127.0.0.1, ephemeral port).</summary>
public class VpcdBridgeTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    private static VpcdBridgeOptions Options(int port, Action<string> log = null) => new VpcdBridgeOptions
    {
        Port = port,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        IdleTimeout = TimeSpan.FromSeconds(10),
        Log = log
    };

    private sealed class ThrowingCard : ICardChannel
    {
        private readonly Exception _error;
        public ThrowingCard(Exception error) { _error = error; }
        public byte[] Transmit(byte[] command) => throw _error;
    }

    [Fact]
    public async Task Power_on_gets_no_answer_and_get_atr_returns_the_atr()
    {
        using var vpcd = new FakeVpcd();
        var card = new ScriptedCard();
        var run = new VpcdBridge(card, Options(vpcd.Port), card.Reset).RunAsync(CancellationToken.None);
        await vpcd.AcceptAsync();

        await vpcd.SendControlAsync(0x01); // power on: no answer; the next frame read must be the ATR
        await vpcd.SendControlAsync(0x04);
        Assert.Equal("3BE000008131FE45EB", Hex.Encode(await vpcd.ReceiveAsync()));
        await vpcd.SendControlAsync(0x02); // reset: no answer
        await vpcd.SendControlAsync(0x00); // power off: no answer
        await vpcd.SendControlAsync(0x04);
        Assert.Equal("3BE000008131FE45EB", Hex.Encode(await vpcd.ReceiveAsync()));
        Assert.Equal(2, card.Resets); // power on and reset

        vpcd.DropConnection();
        Assert.Equal(VpcdBridgeStop.VpcdClosed, await run.WaitAsync(Bound));
    }

    [Fact]
    public async Task Apdus_round_trip_to_the_card()
    {
        using var vpcd = new FakeVpcd();
        var card = new ScriptedCard();
        var bridge = new VpcdBridge(card, Options(vpcd.Port));
        var run = bridge.RunAsync(CancellationToken.None);
        await vpcd.AcceptAsync();

        await vpcd.SendApduAsync(Hex.Decode(ScriptedCard.SelectPpse));
        Assert.Equal(ScriptedCard.PpseFci + "9000", Hex.Encode(await vpcd.ReceiveAsync()));
        await vpcd.SendApduAsync(Hex.Decode("00A4040007A000000003101000"));
        Assert.Equal(ScriptedCard.AdfFci + "9000", Hex.Encode(await vpcd.ReceiveAsync()));
        await vpcd.SendApduAsync(Hex.Decode("80CA9F3600"));
        Assert.Equal("6D00", Hex.Encode(await vpcd.ReceiveAsync()));

        vpcd.DropConnection();
        Assert.Equal(VpcdBridgeStop.VpcdClosed, await run.WaitAsync(Bound));
        Assert.Equal(3, bridge.ApduCount);
    }

    [Fact]
    public async Task Custom_atr_is_returned()
    {
        using var vpcd = new FakeVpcd();
        var options = Options(vpcd.Port);
        options.Atr = Hex.Decode("3B600000");
        var run = new VpcdBridge(new ScriptedCard(), options).RunAsync(CancellationToken.None);
        await vpcd.AcceptAsync();
        await vpcd.SendControlAsync(0x04);
        Assert.Equal("3B600000", Hex.Encode(await vpcd.ReceiveAsync()));
        vpcd.DropConnection();
        await run.WaitAsync(Bound);
    }

    [Theory]
    [InlineData(new byte[] { 0x00, 0x01, 0x03 }, "unknown vpcd control code 0x03")]
    [InlineData(new byte[] { 0x00, 0x00 }, "zero-length frame")]
    public async Task Malformed_frame_stops_with_protocol_exception_and_closes(byte[] raw, string message)
    {
        using var vpcd = new FakeVpcd();
        var run = new VpcdBridge(new ScriptedCard(), Options(vpcd.Port)).RunAsync(CancellationToken.None);
        await vpcd.AcceptAsync();
        await vpcd.SendRawAsync(raw);
        var e = await Assert.ThrowsAsync<VpcdProtocolException>(() => run.WaitAsync(Bound));
        Assert.Contains(message, e.Message);
        Assert.True(await vpcd.ClosedByPeerAsync());
    }

    [Fact]
    public async Task Disconnect_inside_a_frame_is_a_protocol_error()
    {
        using var vpcd = new FakeVpcd();
        var run = new VpcdBridge(new ScriptedCard(), Options(vpcd.Port)).RunAsync(CancellationToken.None);
        await vpcd.AcceptAsync();
        await vpcd.SendRawAsync(0x00, 0x05, 0x00, 0xA4);
        vpcd.DropConnection();
        var e = await Assert.ThrowsAsync<VpcdProtocolException>(() => run.WaitAsync(Bound));
        Assert.Contains("2 of 5", e.Message);
    }

    [Fact]
    public async Task Server_disconnect_between_frames_is_a_clean_stop()
    {
        using var vpcd = new FakeVpcd();
        var run = new VpcdBridge(new ScriptedCard(), Options(vpcd.Port)).RunAsync(CancellationToken.None);
        await vpcd.AcceptAsync();
        vpcd.DropConnection();
        Assert.Equal(VpcdBridgeStop.VpcdClosed, await run.WaitAsync(Bound));
    }

    [Fact]
    public async Task Card_removed_closes_the_connection()
    {
        using var vpcd = new FakeVpcd();
        var card = new ThrowingCard(new CardRemovedException(CardRemovedReason.Removed));
        var run = new VpcdBridge(card, Options(vpcd.Port)).RunAsync(CancellationToken.None);
        await vpcd.AcceptAsync();
        await vpcd.SendApduAsync(Hex.Decode(ScriptedCard.SelectPpse));
        Assert.True(await vpcd.ClosedByPeerAsync()); // vpcd reads no answer: card ejected
        Assert.Equal(VpcdBridgeStop.CardRemoved, await run.WaitAsync(Bound));
    }

    [Fact]
    public async Task Card_failure_answers_6F00_and_keeps_serving()
    {
        using var vpcd = new FakeVpcd();
        var card = new ThrowingCard(new ApduException(ApduError.TransportFailure, "link down"));
        var run = new VpcdBridge(card, Options(vpcd.Port)).RunAsync(CancellationToken.None);
        await vpcd.AcceptAsync();
        await vpcd.SendApduAsync(Hex.Decode(ScriptedCard.SelectPpse));
        Assert.Equal("6F00", Hex.Encode(await vpcd.ReceiveAsync()));
        await vpcd.SendControlAsync(0x04);
        Assert.Equal("3BE000008131FE45EB", Hex.Encode(await vpcd.ReceiveAsync()));
        vpcd.DropConnection();
        Assert.Equal(VpcdBridgeStop.VpcdClosed, await run.WaitAsync(Bound));
    }

    [Fact]
    public async Task Cancellation_stops_cleanly_and_closes()
    {
        using var vpcd = new FakeVpcd();
        using var stop = new CancellationTokenSource();
        var run = new VpcdBridge(new ScriptedCard(), Options(vpcd.Port)).RunAsync(stop.Token);
        await vpcd.AcceptAsync();
        await vpcd.SendControlAsync(0x04);
        await vpcd.ReceiveAsync();
        stop.Cancel();
        Assert.Equal(VpcdBridgeStop.Cancelled, await run.WaitAsync(Bound));
        Assert.True(await vpcd.ClosedByPeerAsync());
    }

    [Fact]
    public async Task Silent_vpcd_hits_the_idle_timeout()
    {
        using var vpcd = new FakeVpcd();
        var options = Options(vpcd.Port);
        options.IdleTimeout = TimeSpan.FromMilliseconds(200);
        var run = new VpcdBridge(new ScriptedCard(), options).RunAsync(CancellationToken.None);
        await vpcd.AcceptAsync();
        var e = await Assert.ThrowsAsync<TimeoutException>(() => run.WaitAsync(Bound));
        Assert.Contains("sent nothing", e.Message);
    }

    [Fact]
    public async Task Nothing_listening_gives_a_bounded_connect_timeout()
    {
        int port = FreePort();
        var options = Options(port);
        options.ConnectTimeout = TimeSpan.FromMilliseconds(300);
        var e = await Assert.ThrowsAsync<TimeoutException>(() =>
            new VpcdBridge(new ScriptedCard(), options).RunAsync(CancellationToken.None).WaitAsync(Bound));
        Assert.Contains($"127.0.0.1:{port}", e.Message);
    }

    [Fact]
    public async Task Retries_until_vpcd_accepts()
    {
        int port = FreePort();
        var log = new BlockingCollection<string>();
        var run = new VpcdBridge(new ScriptedCard(), Options(port, log.Add)).RunAsync(CancellationToken.None);
        // Wait (bounded) until the bridge reports a refused attempt, then start listening.
        Assert.True(log.TryTake(out string first, Bound));
        Assert.Contains("retrying", first);
        using var vpcd = new FakeVpcd(port);
        await vpcd.AcceptAsync();
        await vpcd.SendControlAsync(0x04);
        Assert.Equal("3BE000008131FE45EB", Hex.Encode(await vpcd.ReceiveAsync()));
        vpcd.DropConnection();
        Assert.Equal(VpcdBridgeStop.VpcdClosed, await run.WaitAsync(Bound));
    }

    [Fact]
    public async Task Cancel_while_connecting_returns_cancelled()
    {
        using var stop = new CancellationTokenSource();
        var log = new BlockingCollection<string>();
        var run = new VpcdBridge(new ScriptedCard(), Options(FreePort(), log.Add)).RunAsync(stop.Token);
        Assert.True(log.TryTake(out _, Bound));
        stop.Cancel();
        Assert.Equal(VpcdBridgeStop.Cancelled, await run.WaitAsync(Bound));
    }

    [Fact]
    public void Rejects_an_atr_of_the_wrong_size()
    {
        var options = Options(1);
        options.Atr = new byte[34];
        Assert.Throws<ArgumentException>(() => new VpcdBridge(new ScriptedCard(), options));
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
