using System.Runtime.InteropServices;

namespace Terminal.Pc.Pcsc;

/// <summary>
/// P/Invoke declarations of the PC/SC API in pcsc-lite (Linux, <c>libpcsclite.so.1</c>). pcsc-lite defines
/// <c>DWORD</c> as <c>unsigned long</c> and <c>LONG</c>, <c>SCARDCONTEXT</c> and <c>SCARDHANDLE</c> as <c>long</c>
/// (pcsclite.h / wintypes.h), so on 64-bit Linux they are 8 bytes, not the 4 of Windows' winscard: they are
/// <see cref="nuint"/> and <see cref="nint"/> here, which are 8 bytes on 64-bit and 4 on 32-bit Linux, as
/// <c>long</c> is. Return codes are <c>LONG</c> holding the 32-bit SCARD_* value (compare the low 32 bits).
/// </summary>
internal static class PcscNative
{
    public const string Library = "libpcsclite.so.1";

    public const uint ScopeSystem = 2;             // SCARD_SCOPE_SYSTEM
    public const uint ShareExclusive = 1;          // SCARD_SHARE_EXCLUSIVE
    public const uint ShareShared = 2;             // SCARD_SHARE_SHARED
    public const uint ProtocolT0 = 1;              // SCARD_PROTOCOL_T0
    public const uint ProtocolT1 = 2;              // SCARD_PROTOCOL_T1
    public const uint LeaveCard = 0;               // SCARD_LEAVE_CARD
    public const uint ResetCard = 1;               // SCARD_RESET_CARD
    public const uint UnpowerCard = 2;             // SCARD_UNPOWER_CARD
    public const uint StateUnaware = 0x0000;       // SCARD_STATE_UNAWARE
    public const uint StateChanged = 0x0002;       // SCARD_STATE_CHANGED
    public const uint StateEmpty = 0x0010;         // SCARD_STATE_EMPTY
    public const uint StatePresent = 0x0020;       // SCARD_STATE_PRESENT
    public const int MaxAtrSize = 33;              // MAX_ATR_SIZE
    public const int MaxBufferSize = 264;          // MAX_BUFFER_SIZE: short APDU response, 256 + 2 (+ margin)
    public const int MaxBufferSizeExtended = 65546; // MAX_BUFFER_SIZE_EXTENDED

    /// <summary>SCARD_IO_REQUEST: protocol and the length of this header (two <c>unsigned long</c>).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct IoRequest
    {
        public nuint Protocol;
        public nuint PciLength;
    }

    /// <summary>SCARD_READERSTATE of pcsc-lite (reader name pointer, user data, states, ATR of up to 33 bytes).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct ReaderState
    {
        public nint Reader;
        public nint UserData;
        public nuint CurrentState;
        public nuint EventState;
        public nuint AtrLength;
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = MaxAtrSize)]
        public byte[] Atr;
    }

    [DllImport(Library)]
    public static extern nint SCardEstablishContext(nuint scope, nint reserved1, nint reserved2, out nint context);

    [DllImport(Library)]
    public static extern nint SCardReleaseContext(nint context);

    [DllImport(Library)]
    public static extern nint SCardListReaders(nint context, nint groups, byte[] readers, ref nuint readersLength);

    [DllImport(Library)]
    public static extern nint SCardConnect(nint context, byte[] reader, nuint shareMode, nuint preferredProtocols,
        out nint card, out nuint activeProtocol);

    [DllImport(Library)]
    public static extern nint SCardDisconnect(nint card, nuint disposition);

    [DllImport(Library)]
    public static extern nint SCardTransmit(nint card, ref IoRequest sendPci, byte[] send, nuint sendLength,
        nint receivePci, byte[] receive, ref nuint receiveLength);

    [DllImport(Library)]
    public static extern nint SCardStatus(nint card, byte[] readerName, ref nuint readerNameLength, out nuint state,
        out nuint protocol, byte[] atr, ref nuint atrLength);

    [DllImport(Library)]
    public static extern nint SCardGetStatusChange(nint context, nuint timeoutMs, [In, Out] ReaderState[] states, nuint count);

    /// <summary>The SCARD_* code of a return value (its low 32 bits).</summary>
    public static uint Code(nint result) => unchecked((uint)(long)result);
}
