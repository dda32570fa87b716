using System.Net.Sockets;

namespace Terminal.VirtualReader;

/// <summary>
/// Framing of the vpcd socket protocol (vsmartcard's virtualsmartcard, vpcd.c / vpicc): every message in either
/// direction is a 2-byte big-endian length followed by that many payload bytes. From vpcd, a 1-byte payload is a
/// control command (<see cref="PowerOff"/>, <see cref="PowerOn"/>, <see cref="Reset"/>, <see cref="GetAtr"/>) and
/// any longer payload is a C-APDU. The card side answers GET ATR with the ATR and a C-APDU with the R-APDU; power
/// off, power on and reset get no answer. A connection closed by the card side means "card removed" to vpcd.
/// </summary>
public static class VpcdFrame
{
    /// <summary>Control code: power the card off (no answer).</summary>
    public const byte PowerOff = 0x00;
    /// <summary>Control code: power the card on (no answer).</summary>
    public const byte PowerOn = 0x01;
    /// <summary>Control code: warm reset (no answer).</summary>
    public const byte Reset = 0x02;
    /// <summary>Control code: send the ATR (answered with the ATR bytes).</summary>
    public const byte GetAtr = 0x04;
    /// <summary>Largest payload the 2-byte length can carry.</summary>
    public const int MaxPayload = 0xFFFF;

    /// <summary>
    /// Reads one frame. Returns null when the peer closed the connection cleanly between frames.
    /// Throws <see cref="VpcdProtocolException"/> for a zero-length frame or a frame cut short by the close.
    /// Cancellation (including a timeout the caller put on the token) throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public static async Task<byte[]> ReadAsync(Stream stream, CancellationToken cancel)
    {
        var header = new byte[2];
        int got = await ReadUpToAsync(stream, header, cancel).ConfigureAwait(false);
        if (got == 0) return null;
        if (got < 2) throw new VpcdProtocolException("connection closed inside a frame length");
        int length = (header[0] << 8) | header[1];
        if (length == 0) throw new VpcdProtocolException("zero-length frame");
        var payload = new byte[length];
        got = await ReadUpToAsync(stream, payload, cancel).ConfigureAwait(false);
        if (got < length)
            throw new VpcdProtocolException($"connection closed after {got} of {length} frame bytes");
        return payload;
    }

    /// <summary>Writes one frame (length prefix and payload in one write).</summary>
    public static async Task WriteAsync(Stream stream, byte[] payload, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.Length > MaxPayload)
            throw new VpcdProtocolException($"payload of {payload.Length} bytes exceeds the 65535-byte frame limit");
        var frame = new byte[payload.Length + 2];
        frame[0] = (byte)(payload.Length >> 8);
        frame[1] = (byte)payload.Length;
        Array.Copy(payload, 0, frame, 2, payload.Length);
        await stream.WriteAsync(frame, cancel).ConfigureAwait(false);
        await stream.FlushAsync(cancel).ConfigureAwait(false);
    }

    // Fills the buffer unless the stream ends first; a connection reset counts as the end.
    private static async Task<int> ReadUpToAsync(Stream stream, byte[] buffer, CancellationToken cancel)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int n;
            try { n = await stream.ReadAsync(buffer.AsMemory(total), cancel).ConfigureAwait(false); }
            catch (IOException e) when (e.InnerException is SocketException && !cancel.IsCancellationRequested) { n = 0; }
            if (n == 0) break;
            total += n;
        }
        return total;
    }
}
