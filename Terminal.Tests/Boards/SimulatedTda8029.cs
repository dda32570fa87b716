using Terminal.EmvKernel.Apdu;
using Terminal.Firmware.Core.Readers;

namespace Terminal.Tests.Boards;

/// <summary>
/// A TDA8029 as seen from its UART, written independently of the code under test: it parses ALPAR command frames
/// (60, length MSB LSB, command, data, LRC = XOR of all bytes before it) with its own code, answers presence,
/// power up/off, firmware version and card_command by handing the APDU to a card (a Terminal.VirtualCards card),
/// and NAKs (E0 00 01 command status LRC) a bad LRC (F0), an unknown command (55) and a missing card (C0).
/// Faults can be injected. Reads never wait: no queued byte means a timeout at once.
/// </summary>
internal sealed class SimulatedTda8029 : ISerialPort
{
    private readonly List<byte> _in = new();
    private readonly Queue<byte> _out = new();
    private ICardChannel _card;
    private byte[] _atr;
    private bool _powered;

    public SimulatedTda8029(ICardChannel card, byte[] atr)
    {
        _card = card;
        _atr = atr;
    }

    /// <summary>Every command frame received, as bytes.</summary>
    public List<byte[]> Received { get; } = new();

    public bool Powered => _powered;

    /// <summary>Faults for the next answer.</summary>
    public bool DropNextAnswer { get; set; }
    public bool CorruptNextAnswerLrc { get; set; }
    public int NakNextWith { get; set; } = -1;
    /// <summary>Presence message (A0 with this data byte) sent before the next answer, or -1.</summary>
    public int PresenceBeforeNextAnswer { get; set; } = -1;
    /// <summary>Bytes arriving after the command and before its answer (line noise).</summary>
    public byte[] StaleBytes { get; set; }

    public void InsertCard(ICardChannel card, byte[] atr) { _card = card; _atr = atr; }

    public void RemoveCard() { _card = null; _powered = false; }

    public void Write(byte[] buffer, int offset, int count)
    {
        for (int i = 0; i < count; i++) _in.Add(buffer[offset + i]);
        if (StaleBytes != null) { foreach (byte b in StaleBytes) _out.Enqueue(b); StaleBytes = null; }
        while (TryTakeFrame(out byte[] frame)) Answer(frame);
    }

    public int Read(byte[] buffer, int offset, int count, int timeoutMs)
    {
        int n = 0;
        while (n < count && _out.Count > 0) buffer[offset + n++] = _out.Dequeue();
        return n;
    }

    public void DiscardInput() => _out.Clear();

    /// <summary>Queues bytes as if the chip had sent them (for link tests).</summary>
    public void Push(params byte[] bytes) { foreach (byte b in bytes) _out.Enqueue(b); }

    private bool TryTakeFrame(out byte[] frame)
    {
        frame = null;
        if (_in.Count < 5) return false;
        int length = (_in[1] << 8) | _in[2];
        if (_in.Count < 5 + length) return false;
        frame = _in.GetRange(0, 5 + length).ToArray();
        _in.RemoveRange(0, 5 + length);
        return true;
    }

    private void Answer(byte[] frame)
    {
        Received.Add(frame);
        byte command = frame[3];
        byte x = 0;
        foreach (byte b in frame) x ^= b;
        if (frame[0] != 0x60 || x != 0) { Send(false, command, 0xF0); return; }
        byte[] data = frame.AsSpan(4, frame.Length - 5).ToArray();
        if (NakNextWith >= 0) { byte s = (byte)NakNextWith; NakNextWith = -1; Send(false, command, s); return; }
        switch (command)
        {
            case 0x09:
                Send(true, command, (byte)(_card != null ? 1 : 0));
                break;
            case 0x68: case 0x69: case 0x6D: case 0x6E:
                if (_card == null) { Send(false, command, 0xC0); break; }
                _powered = true;
                Send(true, command, _atr);
                break;
            case 0x4D:
                _powered = false;
                Send(true, command);
                break;
            case 0x0A:
                Send(true, command, "SIM-TDA8029"u8.ToArray());
                break;
            case 0x00:
                if (_card == null) { Send(false, command, 0xC0); break; }
                if (!_powered) { Send(false, command, 0xA1); break; }
                byte[] response;
                try { response = _card.Transmit(data); }
                catch (CardRemovedException) { _card = null; _powered = false; Send(false, command, 0xC0); break; }
                Send(true, command, response);
                break;
            default:
                Send(false, command, 0x55);
                break;
        }
    }

    private void Send(bool ack, byte command, params byte[] data)
    {
        if (PresenceBeforeNextAnswer >= 0)
        {
            byte p = (byte)PresenceBeforeNextAnswer;
            PresenceBeforeNextAnswer = -1;
            Enqueue(true, 0xA0, new[] { p }, false);
        }
        if (DropNextAnswer) { DropNextAnswer = false; return; }
        bool corrupt = CorruptNextAnswerLrc;
        CorruptNextAnswerLrc = false;
        Enqueue(ack, command, data, corrupt);
    }

    private void Enqueue(bool ack, byte command, byte[] data, bool corruptLrc)
    {
        var f = new List<byte> { (byte)(ack ? 0x60 : 0xE0), (byte)(data.Length >> 8), (byte)data.Length, command };
        f.AddRange(data);
        byte lrc = 0;
        foreach (byte b in f) lrc ^= b;
        f.Add(corruptLrc ? (byte)(lrc ^ 0x01) : lrc);
        foreach (byte b in f) _out.Enqueue(b);
    }
}
