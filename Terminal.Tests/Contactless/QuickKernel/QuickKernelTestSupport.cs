using Xunit;
using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Contactless.QuickKernel;
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Util;
using Terminal.Tests.VirtualCards.Card;
using Terminal.Tests.VirtualCards.Library;
using Terminal.VirtualCards.Card;
using Terminal.VirtualCards.Personalisation;
using QK = Terminal.EmvKernel.Contactless.QuickKernel.QuickKernel;

namespace Terminal.Tests.Contactless.QuickKernel;

/// <summary>
/// A library card tapped on the quick kernel: the card is personalised from cards/ (optionally edited), selected
/// by its AID (the FCI is what Entry Point would hand over), then the kernel runs over a channel that records
/// every command and can take the card away before a given command.
/// </summary>
internal static class QuickKernelTestSupport
{
    /// <summary>
    /// The reference reader TTQ '9F66' (Book C-3 / notes section 5): B1 = 20 EMV mode | 10 contact chip | 04 online
    /// PIN | 02 signature = 36; B2 = 00 (Entry Point sets b8 / b7 per transaction); B3 = 40 consumer device CVM
    /// supported; B4 = 00.
    /// </summary>
    public const string ReaderTtq = "36004000";

    /// <summary>The reference TTQ with B2b7 "CVM required" set by pre-processing (amount at or over the CVM limit).</summary>
    public const string ReaderTtqCvmRequired = "36404000";

    /// <summary>A fixed terminal unpredictable number for the signed data.</summary>
    public const string Un = "1A2B3C4D";

    public static readonly CaPublicKeyStoreHolder CaKeys = new();

    public sealed class CaPublicKeyStoreHolder
    {
        private Terminal.EmvKernel.Capk.CaPublicKeyStore _store;
        public Terminal.EmvKernel.Capk.CaPublicKeyStore Store => _store ??= LibraryOdaTests.TestCaStore();
    }

    public static QuickKernelConfiguration KernelConfiguration() => new(CaKeys.Store);

    /// <summary>The library card's text with <paramref name="edit"/> applied.</summary>
    public static CardImage Image(string name, Func<string, string> edit = null)
    {
        string text = File.ReadAllText(Path.Combine(CardLibrary.Root, name + ".card"));
        if (edit != null) text = edit(text);
        return CardLibrary.Image(CardProfile.Parse(text));
    }

    /// <summary>Replaces a "key = value" line of the card text (the key must be present).</summary>
    public static Func<string, string> Set(string key, string value) => text =>
    {
        string[] lines = text.Split('\n');
        int i = Array.FindIndex(lines, l => l.StartsWith(key + " = ", StringComparison.Ordinal));
        Assert.True(i >= 0, key + " not in card");
        lines[i] = key + " = " + value;
        return string.Join('\n', lines);
    };

    /// <summary>Appends a behaviour line (the card must have no [behaviour] section yet).</summary>
    public static Func<string, string> Behaviour(string line) => text => text.TrimEnd() + "\n\n[behaviour]\n" + line + "\n";

    public static Func<string, string> All(params Func<string, string>[] edits) => text => edits.Aggregate(text, (t, e) => e(t));

    /// <summary>
    /// The library cards' reference transaction (docs/card-profiles.md): purchase '9C' 00 in China (0156/0156) on
    /// 2026-06-15, Amount, Other 0, TVR all zero, with the given TTQ and amount (n 12).
    /// </summary>
    public static TerminalData ReferenceTerminal(string ttq, string amount = "000000001000")
    {
        var t = new TerminalData();
        t.Set(0x9F66, Hex.Decode(ttq));
        t.Set(0x9F02, Hex.Decode(amount));
        t.Set(0x9F03, Hex.Decode("000000000000"));
        t.Set(0x9F1A, Hex.Decode("0156"));
        t.Set(0x5F2A, Hex.Decode("0156"));
        t.Set(0x95, new byte[5]);
        t.Set(0x9A, Hex.Decode("260615"));
        t.Set(0x9C, Hex.Decode("00"));
        t.Set(0x9F37, Hex.Decode(Un));
        return t;
    }

    /// <summary>One tap: SELECT the card's last application by AID, then the kernel.</summary>
    public sealed class Tap
    {
        public Tap(CardImage image, int removeBeforeCommand = -1)
        {
            Card = new VirtualCard(image, new CountingRandom(0x21), CardLibrary.Crypto);
            CardApplication app = image.ApplicationAt(image.Applications.Count - 1);
            byte[] select = [0x00, 0xA4, 0x04, 0x00, (byte)app.Aid.Length, .. app.Aid, 0x00];
            byte[] r = Card.Transmit(select);
            Assert.Equal(new byte[] { 0x90, 0x00 }, r[^2..]);
            Fci = r[..^2];
            Channel = new RecordingChannel(Card, removeBeforeCommand);
            Transport = new ApduTransport(Channel) { GetResponseAfterWarning = false };
        }

        public VirtualCard Card { get; }
        public byte[] Fci { get; }
        public RecordingChannel Channel { get; }
        public ApduTransport Transport { get; }

        public QuickKernelResult Run(TerminalData terminal, QuickKernelConfiguration configuration = null) =>
            QK.Run(Transport, Fci, terminal, configuration ?? KernelConfiguration());
    }

    /// <summary>Records commands; the card leaves the field before command <c>removeBefore</c> (0-based; -1 never).</summary>
    public sealed class RecordingChannel(ICardChannel card, int removeBefore) : ICardChannel
    {
        public List<byte[]> Commands { get; } = new();

        public byte[] Transmit(byte[] command)
        {
            Commands.Add((byte[])command.Clone());
            if (removeBefore >= 0 && Commands.Count - 1 >= removeBefore) throw new CardRemovedException(CardRemovedReason.Removed);
            return card.Transmit(command);
        }
    }
}
