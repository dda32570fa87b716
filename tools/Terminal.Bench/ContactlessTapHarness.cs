using System.Diagnostics;
using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Capk;
using Terminal.EmvKernel.Contactless.EntryPoint;
using Terminal.EmvKernel.Contactless.GenerateAcKernel;
using Terminal.EmvKernel.Contactless.QuickKernel;
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Kernel;
using Terminal.VirtualCards.Card;
using Terminal.VirtualCards.Personalisation;
using Terminal.VirtualCards.Timing;

namespace Terminal.Bench;

/// <summary>
/// One contactless tap of a library card through Entry Point and a kernel, with the card behind the ISO 14443 time
/// model (<see cref="TimedCardChannel"/>) and probes around it: wall time and allocations inside the channel (the
/// card simulator and the model, excluded from the kernel's figures), the gap before each command (Entry Point and
/// kernel CPU time between commands), the moment the kernel says "card read OK, remove card" ('17', end of the
/// card phase) and the RSA operations counted under the kernel's CA key store. Used by <see cref="ContactlessTimingReport"/>
/// and <see cref="ContactlessTapBenchmark"/>.
/// </summary>
internal sealed class ContactlessTapHarness
{
    /// <summary>A kernel as the harness plugs it into Entry Point.</summary>
    /// <summary>A kernel as the harness plugs it into Entry Point; Build gets the CA keys, the UI and a clock on modelled time.</summary>
    public sealed record KernelRow(string Name, string[] Cards, Func<CaPublicKeyStore, IContactlessUserInterface, IKernelClock, (ContactlessCombination[] Combinations, (int Id, IContactlessKernel Kernel)[] Kernels)> Build);

    /// <summary>The quick kernel (C-3 pattern, qUICS) for kernels 3 and 7, CVM required limit 50.00 (the library's reference).</summary>
    public static readonly KernelRow Quick = new("QuickKernel (C-3 pattern)",
        ["visa-qvsdc-online", "visa-qvsdc-offline-fdda", "visa-qvsdc-cvm-required", "unionpay-quics-online", "unionpay-pboc-debit"],
        (caKeys, ui, clock) =>
        {
            var kernel = new QuickKernelActivation(new QuickKernelConfiguration(caKeys), null, ui);
            return ([Combination("A0000000031010", KernelIdentifier.Kernel3), Combination("A000000333010101", KernelIdentifier.Kernel7)],
                [(KernelIdentifier.Kernel3, kernel), (KernelIdentifier.Kernel7, kernel)]);
        });

    /// <summary>
    /// The GENERATE AC kernel (M/Chip-style, C-2 pattern) for kernel 2: the library's reference reader (relay
    /// resistance and on-device CVM supported, CDA, torn log of 2), floor limit 100.00, CVM required limit 50.00;
    /// its relay resistance clock runs on the modelled time (<see cref="ModelledKernelClock"/>).
    /// </summary>
    public static readonly KernelRow GenerateAc = new("GenerateAcKernel (C-2 pattern)",
        ["mastercard-mchip-online", "mastercard-mchip-offline-cda", "mastercard-mchip-relay-resistance"],
        (caKeys, ui, clock) =>
        {
            var configuration = new GenerateAcKernelConfiguration(caKeys)
            {
                RelayResistanceSupported = true,
                OnDeviceCvmSupported = true,
                Clock = clock,
                Random = new CountingRandom(),
                TornLog = new TornTransactionLog(2, TornTransactionLog.DefaultLifetimeSeconds),
            };
            var kernel = new GenerateAcKernelActivation(configuration, null, ui);
            var mastercard = Combination("A0000000041010", KernelIdentifier.Kernel2);
            mastercard.FloorLimit = 10000;
            return ([mastercard], [(KernelIdentifier.Kernel2, kernel)]);
        });

    public static readonly KernelRow[] Rows = [Quick, GenerateAc];

    /// <summary>The statement amount of a card (cards/README.md): 60.00 for the CVM-required card, else 10.00.</summary>
    public static long AmountOf(string card) => card.Contains("cvm-required") ? 6000 : 1000;

    public static ContactlessCombination Combination(string aid, int kernel) =>
        new(Convert.FromHexString(aid), kernel) { Ttq = Convert.FromHexString("36004000"), ZeroAmountAllowed = true, CvmRequiredLimit = 5000 };

    private static readonly ICryptoProvider CardCrypto = new PortableCryptoProvider();
    private readonly Dictionary<string, (CardImage Image, CardTimingProfile Timing)> _cards = new();
    private readonly string _root = ContactTransactionBenchmark.RepositoryRoot();
    private readonly string _caKeyText;

    public ContactlessTapHarness()
    {
        _caKeyText = File.ReadAllText(Path.Combine(_root, "cards", "pki", "test-ca-keys.txt"));
    }

    /// <summary>The card's image (personalised once; the ATC grows across taps, as on a real card) and timing.</summary>
    public (CardImage Image, CardTimingProfile Timing) Card(string name)
    {
        if (!_cards.TryGetValue(name, out var c))
        {
            string cards = Path.Combine(_root, "cards");
            CardProfile profile = CardProfile.Parse(File.ReadAllText(Path.Combine(cards, name + ".card")));
            c = (Personaliser.Personalise(profile, new PkiFiles(cards), CardCrypto), CardTimingProfile.FromProfile(profile));
            _cards[name] = c;
        }
        return c;
    }

    /// <summary>What one tap measured. Times in Stopwatch ticks, bytes from GC.GetAllocatedBytesForCurrentThread.</summary>
    public sealed class TapMeasurement
    {
        public ContactlessOutcome Outcome;
        public long ActivationMicroseconds;
        public long ExchangeMicroseconds;
        public long CardInFieldMicroseconds => ActivationMicroseconds + ExchangeMicroseconds;
        public List<(string Command, long GapTicks, long ModelledMicroseconds, int CommandBytes, int ResponseBytes)> Commands = new();
        public long CardPhaseKernelTicks;   // start to '17', channel time excluded
        public long DeferredTicks;          // '17' to the outcome
        public long ChannelTicks;
        public long CardPhaseKernelBytes;
        public long DeferredBytes;
        public long ChannelBytes;
        public int RsaInField;
        public int RsaTotal;
        public bool CardReadSignalled;
        public long MaxGapTicks => Commands.Count == 0 ? 0 : Commands.Max(c => c.GapTicks);
    }

    /// <summary>One tap of <paramref name="card"/> through Entry Point and the row's kernel.</summary>
    public TapMeasurement Tap(KernelRow row, string card)
    {
        var (image, timing) = Card(card);
        var crypto = new CountingCryptoProvider(new PortableCryptoProvider());
        var caKeys = new CaPublicKeyStore(CaPublicKeySet.Test, crypto);
        CaKeyFile.Load(_caKeyText, caKeys);
        var m = new TapMeasurement();
        var timed = new TimedCardChannel(new VirtualCard(image, new CountingRandom(), CardCrypto), timing);
        var probe = new Probe(timed, m);
        var ui = new ProbeUi(probe, crypto, m);
        var (combinations, kernels) = row.Build(caKeys, ui, new ModelledKernelClock(timed, 1_000_000));
        var process = new EntryPointProcess(combinations, new OneTapReader(probe), ui, new CountingRandom());
        foreach (var (id, k) in kernels) process.AddKernel(id, k);

        var request = new TransactionRequest(AmountOf(card), Convert.FromHexString("260615"), Convert.FromHexString("120000"));
        probe.Start();
        EntryPointResult result = process.Start(request);
        long endTicks = Stopwatch.GetTimestamp();
        long endBytes = GC.GetAllocatedBytesForCurrentThread();
        if (!m.CardReadSignalled)
        {
            ui.Mark(endTicks, endBytes);
        }
        m.DeferredTicks = endTicks - ui.MarkTicks;
        m.DeferredBytes = endBytes - ui.MarkBytes;
        m.Outcome = result.Outcome.Outcome;
        m.RsaTotal = crypto.RsaOperations;
        m.ActivationMicroseconds = new ActivationTiming(timing).TotalMicroseconds;
        m.ExchangeMicroseconds = timed.ExchangeMicroseconds;
        for (int i = 0; i < timed.ExchangeCount; i++)
        {
            ModelledExchange e = timed.ExchangeAt(i);
            var c = m.Commands[i];
            m.Commands[i] = (c.Command, c.GapTicks, Iso14443TimingMicroseconds(e.TotalCycles), e.CommandLength, e.ResponseLength);
        }
        return m;
    }

    private static long Iso14443TimingMicroseconds(long cycles) => Iso14443Timing.ToMicroseconds(cycles);

    /// <summary>Measures the time and allocations spent inside the channel and the kernel's gap before each command.</summary>
    private sealed class Probe(ICardChannel inner, TapMeasurement m) : ICardChannel
    {
        private long _lastTicks, _lastBytes, _startTicks, _startBytes;
        public long KernelTicks, KernelBytes;

        public void Start()
        {
            _startTicks = _lastTicks = Stopwatch.GetTimestamp();
            _startBytes = _lastBytes = GC.GetAllocatedBytesForCurrentThread();
        }

        public byte[] Transmit(byte[] command)
        {
            long t0 = Stopwatch.GetTimestamp();
            long b0 = GC.GetAllocatedBytesForCurrentThread();
            KernelTicks += t0 - _lastTicks;
            KernelBytes += b0 - _lastBytes;
            m.Commands.Add((CardCommandKinds.NameOf(CardCommandKinds.Of(command)), t0 - _lastTicks, 0, 0, 0));
            try
            {
                return inner.Transmit(command);
            }
            finally
            {
                _lastTicks = Stopwatch.GetTimestamp();
                _lastBytes = GC.GetAllocatedBytesForCurrentThread();
                m.ChannelTicks += _lastTicks - t0;
                m.ChannelBytes += _lastBytes - b0;
            }
        }

        /// <summary>Kernel time and bytes from the last command to now, added to the card phase totals.</summary>
        public void CloseCardPhase(long ticks, long bytes)
        {
            m.CardPhaseKernelTicks = KernelTicks + (ticks - _lastTicks);
            m.CardPhaseKernelBytes = KernelBytes + (bytes - _lastBytes);
        }
    }

    private sealed class ProbeUi(Probe probe, CountingCryptoProvider crypto, TapMeasurement m) : IContactlessUserInterface
    {
        public long MarkTicks, MarkBytes;

        public void Mark(long ticks, long bytes)
        {
            MarkTicks = ticks;
            MarkBytes = bytes;
            probe.CloseCardPhase(ticks, bytes);
            m.RsaInField = crypto.RsaOperations;
        }

        public void Show(UiRequest request)
        {
            if (request.MessageId == UiMessage.CardReadOkRemoveCard && !m.CardReadSignalled)
            {
                m.CardReadSignalled = true;
                Mark(Stopwatch.GetTimestamp(), GC.GetAllocatedBytesForCurrentThread());
            }
        }
    }

    private sealed class OneTapReader(ICardChannel card) : IContactlessReader
    {
        private bool _used;
        public ICardChannel Card => card;

        public ProtocolActivationResult Activate()
        {
            if (_used) return ProtocolActivationResult.NoCard;
            _used = true;
            return ProtocolActivationResult.CardActivated;
        }

        public void FieldOff(int holdTime) { }
    }

    private sealed class CountingRandom : IRandomSource
    {
        private byte _next = 1;
        public void NextBytes(byte[] buffer, int offset, int length)
        {
            for (int i = 0; i < length; i++) buffer[offset + i] = _next++;
        }
    }

    private sealed class PkiFiles(string cards) : IPkiFileSource
    {
        public string ReadText(string path)
        {
            string full = Path.Combine(cards, path);
            return File.Exists(full) ? File.ReadAllText(full) : null;
        }
    }
}
