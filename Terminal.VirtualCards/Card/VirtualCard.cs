using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Crypto;

namespace Terminal.VirtualCards.Card
{
    /// <summary>
    /// A simulated EMV card answering C-APDUs from a personalised <see cref="CardImage"/>: selection
    /// (PSE, PPSE, AIDs with partial names), GET PROCESSING OPTIONS, READ RECORD, GET DATA, GET CHALLENGE,
    /// VERIFY (plaintext and enciphered PIN), INTERNAL AUTHENTICATE, GENERATE AC (with CDA), RECOVER AC, EXTERNAL
    /// AUTHENTICATE, issuer script commands, and the contactless qVSDC / M/Chip personalities.
    /// Transmit never throws except <see cref="CardRemovedException"/> when the card has been removed:
    /// every malformed command gets an ISO 7816-4 status word (6F00 as the last resort).
    /// </summary>
    public sealed partial class VirtualCard : ICardChannel
    {
        private const int InsSelect = 0xA4;
        private const int InsReadRecord = 0xB2;
        private const int InsGetData = 0xCA;
        private const int InsGetChallenge = 0x84;
        private const int InsGetResponse = 0xC0;
        private const int InsVerify = 0x20;
        private const int InsInternalAuthenticate = 0x88;
        private const int InsExternalAuthenticate = 0x82;
        private const int InsGetProcessingOptions = 0xA8;
        private const int InsGenerateAc = 0xAE;
        private const int InsExchangeRelayResistanceData = 0xEA;
        private const int InsRecoverAc = 0xD0;
        private const int InsApplicationBlock = 0x1E;
        private const int InsApplicationUnblock = 0x18;
        private const int InsPinChangeUnblock = 0x24;
        private const int InsPutData = 0xDA;
        private const int InsCardBlock = 0x16;

        private readonly CardImage _image;
        private readonly IRandomSource _random;
        private readonly ICryptoProvider _crypto;

        private CardApplication _selected;
        private int _selectedIndex = -1;
        private bool _pseSelected;
        private bool _ppseSelected;
        private CardTransaction _txn = new CardTransaction();
        private byte[] _challenge;
        private byte[] _pending;          // T=0: response data held for GET RESPONSE
        private int _commandCount;
        private bool _removed;

        /// <summary>Creates the card. random feeds GET CHALLENGE, ICC dynamic numbers and padding; crypto does SHA-1 and DES.</summary>
        public VirtualCard(CardImage image, IRandomSource random, ICryptoProvider crypto)
        {
            if (image == null) throw new System.ArgumentNullException("image");
            if (random == null) throw new System.ArgumentNullException("random");
            if (crypto == null) throw new System.ArgumentNullException("crypto");
            _image = image;
            _random = random;
            _crypto = crypto;
        }

        /// <summary>A card with the platform random source and the portable crypto provider.</summary>
        public VirtualCard(CardImage image)
            : this(image, new PlatformRandomSource(), new PortableCryptoProvider())
        {
        }

        /// <summary>
        /// Default Answer To Reset when the image has none: '3B 02 14 50' (direct convention, T=0, two historical
        /// bytes), ISO 7816-3, 8.2.
        /// </summary>
        public static byte[] DefaultAtr { get { return new byte[] { 0x3B, 0x02, 0x14, 0x50 }; } }

        /// <summary>The card's ATR: <see cref="CardImage.Atr"/> or <see cref="DefaultAtr"/>.</summary>
        public byte[] Atr { get { return _image.Atr != null ? (byte[])_image.Atr.Clone() : DefaultAtr; } }

        /// <summary>The card image (its counters and state are updated by the commands).</summary>
        public CardImage Image { get { return _image; } }

        /// <summary>The application currently selected, or null.</summary>
        public CardApplication SelectedApplication { get { return _selected; } }

        /// <summary>Simulates taking the card out: the next <see cref="Transmit"/> throws <see cref="CardRemovedException"/>.</summary>
        public void Remove()
        {
            _removed = true;
        }

        /// <summary>
        /// Power cycle / re-insertion: the card is present again, nothing is selected, the transaction
        /// state is ended (a first GENERATE AC without a second one stays recorded as "not completed").
        /// </summary>
        public void Reset()
        {
            _removed = false;
            _commandCount = 0;
            EndTransaction();
            Deselect();
        }

        /// <summary>Processes one C-APDU and returns the R-APDU (data || SW1 SW2).</summary>
        public byte[] Transmit(byte[] command)
        {
            if (_removed) throw new CardRemovedException(CardRemovedReason.Removed);
            int limit = _image.Behaviour.RemoveAfterCommands;
            if (limit > 0 && _commandCount >= limit)
            {
                _removed = true;
                throw new CardRemovedException(CardRemovedReason.Removed);
            }
            _commandCount++;
            try
            {
                CardCommand c = CardCommand.TryParse(command);
                if (c == null) return CardResponse.Status(CardResponse.WrongLength);
                if (c.Cla == 0x00 && c.Ins == InsGetResponse) return GetResponse(c);
                _pending = null;
                byte[] response = Dispatch(c);
                return ApplyTransmissionMode(c, response);
            }
            catch (CardRemovedException)
            {
                throw;
            }
            catch (System.Exception)
            {
                // Last resort: a fault inside the card is "no precise diagnosis", never an exception.
                _pending = null;
                return CardResponse.Status(CardResponse.NoPreciseDiagnosis);
            }
        }

        private byte[] Dispatch(CardCommand c)
        {
            int cla = c.Cla;
            int ins = c.Ins;
            if (cla == 0x00)
            {
                if (ins == InsSelect) return Select(c);
                if (ins == InsReadRecord) return ReadRecord(c);
                if (ins == InsGetChallenge) return GetChallenge(c);
                if (ins == InsVerify) return Verify(c);
                if (ins == InsInternalAuthenticate) return InternalAuthenticate(c);
                if (ins == InsExternalAuthenticate) return ExternalAuthenticate(c);
            }
            else if (cla == 0x80)
            {
                if (ins == InsGetProcessingOptions) return GetProcessingOptions(c);
                if (ins == InsGenerateAc) return GenerateAc(c);
                if (ins == InsGetData) return GetData(c);
                if (ins == InsExchangeRelayResistanceData) return ExchangeRelayResistanceData(c);
                if (ins == InsRecoverAc) return RecoverAc(c);
            }
            else if (cla == 0x84)
            {
                if (ins == InsApplicationBlock || ins == InsApplicationUnblock || ins == InsPinChangeUnblock
                    || ins == InsPutData || ins == InsCardBlock) return IssuerScriptCommand(c);
            }
            if (IsKnownInstruction(ins)) return CardResponse.Status(CardResponse.ClaNotSupported);
            if (cla != 0x00 && cla != 0x80 && cla != 0x84) return CardResponse.Status(CardResponse.ClaNotSupported);
            return CardResponse.Status(CardResponse.InsNotSupported);
        }

        private static bool IsKnownInstruction(int ins)
        {
            return ins == InsSelect || ins == InsReadRecord || ins == InsGetChallenge || ins == InsVerify
                || ins == InsInternalAuthenticate || ins == InsExternalAuthenticate || ins == InsGetProcessingOptions
                || ins == InsGenerateAc || ins == InsGetData || ins == InsExchangeRelayResistanceData || ins == InsRecoverAc
                || ins == InsApplicationBlock || ins == InsApplicationUnblock || ins == InsPinChangeUnblock
                || ins == InsPutData || ins == InsCardBlock || ins == InsGetResponse;
        }

        // ----- T=0 personality (ISO 7816-3, 10.3.5 / ISO 7816-4, 5.3.4) -----

        private byte[] ApplyTransmissionMode(CardCommand c, byte[] response)
        {
            T0ResponseMode mode = _image.Behaviour.T0Mode;
            int dataLength = response.Length - 2;
            if (mode == T0ResponseMode.Direct || dataLength <= 0) return response;
            if (CardResponse.StatusOf(response) != CardResponse.Ok) return response;
            byte[] data = new byte[dataLength];
            System.Array.Copy(response, 0, data, 0, dataLength);
            bool case2 = !c.HasData;
            if (mode == T0ResponseMode.WrongLength6C && case2)
            {
                int le = c.HasLe ? (c.Le == 0 ? 256 : c.Le) : -1;
                if (le == dataLength) return response;
                return new byte[] { 0x6C, (byte)dataLength };
            }
            _pending = data;
            return new byte[] { 0x61, (byte)dataLength };
        }

        private byte[] GetResponse(CardCommand c)
        {
            byte[] pending = _pending;
            if (pending == null) return CardResponse.Status(CardResponse.ConditionsNotSatisfied);
            if (c.P1P2 != 0) return CardResponse.Status(CardResponse.IncorrectP1P2);
            if (c.HasData) return CardResponse.Status(CardResponse.WrongLength);
            int le = c.HasLe ? (c.Le == 0 ? 256 : c.Le) : 256;
            if (le >= pending.Length)
            {
                _pending = null;
                return CardResponse.WithData(pending, CardResponse.Ok);
            }
            byte[] part = new byte[le];
            System.Array.Copy(pending, 0, part, 0, le);
            byte[] rest = new byte[pending.Length - le];
            System.Array.Copy(pending, le, rest, 0, rest.Length);
            _pending = rest;
            return CardResponse.WithData(part, 0x6100 | (rest.Length & 0xFF));
        }

        // ----- Transaction bookkeeping -----

        private void Deselect()
        {
            _selected = null;
            _selectedIndex = -1;
            _pseSelected = false;
            _ppseSelected = false;
            _challenge = null;
        }

        /// <summary>Ends the current transaction: scripts and issuer authentication results become "last transaction" state.</summary>
        private void EndTransaction()
        {
            CardApplication app = _selected;
            CardTransaction t = _txn;
            if (app != null && t.FirstAc >= 0)
            {
                app.ScriptCommandsLastTransaction = t.ScriptCommands;
                app.ScriptFailedLastTransaction = t.ScriptFailed;
            }
            _txn = new CardTransaction();
        }

        private byte[] NextRandom(int length)
        {
            byte[] b = new byte[length];
            _random.NextBytes(b, 0, length);
            return b;
        }
    }
}
