using Terminal.EmvKernel.Apdu;
using Terminal.Firmware.Core.Hardware;

namespace Terminal.Firmware.Core.Readers.Alpar
{
    /// <summary>
    /// The contact slot of an NXP TDA8029 (ALPAR protocol over a UART): card presence, activation with the ATR,
    /// APDU exchange and deactivation. The chip itself runs ISO 7816-3 (T=0/T=1, timings, parity); T=0 status words
    /// 61xx/6Cxx are left to <see cref="ApduTransport"/>.
    /// </summary>
    public sealed class AlparContactReader : IContactCardReader
    {
        /// <summary>Default wait for a short command (presence, power off), in milliseconds.</summary>
        public const int DefaultCommandTimeoutMs = 1000;
        /// <summary>Default wait for activation and card commands (the card's waiting times add up), in milliseconds.</summary>
        public const int DefaultCardTimeoutMs = 5000;

        private readonly AlparLink _link;
        private readonly byte _powerUpCommand;
        private readonly int _commandTimeoutMs;
        private readonly int _cardTimeoutMs;
        private AlparCardChannel _channel;

        /// <summary>
        /// Creates the reader. <paramref name="powerUpCommand"/> is one of the power-up codes of
        /// <see cref="AlparCommand"/> (EMV cards are class A, 5 V: <see cref="AlparCommand.PowerUp5V"/>).
        /// </summary>
        public AlparContactReader(AlparLink link, byte powerUpCommand, int commandTimeoutMs, int cardTimeoutMs)
        {
            if (link == null) throw new System.ArgumentNullException("link");
            if (!AlparCommand.IsPowerUp(powerUpCommand)) throw new System.ArgumentException("not a power-up command", "powerUpCommand");
            if (commandTimeoutMs <= 0 || cardTimeoutMs <= 0) throw new System.ArgumentOutOfRangeException("commandTimeoutMs");
            _link = link;
            _powerUpCommand = powerUpCommand;
            _commandTimeoutMs = commandTimeoutMs;
            _cardTimeoutMs = cardTimeoutMs;
        }

        /// <summary>A 5 V reader with the default timeouts.</summary>
        public AlparContactReader(AlparLink link)
            : this(link, AlparCommand.PowerUp5V, DefaultCommandTimeoutMs, DefaultCardTimeoutMs)
        {
        }

        /// <summary>
        /// True when the chip reports a card in the slot. A link failure reads as "no card" (the slot cannot be used);
        /// <see cref="LastError"/> keeps it for diagnostics.
        /// </summary>
        public bool IsCardPresent
        {
            get
            {
                try
                {
                    byte[] answer = _link.Exchange(AlparCommand.CheckPresenceCard, null, _commandTimeoutMs);
                    LastError = null;
                    return answer.Length == 1 && answer[0] == 1;
                }
                catch (AlparException e)
                {
                    LastError = e;
                    return false;
                }
            }
        }

        /// <summary>The last link failure met by <see cref="IsCardPresent"/> or <see cref="PowerOff"/>, or null.</summary>
        public AlparException LastError { get; private set; }

        /// <summary>
        /// Powers the card up and returns its channel. No card: <see cref="CardRemovedException"/> (NoCard); a mute
        /// card, a reader failure or an empty ATR: <see cref="ApduException"/> (TransportFailure).
        /// </summary>
        public ICardChannel PowerOn(out byte[] atr)
        {
            Invalidate();
            _link.TakePresenceEvent();
            byte[] answer;
            try
            {
                answer = _link.Exchange(_powerUpCommand, null, _cardTimeoutMs);
            }
            catch (AlparException e)
            {
                if (AlparStatus.MeansNoCard(e.Status)) throw new CardRemovedException(CardRemovedReason.NoCard);
                throw new ApduException(ApduError.TransportFailure, "contact reader power up failed", e);
            }
            if (answer.Length == 0) throw new ApduException(ApduError.TransportFailure, "contact reader returned no ATR");
            atr = answer;
            _channel = new AlparCardChannel(this);
            return _channel;
        }

        /// <summary>Deactivates the card; link failures are kept in <see cref="LastError"/>, never thrown.</summary>
        public void PowerOff()
        {
            Invalidate();
            try
            {
                _link.Exchange(AlparCommand.PowerOff, null, _commandTimeoutMs);
            }
            catch (AlparException e)
            {
                LastError = e;
            }
        }

        private void Invalidate()
        {
            if (_channel != null) _channel.Closed = true;
            _channel = null;
        }

        /// <summary>One card_command exchange for <see cref="AlparCardChannel"/>.</summary>
        internal byte[] Transmit(AlparCardChannel channel, byte[] command)
        {
            if (channel.Closed) throw new CardRemovedException(CardRemovedReason.NoCard);
            if (command == null || command.Length == 0) throw new ApduException(ApduError.CommandTooShort, "empty command");
            if (command.Length > AlparFrame.MaxDataLength) throw new ApduException(ApduError.CommandDataTooLong, "command longer than an ALPAR frame");
            byte[] answer;
            try
            {
                answer = _link.Exchange(AlparCommand.CardCommand, command, _cardTimeoutMs);
            }
            catch (AlparException e)
            {
                if (_link.TakePresenceEvent() == 0 || AlparStatus.MeansNoCard(e.Status))
                {
                    Invalidate();
                    throw new CardRemovedException(CardRemovedReason.Removed);
                }
                throw new ApduException(ApduError.TransportFailure, "contact reader exchange failed", e);
            }
            if (_link.TakePresenceEvent() == 0)
            {
                // The card left while the answer was on its way: the answer cannot be trusted.
                Invalidate();
                throw new CardRemovedException(CardRemovedReason.Removed);
            }
            if (answer.Length == 0) throw new ApduException(ApduError.NoResponse, "contact reader returned no response");
            return answer;
        }
    }

    /// <summary>The channel to the card powered by an <see cref="AlparContactReader"/>; dead after power off.</summary>
    internal sealed class AlparCardChannel : ICardChannel
    {
        private readonly AlparContactReader _reader;

        internal AlparCardChannel(AlparContactReader reader)
        {
            _reader = reader;
        }

        /// <summary>True once the card was powered off or removed.</summary>
        internal bool Closed;

        /// <summary>Sends the C-APDU with card_command and returns the R-APDU.</summary>
        public byte[] Transmit(byte[] command)
        {
            return _reader.Transmit(this, command);
        }
    }
}
