using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.Firmware.Core.HostLink.Transport;
using Terminal.HostSimulation;

namespace Terminal.Emulator.Host;

/// <summary>
/// The host simulator in the same process, behind the terminal's <see cref="IHostConnection"/>: every whole
/// length-prefixed frame the terminal sends goes to <see cref="HostSimulator.Handle"/> and its answer is framed
/// back. While <see cref="Down"/> the connect fails (ConnectFailed), as with a host that does not answer.
/// </summary>
public sealed class InProcessHostConnection(HostSimulator host) : IHostConnection
{
    private readonly List<byte> _outgoing = new();
    private readonly Queue<byte> _incoming = new();
    private bool _connected;

    /// <summary>True: the host cannot be reached.</summary>
    public bool Down { get; set; }

    /// <summary>Requests the host answered.</summary>
    public int Exchanges { get; private set; }

    /// <inheritdoc />
    public bool IsConnected => _connected && !Down;

    /// <inheritdoc />
    public void Connect(int timeoutMs)
    {
        if (Down) throw new HostLinkException(HostLinkError.ConnectFailed, "host down (scenario)");
        _connected = true;
    }

    /// <inheritdoc />
    public void Send(byte[] data, int offset, int count)
    {
        if (!IsConnected) throw new HostLinkException(HostLinkError.Disconnected, "not connected");
        for (int i = 0; i < count; i++) _outgoing.Add(data[offset + i]);
        while (_outgoing.Count >= LengthPrefixFrame.HeaderLength)
        {
            int length = (_outgoing[0] << 8) | _outgoing[1];
            if (_outgoing.Count < LengthPrefixFrame.HeaderLength + length) break;
            byte[] payload = _outgoing.GetRange(LengthPrefixFrame.HeaderLength, length).ToArray();
            _outgoing.RemoveRange(0, LengthPrefixFrame.HeaderLength + length);
            byte[] answer = host.Handle(payload);
            Exchanges++;
            if (answer != null)
                foreach (byte b in LengthPrefixFrame.Wrap(answer)) _incoming.Enqueue(b);
        }
    }

    /// <inheritdoc />
    public int Receive(byte[] buffer, int offset, int count, int timeoutMs)
    {
        if (!IsConnected) throw new HostLinkException(HostLinkError.Disconnected, "not connected");
        if (_incoming.Count == 0) throw new HostLinkException(HostLinkError.Timeout, "no data in time");
        int n = 0;
        while (n < count && _incoming.Count > 0) buffer[offset + n++] = _incoming.Dequeue();
        return n;
    }

    /// <inheritdoc />
    public void Close()
    {
        _connected = false;
        _outgoing.Clear();
        _incoming.Clear();
    }
}
