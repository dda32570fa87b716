using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Util;
using Terminal.VirtualCards.Card;

namespace Terminal.Emulator.Devices;

/// <summary>
/// The APDU exchanges with the emulated cards since the last <see cref="TakeMasked"/>, for --trace. Entries are kept
/// by <see cref="ApduTrace.Record"/> (PIN data of VERIFY / CHANGE PIN zeroed there) and handed out with the PANs of
/// the cards involved masked (<see cref="ApduTrace.CopyWithPanMasked"/>): first 6 and last 4 digits only.
/// </summary>
public sealed class CardTrace
{
    private ApduTrace _trace = new();
    private readonly List<byte[]> _pans = new();

    /// <summary>A channel to <paramref name="card"/> that records every exchange here.</summary>
    public ICardChannel Wrap(VirtualCard card, IEnumerable<string> pans)
    {
        foreach (string pan in pans)
        {
            string even = pan.Length % 2 == 0 ? pan : pan + "F";
            _pans.Add(Hex.Decode(even));
        }
        return new Recording(card, this);
    }

    /// <summary>Exchanges recorded.</summary>
    public int Count => _trace.Count;

    /// <summary>The trace so far, PANs masked; starts a new one.</summary>
    public ApduTrace TakeMasked()
    {
        ApduTrace t = _trace;
        foreach (byte[] pan in _pans) t = t.CopyWithPanMasked(pan);
        _trace = new ApduTrace();
        _pans.Clear();
        return t;
    }

    private sealed class Recording(VirtualCard card, CardTrace owner) : ICardChannel
    {
        public byte[] Transmit(byte[] command)
        {
            byte[] response = card.Transmit(command);
            owner._trace.Record(command, response, TraceKind.Command);
            return response;
        }
    }
}
