using Xunit;
using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Contactless.EntryPoint;
using Terminal.EmvKernel.Contactless.GenerateAcKernel;
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Util;
using Terminal.Tests.VirtualCards.Card;
using Terminal.Tests.VirtualCards.Library;
using Terminal.VirtualCards.Card;
using Terminal.VirtualCards.Personalisation;
using GK = Terminal.EmvKernel.Contactless.GenerateAcKernel.GenerateAcKernel;

namespace Terminal.Tests.Contactless.GenerateAcKernel;

/// <summary>
/// A library card tapped on the GENERATE AC kernel: personalised from cards/ (optionally edited), selected by its AID
/// (the FCI is what Entry Point hands over), then the kernel runs over a channel that records every command, can
/// take the card away before command N or tear it away after the card processed command N (the answer is lost),
/// and advances the scripted clock by a fixed time on EXCHANGE RELAY RESISTANCE DATA.
/// </summary>
internal static class GenerateAcKernelTestSupport
{
    public const string Un = "1A2B3C4D";
    public static readonly byte[] MastercardAid = Hex.Decode("A0000000041010");

    /// <summary>Reference combination limits (cards/README.md): CVM required limit 50.00, floor limit 100.00.</summary>
    public const long CvmRequiredLimit = 5000, FloorLimit = 10000;

    private static Terminal.EmvKernel.Capk.CaPublicKeyStore _store;
    public static Terminal.EmvKernel.Capk.CaPublicKeyStore CaKeys => _store ??= LibraryOdaTests.TestCaStore();

    /// <summary>
    /// The reference reader: CVM capability over the limit 60 (online PIN, signature), under it 08 (no CVM),
    /// security 08 (CDA), relay resistance and on-device CVM supported, C-2 default relay resistance parameters,
    /// a torn log of 2 records for 300 s, the scripted clock and a counting random source.
    /// </summary>
    public static GenerateAcKernelConfiguration ReaderConfiguration(ScriptedClock clock = null) => new(CaKeys)
    {
        RelayResistanceSupported = true,
        OnDeviceCvmSupported = true,
        Clock = clock ?? new ScriptedClock(),
        Random = new CountingRandom(0x51),
        TornLog = new TornTransactionLog(2, TornTransactionLog.DefaultLifetimeSeconds),
    };

    /// <summary>Entry Point pre-processing (Book B 3.1) of the reference combination for <paramref name="amount"/>.</summary>
    public static PreProcessingIndicators Indicators(long amount, long floorLimit = FloorLimit, long cvmLimit = CvmRequiredLimit)
    {
        var c = new ContactlessCombination(MastercardAid, KernelIdentifier.Kernel2) { FloorLimit = floorLimit, CvmRequiredLimit = cvmLimit };
        return PreProcessing.Evaluate(c, amount, 100);
    }

    public static string Amount(long minor) => minor.ToString("D12");

    /// <summary>
    /// The reference transaction (docs/card-profiles.md): purchase in China (0156/0156) on 2026-06-15, other amount 0,
    /// TVR zero, terminal type 22, reader application version 0002, the given Unpredictable Number.
    /// </summary>
    public static TerminalData ReferenceTerminal(long amount = 1000, string un = Un)
    {
        var t = new TerminalData();
        t.Set(0x9F02, Hex.Decode(Amount(amount)));
        t.Set(0x9F03, Hex.Decode("000000000000"));
        t.Set(0x9F1A, Hex.Decode("0156"));
        t.Set(0x5F2A, Hex.Decode("0156"));
        t.Set(0x95, new byte[5]);
        t.Set(0x9A, Hex.Decode("260615"));
        t.Set(0x9C, Hex.Decode("00"));
        t.Set(0x9F37, Hex.Decode(un));
        t.Set(0x9F35, Hex.Decode("22"));
        t.Set(0x9F09, Hex.Decode("0002"));
        return t;
    }

    /// <summary>
    /// CDOL1 data of the library M/Chip cards (CDOL1 9F02 06 | 9F03 06 | 9F1A 02 | 95 05 | 5F2A 02 | 9A 03 | 9C 01 |
    /// 9F37 04 | 9F35 01 | 9F45 02 | 9F4C 08 | 9F34 03 = 43 bytes) for the reference transaction; '9F45' and '9F4C'
    /// are not known before CDA, so zeros.
    /// </summary>
    public static string Cdol1(long amount, string tvr, string cvmResults, string un = Un) =>
        Amount(amount) + "000000000000" + "0156" + tvr + "0156" + "260615" + "00" + un + "22" + "0000" + "0000000000000000" + cvmResults;

    public static CardImage Image(string name, Func<string, string> edit = null)
    {
        string text = File.ReadAllText(Path.Combine(CardLibrary.Root, name + ".card"));
        if (edit != null) text = edit(text);
        return CardLibrary.Image(CardProfile.Parse(text));
    }

    public static Func<string, string> Set(string key, string value) => text =>
    {
        string[] lines = text.Split('\n');
        int i = Array.FindIndex(lines, l => l.StartsWith(key + " = ", StringComparison.Ordinal));
        Assert.True(i >= 0, key + " not in card");
        lines[i] = key + " = " + value;
        return string.Join('\n', lines);
    };

    /// <summary>One tap on <paramref name="card"/>: SELECT its application by AID, then the kernel over a <see cref="TapChannel"/>.</summary>
    public sealed class Tap
    {
        public Tap(VirtualCard card, ScriptedClock clock = null)
        {
            Card = card;
            card.Reset();
            CardApplication app = card.Image.ApplicationAt(card.Image.Applications.Count - 1);
            byte[] r = card.Transmit([0x00, 0xA4, 0x04, 0x00, (byte)app.Aid.Length, .. app.Aid, 0x00]);
            Assert.Equal(new byte[] { 0x90, 0x00 }, r[^2..]);
            Fci = r[..^2];
            Clock = clock ?? new ScriptedClock();
            Channel = new TapChannel(card, Clock);
            Transport = new ApduTransport(Channel) { GetResponseAfterWarning = false };
        }

        public VirtualCard Card { get; }
        public byte[] Fci { get; }
        public ScriptedClock Clock { get; }
        public TapChannel Channel { get; }
        public ApduTransport Transport { get; }

        public GenerateAcKernelResult Run(TerminalData terminal, PreProcessingIndicators indicators, GenerateAcKernelConfiguration configuration)
        {
            configuration.Clock = Clock;
            return GK.Run(Transport, Fci, terminal, indicators, configuration);
        }

        public string[] Commands => Channel.Commands.Select(Hex.Encode).ToArray();
    }

    public static VirtualCard NewCard(CardImage image) => new(image, new CountingRandom(0x21), CardLibrary.Crypto);

    /// <summary>
    /// Records commands (0-based numbers). <see cref="RemoveBefore"/>: the card is gone before that command.
    /// <see cref="TearAt"/>: the card processes that command, then leaves before answering (the answer is kept in
    /// <see cref="LostResponse"/>). EXCHANGE RELAY RESISTANCE DATA advances the clock by <see cref="RelayMicroseconds"/>.
    /// </summary>
    public sealed class TapChannel(ICardChannel card, ScriptedClock clock) : ICardChannel
    {
        public List<byte[]> Commands { get; } = new();
        public int RemoveBefore { get; set; } = -1;
        public int TearAt { get; set; } = -1;
        public long RelayMicroseconds { get; set; } = 6000;
        public byte[] LostResponse { get; private set; }

        /// <summary>A new tap of a card that was in the field before: power it up again (nothing selected) at the first command.</summary>
        public bool ResetCardFirst { get; set; }

        public byte[] Transmit(byte[] command)
        {
            if (ResetCardFirst && Commands.Count == 0 && card is VirtualCard v) v.Reset();
            Commands.Add((byte[])command.Clone());
            int n = Commands.Count - 1;
            if (RemoveBefore >= 0 && n >= RemoveBefore) throw new CardRemovedException(CardRemovedReason.Removed);
            byte[] r = card.Transmit(command);
            if (command.Length > 1 && command[0] == 0x80 && command[1] == 0xEA) clock.Advance(RelayMicroseconds);
            if (n == TearAt)
            {
                LostResponse = r;
                throw new CardRemovedException(CardRemovedReason.Removed);
            }
            return r;
        }
    }

    /// <summary>A clock that moves only when told (deterministic relay resistance timings and torn record ages).</summary>
    public sealed class ScriptedClock : IKernelClock
    {
        public long Microseconds { get; private set; } = 1_000_000;
        public void Advance(long microseconds) => Microseconds += microseconds;
    }
}
