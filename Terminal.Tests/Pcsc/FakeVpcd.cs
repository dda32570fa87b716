using System.Net;
using System.Net.Sockets;

namespace Terminal.Tests.Pcsc;

/// <summary>
/// The pcscd/vpcd side of the vpcd socket protocol, for unit tests: listens on 127.0.0.1 on an ephemeral port,
/// accepts the bridge, and writes/reads raw frames built here by hand (2-byte big-endian length + payload),
/// independently of the tool's VpcdFrame. Every wait is bounded.
/// </summary>
internal sealed class FakeVpcd : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly TcpListener _listener;
    private TcpClient _client;
    private NetworkStream _stream;

    public FakeVpcd(int port = 0)
    {
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public async Task AcceptAsync()
    {
        _client = await _listener.AcceptTcpClientAsync().WaitAsync(Bound);
        _stream = _client.GetStream();
    }

    public Task SendRawAsync(params byte[] bytes) => _stream.WriteAsync(bytes).AsTask().WaitAsync(Bound);

    public Task SendControlAsync(byte code) => SendRawAsync(0x00, 0x01, code);

    public Task SendApduAsync(byte[] apdu)
    {
        var frame = new byte[apdu.Length + 2];
        frame[0] = (byte)(apdu.Length >> 8);
        frame[1] = (byte)apdu.Length;
        apdu.CopyTo(frame, 2);
        return SendRawAsync(frame);
    }

    /// <summary>Reads one answer frame's payload.</summary>
    public async Task<byte[]> ReceiveAsync()
    {
        var header = await ReadExactAsync(2);
        return await ReadExactAsync((header[0] << 8) | header[1]);
    }

    /// <summary>True when the bridge has closed its end (read returns 0 bytes).</summary>
    public async Task<bool> ClosedByPeerAsync()
    {
        var one = new byte[1];
        try { return await _stream.ReadAsync(one).AsTask().WaitAsync(Bound) == 0; }
        catch (IOException) { return true; }
    }

    public void DropConnection() => _client.Close();

    private async Task<byte[]> ReadExactAsync(int count)
    {
        var buffer = new byte[count];
        await _stream.ReadExactlyAsync(buffer).AsTask().WaitAsync(Bound);
        return buffer;
    }

    public void Dispose()
    {
        _client?.Dispose();
        _listener.Stop();
    }
}
