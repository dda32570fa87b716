using System;
using Terminal.EmvKernel.Apdu;

namespace Terminal.Pc.Pcsc;

/// <summary>
/// A connected card (SCardConnect handle) as the kernel's <see cref="ICardChannel"/>: SCardTransmit with the
/// active protocol's header. The R-APDU is returned as the reader gives it; T=0 procedure bytes 61xx / 6Cxx are
/// handled above, by ApduTransport. A removed card becomes <see cref="CardRemovedException"/>, any other PC/SC
/// failure <see cref="ApduException"/> (<see cref="ApduError.TransportFailure"/>), as the channel contract asks.
/// </summary>
public sealed class PcscCard : ICardChannel, IDisposable
{
    private nint _card;

    internal PcscCard(nint card, uint protocol)
    {
        _card = card;
        Protocol = protocol;
    }

    /// <summary>The active protocol: 1 = T=0, 2 = T=1 (SCARD_PROTOCOL_*).</summary>
    public uint Protocol { get; }

    /// <summary>Number of APDUs transmitted.</summary>
    public int ApduCount { get; private set; }

    /// <summary>The card's ATR (SCardStatus).</summary>
    public byte[] Atr()
    {
        nint card = Handle();
        nuint nameLength = 256;
        var name = new byte[256];
        var atr = new byte[PcscNative.MaxAtrSize];
        nuint atrLength = (nuint)atr.Length;
        uint code = PcscNative.Code(PcscNative.SCardStatus(card, name, ref nameLength, out _, out _, atr, ref atrLength));
        if (PcscError.MeansCardGone(code)) throw new CardRemovedException(CardRemovedReason.Removed);
        if (code != PcscError.Success) throw new ApduException(ApduError.TransportFailure, "SCardStatus failed: " + PcscError.Name(code));
        Array.Resize(ref atr, (int)atrLength);
        return atr;
    }

    /// <inheritdoc />
    public byte[] Transmit(byte[] command)
    {
        ArgumentNullException.ThrowIfNull(command);
        nint card = Handle();
        var header = new PcscNative.IoRequest { Protocol = Protocol, PciLength = (nuint)(2 * IntPtr.Size) };
        var response = new byte[PcscNative.MaxBufferSizeExtended];
        nuint length = (nuint)response.Length;
        uint code = PcscNative.Code(PcscNative.SCardTransmit(card, ref header, command, (nuint)command.Length, 0, response, ref length));
        if (PcscError.MeansCardGone(code)) throw new CardRemovedException(CardRemovedReason.Removed);
        if (code != PcscError.Success) throw new ApduException(ApduError.TransportFailure, "SCardTransmit failed: " + PcscError.Name(code));
        if (length < 2) throw new ApduException(ApduError.TransportFailure, "reader returned fewer than 2 bytes");
        ApduCount++;
        Array.Resize(ref response, (int)length);
        return response;
    }

    /// <summary>Ends the connection; <paramref name="unpower"/> switches the card (or the field) off.</summary>
    public void Disconnect(bool unpower = true)
    {
        if (_card == 0) return;
        PcscNative.SCardDisconnect(_card, unpower ? PcscNative.UnpowerCard : PcscNative.LeaveCard);
        _card = 0;
    }

    /// <summary>Disconnects, unpowering the card.</summary>
    public void Dispose() => Disconnect();

    private nint Handle()
    {
        if (_card == 0) throw new CardRemovedException(CardRemovedReason.NoCard);
        return _card;
    }
}
