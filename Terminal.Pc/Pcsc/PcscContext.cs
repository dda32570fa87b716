using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;

namespace Terminal.Pc.Pcsc;

/// <summary>
/// A PC/SC resource manager context (SCardEstablishContext .. SCardReleaseContext) on pcsc-lite: lists readers,
/// watches card presence, connects cards. Linux only (libpcsclite.so.1). Not thread-safe: one context per thread,
/// as PC/SC asks.
/// </summary>
public sealed class PcscContext : IDisposable
{
    private nint _context;

    private PcscContext(nint context)
    {
        _context = context;
    }

    /// <summary>Establishes a context with pcscd (SCARD_SCOPE_SYSTEM).</summary>
    /// <exception cref="PlatformNotSupportedException">Not on Linux.</exception>
    /// <exception cref="PcscException">pcscd not running (SCARD_E_NO_SERVICE) or another failure.</exception>
    public static PcscContext Establish()
    {
        if (!OperatingSystem.IsLinux())
            throw new PlatformNotSupportedException("the PC/SC reader is implemented for pcsc-lite on Linux (libpcsclite.so.1)");
        nint context;
        try
        {
            Check("SCardEstablishContext", PcscNative.SCardEstablishContext(PcscNative.ScopeSystem, 0, 0, out context));
        }
        catch (DllNotFoundException e)
        {
            throw new PcscException("libpcsclite.so.1 not found (Debian package libpcsclite1): " + e.Message);
        }
        return new PcscContext(context);
    }

    /// <summary>The reader names pcscd knows (empty when there is none).</summary>
    public string[] ListReaders()
    {
        nint context = Handle();
        nuint length = 0;
        uint code = PcscNative.Code(PcscNative.SCardListReaders(context, 0, null, ref length));
        if (code == PcscError.NoReadersAvailable) return Array.Empty<string>();
        Check("SCardListReaders", code);
        var buffer = new byte[(int)length];
        code = PcscNative.Code(PcscNative.SCardListReaders(context, 0, buffer, ref length));
        if (code == PcscError.NoReadersAvailable) return Array.Empty<string>();
        Check("SCardListReaders", code);
        return ParseMultiString(buffer, (int)length);
    }

    /// <summary>
    /// The reader's state now (SCardGetStatusChange with timeout 0): true when a card is present.
    /// </summary>
    public bool IsCardPresent(string reader) => (WaitForChange(reader, PcscNative.StateUnaware, 0) & PcscNative.StatePresent) != 0;

    /// <summary>Waits up to <paramref name="timeoutMs"/> for a card in the reader; true when one is present.</summary>
    public bool WaitForCard(string reader, int timeoutMs) => WaitForPresence(reader, true, timeoutMs);

    /// <summary>
    /// Waits up to <paramref name="timeoutMs"/> until a card is (<paramref name="present"/> true) or is not in the
    /// reader (SCardGetStatusChange); true when that state was reached.
    /// </summary>
    public bool WaitForPresence(string reader, bool present, int timeoutMs)
    {
        long deadline = Environment.TickCount64 + Math.Max(0, timeoutMs);
        uint state = WaitForChange(reader, PcscNative.StateUnaware, 0);
        while (((state & PcscNative.StatePresent) != 0) != present)
        {
            long left = deadline - Environment.TickCount64;
            if (left <= 0) return false;
            state = WaitForChange(reader, state & ~PcscNative.StateChanged, (int)left);
        }
        return true;
    }

    /// <summary>
    /// Connects to the card in the reader (T=0 or T=1, as the card offers; exclusive unless
    /// <paramref name="shared"/>), powering it when needed.
    /// </summary>
    /// <exception cref="Terminal.EmvKernel.Apdu.CardRemovedException">No card, or it does not answer.</exception>
    /// <exception cref="PcscException">Unknown reader or another PC/SC failure.</exception>
    public PcscCard Connect(string reader, bool shared = false)
    {
        uint code = PcscNative.Code(PcscNative.SCardConnect(Handle(), NullTerminated(reader),
            shared ? PcscNative.ShareShared : PcscNative.ShareExclusive, PcscNative.ProtocolT0 | PcscNative.ProtocolT1,
            out nint card, out nuint protocol));
        if (PcscError.MeansCardGone(code))
            throw new Terminal.EmvKernel.Apdu.CardRemovedException(Terminal.EmvKernel.Apdu.CardRemovedReason.NoCard);
        Check("SCardConnect", code);
        return new PcscCard(card, (uint)protocol);
    }

    /// <summary>Releases the context (SCardReleaseContext); idempotent.</summary>
    public void Dispose()
    {
        if (_context == 0) return;
        PcscNative.SCardReleaseContext(_context);
        _context = 0;
    }

    /// <summary>Throws <see cref="PcscException"/> unless the result is SCARD_S_SUCCESS.</summary>
    internal static void Check(string function, nint result) => Check(function, PcscNative.Code(result));

    internal static void Check(string function, uint code)
    {
        if (code != PcscError.Success) throw new PcscException(function, code);
    }

    /// <summary>Reader names of a PC/SC multi-string (names each ending in NUL, the list ending in an empty name).</summary>
    public static string[] ParseMultiString(byte[] buffer, int length)
    {
        var names = new List<string>();
        int start = 0;
        for (int i = 0; i < Math.Min(length, buffer.Length); i++)
        {
            if (buffer[i] != 0) continue;
            if (i == start) break;
            names.Add(Encoding.UTF8.GetString(buffer, start, i - start));
            start = i + 1;
        }
        return names.ToArray();
    }

    internal static byte[] NullTerminated(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        Array.Resize(ref bytes, bytes.Length + 1);
        return bytes;
    }

    private uint WaitForChange(string reader, uint currentState, int timeoutMs)
    {
        nint name = Marshal.StringToCoTaskMemUTF8(reader);
        try
        {
            var states = new[] { new PcscNative.ReaderState { Reader = name, CurrentState = currentState, Atr = new byte[PcscNative.MaxAtrSize] } };
            uint code = PcscNative.Code(PcscNative.SCardGetStatusChange(Handle(), (nuint)(uint)timeoutMs, states, 1));
            if (code == PcscError.Timeout) return currentState;
            Check("SCardGetStatusChange", code);
            return (uint)states[0].EventState;
        }
        finally
        {
            Marshal.FreeCoTaskMem(name);
        }
    }

    private nint Handle()
    {
        ObjectDisposedException.ThrowIf(_context == 0, this);
        return _context;
    }
}
