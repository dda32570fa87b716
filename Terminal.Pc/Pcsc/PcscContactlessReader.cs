using System;
using System.Threading;
using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Contactless.EntryPoint;

namespace Terminal.Pc.Pcsc;

/// <summary>
/// A PC/SC contactless reader (PC/SC part 3: the reader activates ISO 14443-4 cards itself and presents them as
/// a card with a synthesised ATR) as Entry Point's proximity coupling device. <see cref="Activate"/> waits up to
/// <see cref="PollTimeoutMs"/> for a card, then connects; PC/SC reports no collisions, so
/// <see cref="ProtocolActivationResult.Collision"/> is never returned (the reader resolves or refuses them).
/// <see cref="FieldOff"/> disconnects unpowering the card, then waits the hold time.
/// </summary>
public sealed class PcscContactlessReader : IContactlessReader
{
    private readonly PcscContext _context;
    private PcscCard _card;

    /// <summary>A contactless reader of the context.</summary>
    public PcscContactlessReader(PcscContext context, string readerName)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        ReaderName = readerName ?? throw new ArgumentNullException(nameof(readerName));
    }

    /// <summary>pcscd's name of the reader.</summary>
    public string ReaderName { get; }

    /// <summary>How long one poll waits for a card (default 30 s).</summary>
    public int PollTimeoutMs { get; set; } = 30_000;

    /// <inheritdoc />
    public ICardChannel Card => _card;

    /// <inheritdoc />
    public ProtocolActivationResult Activate()
    {
        _card?.Disconnect(unpower: false);
        _card = null;
        if (!_context.WaitForCard(ReaderName, PollTimeoutMs)) return ProtocolActivationResult.NoCard;
        try
        {
            _card = _context.Connect(ReaderName);
        }
        catch (CardRemovedException)
        {
            return ProtocolActivationResult.NoCard; // left the field between detection and connection
        }
        return ProtocolActivationResult.CardActivated;
    }

    /// <inheritdoc />
    public void FieldOff(int holdTime)
    {
        _card?.Disconnect(unpower: true);
        _card = null;
        if (holdTime > 0) Thread.Sleep(holdTime * 100); // Book A 6.2: hold time in units of 100 ms
    }
}
