using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.Journal;

namespace Terminal.Tests.Journal;

/// <summary>Builds slot images by hand from the format in docs/journal.md (independent of the journal's writer).</summary>
public static class JournalImage
{
    /// <summary>A5, type, payload length (2 bytes big-endian), payload, CRC-32 (big-endian) of all before it.</summary>
    public static byte[] Frame(byte type, string payloadHex)
    {
        byte[] payload = Hex.Decode(payloadHex);
        byte[] head = { 0xA5, type, (byte)(payload.Length >> 8), (byte)payload.Length };
        byte[] body = Bytes.Concat(head, payload);
        uint crc = Crc32.Compute(body, 0, body.Length);
        return Bytes.Concat(body, new[] { (byte)(crc >> 24), (byte)(crc >> 16), (byte)(crc >> 8), (byte)crc });
    }

    /// <summary>Header: 'T' 'J', version (1 byte; the journal writes 02, reads 01 and 02), generation (4 bytes).</summary>
    public static byte[] Header(int generation, int version = 2) => Frame(1, "544A" + version.ToString("X2") + generation.ToString("X8"));

    /// <summary>Settlement pending (type 8): batch (4 bytes), trace (4 bytes), request (2-byte length, bytes).</summary>
    public static byte[] SettlementPending(int batch, int trace, string requestHex) =>
        Frame(8, batch.ToString("X8") + trace.ToString("X8") + (requestHex.Length / 2).ToString("X4") + requestHex);

    /// <summary>Settlement cleared (type 9): batch (4 bytes).</summary>
    public static byte[] SettlementCleared(int batch) => Frame(9, batch.ToString("X8"));

    /// <summary>Counters: last trace (4 bytes), batch (4 bytes).</summary>
    public static byte[] Counters(int lastTrace, int batch) => Frame(3, lastTrace.ToString("X8") + batch.ToString("X8"));

    /// <summary>Snapshot end: number of transactions in the snapshot (4 bytes).</summary>
    public static byte[] End(int count) => Frame(2, count.ToString("X8"));

    /// <summary>Trace reserved (4 bytes).</summary>
    public static byte[] TraceReserved(int trace) => Frame(4, trace.ToString("X8"));

    public static byte[] Concat(params byte[][] parts)
    {
        byte[] all = new byte[0];
        foreach (byte[] p in parts) all = Bytes.Concat(all, p);
        return all;
    }
}
