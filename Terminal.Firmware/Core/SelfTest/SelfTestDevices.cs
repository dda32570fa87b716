using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Contactless.EntryPoint;
using Terminal.EmvKernel.Kernel;
using Terminal.VirtualCards.Card;
using Terminal.VirtualCards.Personalisation;

namespace Terminal.Firmware.Core.SelfTest
{
    /// <summary>The embedded key files as the personaliser's file source.</summary>
    public sealed class EmbeddedPkiFiles : IPkiFileSource
    {
        /// <inheritdoc />
        public string ReadText(string path)
        {
            return SelfTestCards.KeyFile(path);
        }
    }

    /// <summary>A cardholder who types the scenario's PIN when asked (bypass when it has none).</summary>
    public sealed class SelfTestPinPad : ICardholderVerificationMethods
    {
        private readonly string _pin;

        /// <summary>Creates the PIN pad.</summary>
        public SelfTestPinPad(string pin)
        {
            _pin = pin;
        }

        /// <inheritdoc />
        public PinEntryResult EnterOfflinePin(int remainingTries, out byte[] pinDigits)
        {
            pinDigits = null;
            if (_pin == null) return PinEntryResult.Bypassed;
            pinDigits = new byte[_pin.Length];
            for (int i = 0; i < _pin.Length; i++) pinDigits[i] = (byte)(_pin[i] - '0');
            return PinEntryResult.Entered;
        }

        /// <inheritdoc />
        public PinEntryResult EnterOnlinePin()
        {
            return _pin == null ? PinEntryResult.Bypassed : PinEntryResult.Entered;
        }
    }

    /// <summary>A contactless field with one virtual card tapped once; field off takes it away.</summary>
    public sealed class SelfTestTap : IContactlessReader
    {
        private VirtualCard _card;

        /// <summary>Puts the card in the field.</summary>
        public SelfTestTap(VirtualCard card)
        {
            _card = card;
        }

        /// <inheritdoc />
        public ICardChannel Card { get; private set; }

        /// <inheritdoc />
        public ProtocolActivationResult Activate()
        {
            Card = _card;
            return _card == null ? ProtocolActivationResult.NoCard : ProtocolActivationResult.CardActivated;
        }

        /// <inheritdoc />
        public void FieldOff(int holdTime)
        {
            if (_card != null) _card.Remove();
            _card = null;
            Card = null;
        }
    }

    /// <summary>Contactless user interface requests are not shown by the self-test.</summary>
    public sealed class SilentContactlessUi : IContactlessUserInterface
    {
        /// <inheritdoc />
        public void Show(UiRequest request)
        {
        }
    }
}
