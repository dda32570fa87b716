using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.HostSimulation;
using Xunit;

namespace Terminal.Tests.HostSimulation;

/// <summary>
/// The TCP layer on loopback with real sockets: framing, TLS with a self-signed certificate, concurrent terminals,
/// late answers on a fake clock, disconnect mid-message and restart. No sleeps: every read has a timeout.
/// </summary>
public class TcpTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private static async Task<Stream> Connect(HostServer server, bool tls)
    {
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, server.Port).WaitAsync(Timeout);
        Stream s = client.GetStream();
        if (!tls) return s;
        var ssl = new SslStream(s, false, (_, _, _, _) => true);      // test certificate: accept the self-signed one
        await ssl.AuthenticateAsClientAsync("localhost").WaitAsync(Timeout);
        return ssl;
    }

    private static async Task<byte[]> Exchange(Stream s, byte[] payload)
    {
        await s.WriteAsync(LengthPrefixFrame.Wrap(payload)).AsTask().WaitAsync(Timeout);
        return await ReadFrame(s);
    }

    private static async Task<byte[]> ReadFrame(Stream s)
    {
        byte[] header = new byte[2];
        await s.ReadExactlyAsync(header).AsTask().WaitAsync(Timeout);
        byte[] payload = new byte[(header[0] << 8) | header[1]];
        await s.ReadExactlyAsync(payload).AsTask().WaitAsync(Timeout);
        return payload;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sale_over_loopback_is_answered(bool tls)
    {
        var host = HostKit.Host();
        await using var server = new HostServer(host, new IPEndPoint(IPAddress.Loopback, 0), tls ? SelfSignedCertificate.Create() : null);
        server.Start();
        var t = HostKit.Terminal(host);
        using Stream s = await Connect(server, tls);
        byte[] answer = await Exchange(s, t.Pack(t.Sale(HostKit.VisaPan, 100, "1234", HostKit.IccData(100))));
        Assert.Equal("00", t.ParseResponse(answer, out bool macOk).GetString(39));
        Assert.True(macOk);
        answer = await Exchange(s, t.Pack(t.Sale(HostKit.VisaPan, 100, "9999", null)));   // same connection, next message
        Assert.Equal("55", t.ParseResponse(answer, out _).GetString(39));
    }

    [Fact]
    public async Task Many_concurrent_terminals_each_counted_once()
    {
        var host = HostKit.Host();
        await using var server = new HostServer(host, new IPEndPoint(IPAddress.Loopback, 0));
        server.Start();
        const int terminals = 20, sales = 5;
        await Task.WhenAll(Enumerable.Range(1, terminals).Select(async i =>
        {
            var t = HostKit.Terminal(host, "T" + i.ToString("D7"), device: i);
            using Stream s = await Connect(server, false);
            for (int k = 0; k < sales; k++)
                Assert.Equal("00", t.ParseResponse(await Exchange(s, t.Pack(t.Sale(HostKit.VisaPan, 10, null, null))), out _).GetString(39));
        }));
        Assert.Equal(terminals * sales, host.Ledger.Counted().Count);
        Assert.Equal(1_000_000 - terminals * sales * 10, host.Account(HostKit.VisaPan).Balance);
    }

    [Fact]
    public async Task Late_answer_waits_on_the_injected_clock()
    {
        var host = HostKit.Host();
        await using var server = new HostServer(host, new IPEndPoint(IPAddress.Loopback, 0));
        var released = new TaskCompletionSource();
        TimeSpan asked = TimeSpan.Zero;
        server.Delay = (d, token) => { asked = d; return released.Task.WaitAsync(token); };
        server.Start();
        host.Faults.LateDelay = TimeSpan.FromSeconds(40);
        host.Faults.QueueNext(HostFault.LateAnswer);
        var t = HostKit.Terminal(host);
        using Stream s = await Connect(server, false);
        await s.WriteAsync(LengthPrefixFrame.Wrap(t.Pack(t.Sale(HostKit.VisaPan, 100, null, null))));
        Task<byte[]> read = ReadFrame(s);
        Assert.False(read.IsCompleted);
        released.SetResult();                                   // the fake clock passes 40 s
        Assert.Equal("00", t.ParseResponse(await read, out _).GetString(39));
        Assert.Equal(TimeSpan.FromSeconds(40), asked);
    }

    [Fact]
    public async Task Disconnect_mid_message_sends_a_partial_frame_then_closes()
    {
        var host = HostKit.Host();
        await using var server = new HostServer(host, new IPEndPoint(IPAddress.Loopback, 0));
        server.Start();
        host.Faults.QueueNext(HostFault.Disconnect);
        var t = HostKit.Terminal(host);
        using Stream s = await Connect(server, false);
        await s.WriteAsync(LengthPrefixFrame.Wrap(t.Pack(t.Sale(HostKit.VisaPan, 100, null, null))));
        var received = new MemoryStream();
        byte[] buffer = new byte[1024];
        int n;
        while ((n = await s.ReadAsync(buffer).AsTask().WaitAsync(Timeout)) > 0) received.Write(buffer, 0, n);
        byte[] got = received.ToArray();
        Assert.True(got.Length >= 2);
        Assert.True(got.Length < 2 + ((got[0] << 8) | got[1]), "the frame must be cut short");
        Assert.Single(host.Ledger.Counted());
    }

    [Fact]
    public async Task Restart_closes_connections_and_the_ledger_survives_for_the_next_connection()
    {
        var host = HostKit.Host();
        await using var server = new HostServer(host, new IPEndPoint(IPAddress.Loopback, 0));
        server.Start();
        var t = HostKit.Terminal(host);
        byte[] sale = t.Pack(t.Sale(HostKit.VisaPan, 100, null, null));
        using (Stream s = await Connect(server, false))
        {
            byte[] first = await Exchange(s, sale);
            host.Faults.QueueNext(HostFault.Restart);
            await s.WriteAsync(LengthPrefixFrame.Wrap(t.Pack(t.Sale(HostKit.VisaPan, 5, null, null))));
            Assert.Equal(0, await s.ReadAsync(new byte[16]).AsTask().WaitAsync(Timeout));   // closed, no answer
            using Stream again = await Connect(server, false);
            Assert.Equal(first, await Exchange(again, sale));      // the repeat after restart: same answer
        }
        Assert.Single(host.Ledger.Counted());
    }
}
