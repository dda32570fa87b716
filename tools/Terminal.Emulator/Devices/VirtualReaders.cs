using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Contactless.EntryPoint;
using Terminal.Emulator.Script;
using Terminal.Firmware.Core.Hardware;
using Terminal.VirtualCards.Card;

namespace Terminal.Emulator.Devices;

/// <summary>The contact slot over library cards: "insert CARD" puts one in, "remove" takes it out.</summary>
public sealed class VirtualContactReader(TerminalInput input, EmulatorCards library, CardTrace trace) : IContactCardReader
{
    private VirtualCard _card;

    /// <summary>Name of the card in the slot, or null.</summary>
    public string CardName { get; private set; }

    /// <inheritdoc />
    public bool IsCardPresent
    {
        get
        {
            ScriptStep head = input.Peek();
            if (_card == null && head?.Kind == StepKind.Insert)
            {
                input.Take();
                _card = library.Card(head.Text);
                CardName = head.Text;
            }
            else if (_card != null && head?.Kind == StepKind.Remove)
            {
                input.Take();
                _card.Remove();
                _card = null;
                CardName = null;
            }
            return _card != null;
        }
    }

    /// <inheritdoc />
    public ICardChannel PowerOn(out byte[] atr)
    {
        if (_card == null) throw new CardRemovedException(CardRemovedReason.Removed);
        _card.Reset();
        atr = _card.Atr;
        return trace.Wrap(_card, library.Pans(CardName));
    }

    /// <inheritdoc />
    public void PowerOff()
    {
    }
}

/// <summary>
/// The contactless field over library cards: "tap CARD" puts a card in the field for one activation; the field off
/// at the end of the transaction takes it away (a tap is brief).
/// </summary>
public sealed class VirtualContactlessReader(TerminalInput input, EmulatorCards library, CardTrace trace) : IContactlessReader, IContactlessPresence
{
    private VirtualCard _waiting;

    /// <summary>Name of the card tapped last, or null.</summary>
    public string CardName { get; private set; }

    /// <summary>True when a card was tapped and waits to be activated (the reader's polling found it).</summary>
    public bool IsCardInField
    {
        get
        {
            ScriptStep head = input.Peek();
            if (_waiting == null && head?.Kind == StepKind.Tap)
            {
                input.Take();
                _waiting = library.Card(head.Text);
                CardName = head.Text;
            }
            return _waiting != null;
        }
    }

    /// <inheritdoc />
    public ICardChannel Card { get; private set; }

    /// <inheritdoc />
    public ProtocolActivationResult Activate()
    {
        if (!IsCardInField)
        {
            Card = null;
            return ProtocolActivationResult.NoCard;
        }
        Card = trace.Wrap(_waiting, library.Pans(CardName));
        return ProtocolActivationResult.CardActivated;
    }

    /// <inheritdoc />
    public void FieldOff(int holdTime)
    {
        _waiting?.Remove();
        _waiting = null;
        Card = null;
    }
}

/// <summary>The magstripe head over library cards: "swipe CARD" reads the card's track 2.</summary>
public sealed class VirtualMagstripeReader(TerminalInput input, EmulatorCards library) : IMagstripeReader
{
    /// <summary>Name of the card swiped last, or null.</summary>
    public string CardName { get; private set; }

    /// <inheritdoc />
    public MagstripeSwipe TakeSwipe()
    {
        ScriptStep head = input.Peek();
        if (head?.Kind != StepKind.Swipe) return null;
        input.Take();
        CardName = head.Text;
        return new MagstripeSwipe(null, library.Track2(head.Text));
    }
}
