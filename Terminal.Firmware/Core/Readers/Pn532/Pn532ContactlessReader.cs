using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Contactless.EntryPoint;
using Terminal.EmvKernel.Util;

namespace Terminal.Firmware.Core.Readers.Pn532
{
    /// <summary>
    /// Entry Point's reader (<see cref="IContactlessReader"/>) over a PN532: polls type A with InListPassiveTarget
    /// for up to two targets (two answers = collision, Book D 5.2 [K: the PN532 reports cards it activated, not every
    /// collision]), accepts only ISO 14443-4 cards (SAK b6) and carries APDUs with InDataExchange, where the PN532
    /// firmware does the ISO-DEP block protocol. One InDataExchange carries at most
    /// <see cref="MaxExchangeLength"/> bytes each way, which holds every short APDU (5 + 255 + 1 bytes out, 256 + 2 in).
    /// </summary>
    public sealed class Pn532ContactlessReader : IContactlessReader
    {
        /// <summary>The largest data block of one InDataExchange (PN532 User Manual 7.3.8 [K]).</summary>
        public const int MaxExchangeLength = 262;

        private readonly IPn532Port _port;
        private readonly int _pollAttempts;
        private Pn532CardChannel _channel;
        private ProtocolActivationResult _pending = ProtocolActivationResult.NoCard;

        /// <summary>
        /// Creates the reader. Each <see cref="Activate"/> polls up to <paramref name="pollAttempts"/> times (each
        /// poll waits as long as the port's InListPassiveTarget does) before it reports no card.
        /// </summary>
        public Pn532ContactlessReader(IPn532Port port, int pollAttempts)
        {
            if (port == null) throw new System.ArgumentNullException("port");
            if (pollAttempts < 1) throw new System.ArgumentOutOfRangeException("pollAttempts");
            _port = port;
            _pollAttempts = pollAttempts;
        }

        /// <summary>The last activated target (UID, SAK, ATS), or null.</summary>
        public Pn532TypeATarget Target { get; private set; }

        /// <summary>The channel to the card of the last successful <see cref="Activate"/>, or null.</summary>
        public ICardChannel Card { get { return _channel; } }

        /// <summary>
        /// One poll: true when a card (or two: a collision) answered. A card found here is kept activated and the
        /// next <see cref="Activate"/> returns it without polling again, so the application can poll tap, insert and
        /// swipe in one loop (the IContactlessPresence idea of the firmware application) and start Entry Point only
        /// when a card is there.
        /// </summary>
        public bool IsCardInField
        {
            get
            {
                if (_pending != ProtocolActivationResult.NoCard) return true;
                Close();
                Target = null;
                _pending = PollOnce();
                return _pending != ProtocolActivationResult.NoCard;
            }
        }

        /// <summary>Field on, poll, activate one ISO 14443-4 card (Book B 3.2.1.3).</summary>
        public ProtocolActivationResult Activate()
        {
            ProtocolActivationResult pending = _pending;
            _pending = ProtocolActivationResult.NoCard;
            if (pending != ProtocolActivationResult.NoCard) return pending;
            Close();
            Target = null;
            for (int attempt = 0; attempt < _pollAttempts; attempt++)
            {
                ProtocolActivationResult result = PollOnce();
                if (result != ProtocolActivationResult.NoCard) return result;
            }
            return ProtocolActivationResult.NoCard;
        }

        /// <summary>One InListPassiveTarget for up to two targets; activates an ISO 14443-4 card when one is alone.</summary>
        private ProtocolActivationResult PollOnce()
        {
            byte[] answer;
            try
            {
                _port.SetField(true);
                answer = _port.ListPassiveTypeA(2);
            }
            catch (System.Exception)
            {
                // A broken link looks like an empty field; the next poll tries again.
                return ProtocolActivationResult.NoCard;
            }
            Pn532TypeATarget target;
            try
            {
                target = Pn532TypeATarget.Decode(answer);
            }
            catch (Pn532FormatException)
            {
                return ProtocolActivationResult.NoCard;
            }
            if (target == null) return ProtocolActivationResult.NoCard;
            if (target.TargetCount > 1)
            {
                ReleaseQuietly(0);
                return ProtocolActivationResult.Collision;
            }
            if (!target.SupportsIso14443_4)
            {
                // Not an EMV card (a MIFARE Classic tag, for example): ignore it.
                ReleaseQuietly(target.TargetNumber);
                return ProtocolActivationResult.NoCard;
            }
            Target = target;
            _channel = new Pn532CardChannel(_port, target.TargetNumber);
            return ProtocolActivationResult.CardActivated;
        }

        /// <summary>Releases the card and switches the field off; the hold time is the caller's to wait.</summary>
        public void FieldOff(int holdTime)
        {
            if (_channel != null) ReleaseQuietly(_channel.Target);
            _pending = ProtocolActivationResult.NoCard;
            Close();
            try
            {
                _port.SetField(false);
            }
            catch (System.Exception)
            {
                // Field off is best effort: the next Activate switches it on again.
            }
        }

        private void Close()
        {
            if (_channel != null) _channel.Closed = true;
            _channel = null;
        }

        private void ReleaseQuietly(byte target)
        {
            try
            {
                _port.Release(target);
            }
            catch (System.Exception)
            {
                // Nothing to do: the field goes off next.
            }
        }
    }

    /// <summary>APDUs to one activated target through InDataExchange.</summary>
    internal sealed class Pn532CardChannel : ICardChannel
    {
        private readonly IPn532Port _port;
        private readonly byte[] _response = new byte[Pn532ContactlessReader.MaxExchangeLength + 2];

        internal Pn532CardChannel(IPn532Port port, byte target)
        {
            _port = port;
            Target = target;
        }

        internal byte Target { get; private set; }

        internal bool Closed;

        /// <summary>
        /// Sends the C-APDU. A failed InDataExchange is reported as a removed card: the binding hides the PN532 status
        /// byte, and the usual cause is the card leaving the field [K]. The kernels treat a removed contactless card as
        /// a restart/try-again (<see cref="CardRemovedException"/>), where a transport failure ends the transaction.
        /// </summary>
        public byte[] Transmit(byte[] command)
        {
            if (Closed) throw new CardRemovedException(CardRemovedReason.NoCard);
            if (command == null || command.Length < 4) throw new ApduException(ApduError.CommandTooShort, "fewer than 4 bytes");
            if (command.Length > Pn532ContactlessReader.MaxExchangeLength)
                throw new ApduException(ApduError.CommandDataTooLong, "command longer than one InDataExchange");
            int n;
            try
            {
                n = _port.Exchange(Target, command, _response);
            }
            catch (System.Exception e)
            {
                throw new ApduException(ApduError.TransportFailure, "PN532 link failed", e);
            }
            if (n < 0)
            {
                Closed = true;
                throw new CardRemovedException(CardRemovedReason.Removed);
            }
            if (n == 0) throw new ApduException(ApduError.NoResponse, "card returned no bytes");
            if (n > _response.Length) throw new ApduException(ApduError.ResponseTooLong, "port reported more bytes than the buffer");
            return Bytes.Slice(_response, 0, n);
        }
    }
}
