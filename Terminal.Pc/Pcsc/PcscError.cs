using System;
namespace Terminal.Pc.Pcsc;

/// <summary>The PC/SC return codes the reader classes act on (pcsclite.h, the same values as winscard).</summary>
public static class PcscError
{
    /// <summary>SCARD_S_SUCCESS.</summary>
    public const uint Success = 0x00000000;
    /// <summary>SCARD_E_INVALID_HANDLE.</summary>
    public const uint InvalidHandle = 0x80100003;
    /// <summary>SCARD_E_INSUFFICIENT_BUFFER.</summary>
    public const uint InsufficientBuffer = 0x80100008;
    /// <summary>SCARD_E_UNKNOWN_READER.</summary>
    public const uint UnknownReader = 0x80100009;
    /// <summary>SCARD_E_TIMEOUT.</summary>
    public const uint Timeout = 0x8010000A;
    /// <summary>SCARD_E_NO_SMARTCARD: no card in the reader.</summary>
    public const uint NoSmartcard = 0x8010000C;
    /// <summary>SCARD_E_NOT_TRANSACTED.</summary>
    public const uint NotTransacted = 0x80100016;
    /// <summary>SCARD_E_READER_UNAVAILABLE.</summary>
    public const uint ReaderUnavailable = 0x80100017;
    /// <summary>SCARD_E_NO_SERVICE: pcscd is not running.</summary>
    public const uint NoService = 0x8010001D;
    /// <summary>SCARD_E_NO_READERS_AVAILABLE.</summary>
    public const uint NoReadersAvailable = 0x8010002E;
    /// <summary>SCARD_W_UNRESPONSIVE_CARD: the card does not answer the reset.</summary>
    public const uint UnresponsiveCard = 0x80100066;
    /// <summary>SCARD_W_UNPOWERED_CARD.</summary>
    public const uint UnpoweredCard = 0x80100067;
    /// <summary>SCARD_W_RESET_CARD: another application reset the card.</summary>
    public const uint ResetCard = 0x80100068;
    /// <summary>SCARD_W_REMOVED_CARD: the card was removed.</summary>
    public const uint RemovedCard = 0x80100069;

    /// <summary>True for the codes that mean the card is gone (removed, absent, reset or unpowered under us).</summary>
    public static bool MeansCardGone(uint code) =>
        code == NoSmartcard || code == RemovedCard || code == ResetCard || code == UnpoweredCard || code == UnresponsiveCard;

    /// <summary>The constant's name for a message ("SCARD_E_NO_SERVICE"), or the hex value.</summary>
    public static string Name(uint code) => code switch
    {
        Success => "SCARD_S_SUCCESS",
        InvalidHandle => "SCARD_E_INVALID_HANDLE",
        InsufficientBuffer => "SCARD_E_INSUFFICIENT_BUFFER",
        UnknownReader => "SCARD_E_UNKNOWN_READER",
        Timeout => "SCARD_E_TIMEOUT",
        NoSmartcard => "SCARD_E_NO_SMARTCARD",
        NotTransacted => "SCARD_E_NOT_TRANSACTED",
        ReaderUnavailable => "SCARD_E_READER_UNAVAILABLE",
        NoService => "SCARD_E_NO_SERVICE",
        NoReadersAvailable => "SCARD_E_NO_READERS_AVAILABLE",
        UnresponsiveCard => "SCARD_W_UNRESPONSIVE_CARD",
        UnpoweredCard => "SCARD_W_UNPOWERED_CARD",
        ResetCard => "SCARD_W_RESET_CARD",
        RemovedCard => "SCARD_W_REMOVED_CARD",
        _ => "0x" + code.ToString("X8"),
    };
}
