using System.Collections;
using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Tlv;

namespace Terminal.VirtualCards.Timing
{
    /// <summary>
    /// A card channel that passes every command to the card it wraps and adds up how long the exchange would take
    /// over an ISO/IEC 14443 Type A contactless link: the ISO/IEC 14443-4 I-blocks on air (PCB, optional CID, the
    /// APDU, CRC_A), chaining with R(ACK) blocks when an APDU exceeds the card's FSC or the reader's FSD, the
    /// minimum frame delay times, and the card's processing time from its <see cref="CardTimingProfile"/>. Nothing
    /// waits: the time is modelled, so kernels and cards run unchanged and the totals are deterministic. The
    /// reader's own time between commands is not modelled (the benchmark measures the kernel's CPU time apart).
    /// </summary>
    public sealed class TimedCardChannel : ICardChannel
    {
        /// <summary>The Tag of Signed Dynamic Application Data.</summary>
        private const int TagSignedDynamicData = 0x9F4B;

        private readonly ICardChannel _card;
        private readonly CardTimingProfile _timing;
        private readonly ArrayList _exchanges = new ArrayList();
        private int _fsdi = 8;

        /// <summary>Wraps <paramref name="card"/> with the card's timing (null: the defaults).</summary>
        public TimedCardChannel(ICardChannel card, CardTimingProfile timing)
        {
            if (card == null) throw new System.ArgumentNullException("card");
            _card = card;
            _timing = timing != null ? timing : new CardTimingProfile();
        }

        /// <summary>The card's timing.</summary>
        public CardTimingProfile Timing { get { return _timing; } }

        /// <summary>
        /// The reader's FSDI sent in RATS (ISO/IEC 14443-4 clause 5.1), 0 to 8; default 8 (FSD 256 bytes, what an
        /// EMV reader announces [K]).
        /// </summary>
        public int Fsdi
        {
            get { return _fsdi; }
            set
            {
                if (value < 0 || value > 8) throw new System.ArgumentOutOfRangeException("value", "FSDI 0 to 8");
                _fsdi = value;
            }
        }

        /// <summary>Number of command-response pairs modelled so far.</summary>
        public int ExchangeCount { get { return _exchanges.Count; } }

        /// <summary>The modelled exchange at a position (command order).</summary>
        public ModelledExchange ExchangeAt(int index) { return (ModelledExchange)_exchanges[index]; }

        /// <summary>Modelled time of every exchange so far, in carrier cycles (activation not included).</summary>
        public long ExchangeCycles { get; private set; }

        /// <summary>Modelled time of every exchange so far, in microseconds (activation not included).</summary>
        public long ExchangeMicroseconds { get { return Iso14443Timing.ToMicroseconds(ExchangeCycles); } }

        /// <summary>Forgets the exchanges modelled so far (a new tap on the same card object).</summary>
        public void Reset()
        {
            _exchanges.Clear();
            ExchangeCycles = 0;
        }

        /// <summary>Sends the command to the card and models the exchange. A card removal is passed on and models nothing.</summary>
        public byte[] Transmit(byte[] command)
        {
            if (command == null) throw new System.ArgumentNullException("command");
            byte[] response = _card.Transmit(command);
            ModelledExchange e = Model(command, response == null ? new byte[0] : response);
            _exchanges.Add(e);
            ExchangeCycles += e.TotalCycles;
            return response;
        }

        private ModelledExchange Model(byte[] command, byte[] response)
        {
            int responseLength = response.Length;
            int rate = _timing.BitRateKbps;
            int prologue = Iso14443Timing.PcbLength + (_timing.UsesCid ? 1 : 0);
            int overhead = prologue + Iso14443Timing.CrcLength;
            // ISO/IEC 14443-4 clause 7.1: a block (prologue, INF, EDC) may not exceed FSC towards the card and FSD towards the reader.
            int maxInfOut = Iso14443Timing.FrameSize(_timing.Fsci) - overhead;
            int maxInfIn = Iso14443Timing.FrameSize(_fsdi) - overhead;
            long ackFrame = Iso14443Timing.FrameCycles(overhead, rate); // R(ACK): prologue and EDC, no INF (clause 7.1.1.1)

            int outBlocks = Blocks(command.Length, maxInfOut);
            int inBlocks = Blocks(responseLength, maxInfIn);
            long frames = ChainFrames(command.Length, maxInfOut, overhead, rate) + ChainFrames(responseLength, maxInfIn, overhead, rate);
            // Chaining (clause 7.5.2): the receiver acknowledges every block but the last with R(ACK).
            frames += (outBlocks - 1 + inBlocks - 1) * ackFrame;
            int pcdFrames = outBlocks + (inBlocks - 1);
            int piccFrames = (outBlocks - 1) + inBlocks;
            long delays = (long)pcdFrames * Iso14443Timing.FdtPcdToPiccCycles + (long)piccFrames * Iso14443Timing.FdtPiccToPcdCycles;

            CardCommandKind kind = CardCommandKinds.Of(command);
            bool signed = false;
            long processing = _timing.ProcessingMicroseconds(kind);
            if (responseLength > 2 && _timing.SignatureMicroseconds > 0 && HasSignature(response))
            {
                signed = true;
                processing += _timing.SignatureMicroseconds;
            }
            return new ModelledExchange(kind, command.Length, responseLength, outBlocks, inBlocks, frames, delays,
                Iso14443Timing.FromMicroseconds(processing), signed);
        }

        // True when the response data (without SW1 SW2) holds '9F4B' at any depth: the card signed.
        private static bool HasSignature(byte[] r)
        {
            try
            {
                return TlvParser.Parse(r, 0, r.Length - 2).Find(TagSignedDynamicData) != null;
            }
            catch (TlvException)
            {
                return false;
            }
        }

        private static int Blocks(int length, int maxInf)
        {
            if (length <= maxInf) return 1;
            return (length + maxInf - 1) / maxInf;
        }

        // Frame time of the I-blocks carrying length bytes in pieces of at most maxInf.
        private static long ChainFrames(int length, int maxInf, int overhead, int rate)
        {
            long cycles = 0;
            int left = length;
            do
            {
                int inf = left > maxInf ? maxInf : left;
                cycles += Iso14443Timing.FrameCycles(overhead + inf, rate);
                left -= inf;
            }
            while (left > 0);
            return cycles;
        }
    }
}
