#nullable enable
using System.Text;
using Terminal.Firmware.Core.Readers;
using Terminal.Tests.HostLink.Transport;

namespace Terminal.Tests.App;

/// <summary>A console UART: typed text is queued; an empty read advances the clock by the read's timeout.</summary>
internal sealed class FakeConsolePort(FakeClock clock) : ISerialPort
{
    private readonly Queue<byte> _input = new();
    private readonly MemoryStream _output = new();

    public bool FailReads { get; set; }

    public void Add(string text)
    {
        foreach (byte b in Encoding.UTF8.GetBytes(text)) _input.Enqueue(b);
    }

    public string Output => Encoding.UTF8.GetString(_output.ToArray());

    public void Write(byte[] buffer, int offset, int count) => _output.Write(buffer, offset, count);

    public int Read(byte[] buffer, int offset, int count, int timeoutMs)
    {
        if (FailReads) throw new IOException("UART overrun");
        if (_input.Count == 0)
        {
            clock.Advance(timeoutMs);
            return 0;
        }
        int n = 0;
        while (n < count && _input.Count > 0) buffer[offset + n++] = _input.Dequeue();
        return n;
    }

    public void DiscardInput() => _input.Clear();
}
