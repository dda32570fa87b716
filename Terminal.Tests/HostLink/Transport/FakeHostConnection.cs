using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.Firmware.Core.HostLink.Transport;

namespace Terminal.Tests.HostLink.Transport;

/// <summary>
/// An in-memory <see cref="IHostConnection"/> on a <see cref="FakeClock"/>. Incoming bytes are scripted as chunks
/// with an arrival time; a receive with nothing arriving within its timeout moves the clock by the timeout and
/// times out, exactly like a real socket would after that long. A scripted disconnect drops the link when reached.
/// <see cref="OnSend"/> plays the host: it sees each whole frame the terminal sends and scripts the reply.
/// </summary>
public sealed class FakeHostConnection : IHostConnection
{
    private sealed class Chunk
    {
        public byte[] Data;      // null: disconnect
        public long At;
        public int Offset;
    }

    private readonly FakeClock _clock;
    private readonly Queue<Chunk> _incoming = new();
    private readonly List<byte> _outgoing = new();

    public FakeHostConnection(FakeClock clock) => _clock = clock;

    /// <summary>Called with each complete frame payload the terminal sent (length header removed).</summary>
    public Action<FakeHostConnection, byte[]> OnSend { get; set; }

    /// <summary>How many of the next Connect calls fail with ConnectFailed.</summary>
    public int FailConnects { get; set; }

    /// <summary>When set, the next Send fails with Disconnected (before the bytes leave) and clears this.</summary>
    public bool FailNextSend { get; set; }

    public bool IsConnected { get; private set; }
    public int Connects { get; private set; }
    public int Closes { get; private set; }

    /// <summary>Every frame payload sent, in order.</summary>
    public List<byte[]> Sent { get; } = new();

    public void Connect(int timeoutMs)
    {
        if (FailConnects > 0)
        {
            FailConnects--;
            throw new HostLinkException(HostLinkError.ConnectFailed, "scripted connect failure");
        }
        IsConnected = true;
        Connects++;
        _incoming.Clear();
        _outgoing.Clear();
    }

    /// <summary>Scripts bytes arriving <paramref name="delayMs"/> after now.</summary>
    public void Deliver(byte[] data, long delayMs = 0) =>
        _incoming.Enqueue(new Chunk { Data = data, At = _clock.NowMilliseconds + delayMs });

    /// <summary>Scripts a whole frame (length header + payload) arriving after <paramref name="delayMs"/>.</summary>
    public void DeliverFrame(byte[] payload, long delayMs = 0) => Deliver(LengthPrefixFrame.Wrap(payload), delayMs);

    /// <summary>Scripts the link dropping after <paramref name="delayMs"/>, once earlier chunks are read.</summary>
    public void Disconnect(long delayMs = 0) =>
        _incoming.Enqueue(new Chunk { Data = null, At = _clock.NowMilliseconds + delayMs });

    public void Send(byte[] data, int offset, int count)
    {
        if (!IsConnected) throw new HostLinkException(HostLinkError.Disconnected, "not connected");
        if (FailNextSend)
        {
            FailNextSend = false;
            IsConnected = false;
            throw new HostLinkException(HostLinkError.Disconnected, "scripted send failure");
        }
        for (int i = 0; i < count; i++) _outgoing.Add(data[offset + i]);
        // Hand every complete frame to the host script.
        while (_outgoing.Count >= 2)
        {
            int length = (_outgoing[0] << 8) | _outgoing[1];
            if (_outgoing.Count < 2 + length) break;
            byte[] payload = _outgoing.GetRange(2, length).ToArray();
            _outgoing.RemoveRange(0, 2 + length);
            Sent.Add(payload);
            OnSend?.Invoke(this, payload);
        }
    }

    public int Receive(byte[] buffer, int offset, int count, int timeoutMs)
    {
        if (!IsConnected) throw new HostLinkException(HostLinkError.Disconnected, "not connected");
        if (_incoming.Count == 0 || _incoming.Peek().At > _clock.NowMilliseconds + timeoutMs)
        {
            _clock.Advance(timeoutMs);
            throw new HostLinkException(HostLinkError.Timeout, "nothing arrived");
        }
        Chunk chunk = _incoming.Peek();
        _clock.AdvanceTo(chunk.At);
        if (chunk.Data == null)
        {
            _incoming.Dequeue();
            IsConnected = false;
            throw new HostLinkException(HostLinkError.Disconnected, "scripted disconnect");
        }
        int n = Math.Min(count, chunk.Data.Length - chunk.Offset);
        Array.Copy(chunk.Data, chunk.Offset, buffer, offset, n);
        chunk.Offset += n;
        if (chunk.Offset == chunk.Data.Length) _incoming.Dequeue();
        return n;
    }

    public void Close()
    {
        if (IsConnected) Closes++;
        IsConnected = false;
        _incoming.Clear();
        _outgoing.Clear();
    }
}
