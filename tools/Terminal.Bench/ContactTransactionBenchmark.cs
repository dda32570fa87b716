using BenchmarkDotNet.Attributes;
using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Capk;
using Terminal.EmvKernel.Configuration;
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Kernel;
using Terminal.VirtualCards.Card;
using Terminal.VirtualCards.Personalisation;

namespace Terminal.Bench;

/// <summary>
/// One whole contact transaction (<see cref="ContactTransaction.Run"/>) against a virtual card: PSE selection, GPO,
/// records, CDA (issuer and ICC key recovery, CDA signatures verified at both GENERATE ACs), offline plaintext PIN
/// (GET DATA 9F17 + VERIFY), terminal risk management, online authorisation (host approves) and the second
/// GENERATE AC. The card is cards/mastercard-cda-pass.card with its CVM list changed to 41 03 1E 03 (plaintext PIN,
/// then signature) and PIN 1234; the amount 200.00 is above the floor limit 100.00, so the terminal asks for an
/// ARQC (the card's IAC-online has "floor limit exceeded"). Personalised once in GlobalSetup.
/// <see cref="CardOnly"/> replays the same commands to the card alone: kernel cost = FullTransaction - CardOnly.
/// Run: dotnet run -c Release --project tools/Terminal.Bench -- --filter '*ContactTransactionBenchmark*' --job short
/// Target: under 64 KB allocated per transaction by the kernel.
/// </summary>
[MemoryDiagnoser]
public class ContactTransactionBenchmark
{
    private static readonly ICryptoProvider Crypto = new PortableCryptoProvider();
    private CardImage _image;
    private KernelConfiguration _configuration;
    private CaPublicKeyStore _caKeys;
    private ContactTransaction _kernel;
    private byte[][] _commands;
    private TransactionOutcome _last;

    /// <summary>The repository root (the folder with nf.proj) above the benchmark's run folder.</summary>
    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "nf.proj"))) dir = dir.Parent;
        if (dir == null) throw new InvalidOperationException("repository root (nf.proj) not found above " + AppContext.BaseDirectory);
        return dir.FullName;
    }

    [GlobalSetup]
    public void Setup()
    {
        string cards = Path.Combine(RepositoryRoot(), "cards");
        string text = File.ReadAllText(Path.Combine(cards, "mastercard-cda-pass.card"));
        string edited = text.Replace("cvm-list = 00000000000000001E031F03", "cvm-list = 000000000000000041031E03\npin = 1234");
        if (edited == text) throw new InvalidOperationException("mastercard-cda-pass.card changed: the CVM edit no longer applies");
        _image = Personaliser.Personalise(CardProfile.Parse(edited), new PkiFiles(cards), Crypto);

        _caKeys = new CaPublicKeyStore(CaPublicKeySet.Test, Crypto);
        CaKeyFile.Load(File.ReadAllText(Path.Combine(cards, "pki", "test-ca-keys.txt")), _caKeys);
        _configuration = ReferenceConfiguration();
        _kernel = new ContactTransaction(_configuration, _caKeys, new CountingRandom())
        {
            Cardholder = new PinPad(),
            Host = new ApprovingHost(),
        };

        // The benchmark must measure the intended path: check it once and keep the commands for CardOnly.
        var recorder = new Recorder(new VirtualCard(_image, new CountingRandom(), Crypto));
        TransactionOutcome o = _kernel.Run(recorder, Request());
        Check(o);
        if ((recorder.Commands.Find(c => c[1] == 0xAE)[2] & 0x10) == 0) throw new InvalidOperationException("first GENERATE AC without CDA");
        if (!recorder.Commands.Exists(c => c[1] == 0x20)) throw new InvalidOperationException("no VERIFY");
        _commands = recorder.Commands.ToArray();
        PrintAllocationBreakdown();
    }

    /// <summary>
    /// Bytes allocated on this thread per step (warm run): kernel work before each command (and after the last),
    /// and the card's own work inside each command. Printed to the benchmark log.
    /// </summary>
    private void PrintAllocationBreakdown()
    {
        for (int i = 0; i < 3; i++) _kernel.Run(new VirtualCard(_image, new CountingRandom(), Crypto), Request()); // warm-up
        var probe = new AllocationProbe(new VirtualCard(_image, new CountingRandom(), Crypto));
        long start = GC.GetAllocatedBytesForCurrentThread();
        probe.Mark = start;
        TransactionOutcome o = _kernel.Run(probe, Request());
        long end = GC.GetAllocatedBytesForCurrentThread();
        Check(o);
        Console.WriteLine("// Allocation breakdown of one transaction (bytes): kernel before each command | card inside it");
        long kernel = 0, card = 0;
        foreach (var (name, k, c) in probe.Steps)
        {
            Console.WriteLine("//   " + name.PadRight(28) + k.ToString().PadLeft(9) + " | " + c.ToString().PadLeft(9));
            kernel += k; card += c;
        }
        long tail = end - probe.Mark;
        kernel += tail;
        Console.WriteLine("//   " + "after the last command".PadRight(28) + tail.ToString().PadLeft(9));
        Console.WriteLine("//   total kernel " + kernel + ", card " + card + ", all " + (end - start));
    }

    private sealed class AllocationProbe(ICardChannel card) : ICardChannel
    {
        public long Mark;
        public List<(string Name, long Kernel, long Card)> Steps { get; } = new();

        public byte[] Transmit(byte[] command)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            byte[] r = card.Transmit(command);
            long after = GC.GetAllocatedBytesForCurrentThread();
            string name = Convert.ToHexString(command, 0, 4);
            Steps.Add((name, before - Mark, after - before));
            Mark = GC.GetAllocatedBytesForCurrentThread();
            return r;
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        // The card image is shared by all runs (ATC grows): the last run must still be the intended one.
        if (_last != null) Check(_last);
    }

    private static void Check(TransactionOutcome o)
    {
        if (o.Decision != TransactionDecision.ApprovedOnline) throw new InvalidOperationException("expected online approval, got " + o.Decision + " " + o.TerminationDetail);
        if (Convert.ToHexString(o.CvmResults) != "410302") throw new InvalidOperationException("expected plaintext PIN success, CVM results " + Convert.ToHexString(o.CvmResults));
        if ((o.Tsi[0] & 0x80) == 0 || (o.Tvr[0] & 0x04) != 0) throw new InvalidOperationException("CDA not performed or failed");
    }

    [Benchmark(Baseline = true)]
    public TransactionOutcome FullTransaction()
    {
        var card = new VirtualCard(_image, new CountingRandom(), Crypto);
        return _last = _kernel.Run(card, Request());
    }

    [Benchmark]
    public int CardOnly()
    {
        var card = new VirtualCard(_image, new CountingRandom(), Crypto);
        int n = 0;
        foreach (byte[] c in _commands) n += card.Transmit(c).Length;
        return n;
    }

    private static TransactionRequest Request() =>
        new(20000, Convert.FromHexString("260615"), Convert.FromHexString("120000")) { SequenceCounter = 1 };

    /// <summary>The reference terminal of docs/card-profiles.md: 22, 0156, E0F8C8, floor limit 100.00, TACs zero.</summary>
    internal static KernelConfiguration ReferenceConfiguration()
    {
        var t = new TerminalParameters
        {
            CountryCode = Convert.FromHexString("0156"),
            CurrencyCode = Convert.FromHexString("0156"),
            CurrencyExponent = 2,
            Capabilities = Convert.FromHexString("E0F8C8"),
            TerminalType = 0x22,
            PseSupported = true,
        };
        var mastercard = new AidParameters(Convert.FromHexString("A0000000041010"))
        {
            ApplicationVersion = Convert.FromHexString("0002"),
            PartialMatch = true,
            FloorLimit = 10000,
            TacDenial = new byte[5],
            TacOnline = new byte[5],
            TacDefault = new byte[5],
            DefaultDdol = Convert.FromHexString("9F3704"),
            VelocityChecking = true,
        };
        return new KernelConfiguration(t, new[] { mastercard });
    }

    private sealed class CountingRandom : IRandomSource
    {
        private byte _next = 1;

        public void NextBytes(byte[] buffer, int offset, int length)
        {
            for (int i = 0; i < length; i++) buffer[offset + i] = _next++;
        }
    }

    private sealed class PinPad : ICardholderVerificationMethods
    {
        public PinEntryResult EnterOfflinePin(int remainingTries, out byte[] pinDigits)
        {
            pinDigits = new byte[] { 1, 2, 3, 4 };
            return PinEntryResult.Entered;
        }

        public PinEntryResult EnterOnlinePin() => PinEntryResult.Entered;
    }

    /// <summary>Approves with ARC "00"; the card's AIP has no issuer authentication and its CDOL2 no '91'.</summary>
    private sealed class ApprovingHost : IOnlineAuthoriser
    {
        private static readonly byte[] Approved = { 0x30, 0x30 };

        public OnlineResponse Authorise(OnlineRequest request) => new(Approved, true);
    }

    private sealed class PkiFiles(string cards) : IPkiFileSource
    {
        public string ReadText(string path)
        {
            string full = Path.Combine(cards, path);
            return File.Exists(full) ? File.ReadAllText(full) : null;
        }
    }

    private sealed class Recorder(ICardChannel card) : ICardChannel
    {
        public List<byte[]> Commands { get; } = new();

        public byte[] Transmit(byte[] command)
        {
            Commands.Add((byte[])command.Clone());
            return card.Transmit(command);
        }
    }
}
