using Xunit;
using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Util;

namespace Terminal.Tests.Kernel;

/// <summary>Scripted-card helpers for the kernel step tests.</summary>
internal static class KernelTestSupport
{
    public const string Visa = "A0000000031010";
    public const string Mastercard = "A0000000041010";

    /// <summary>SELECT 1PAY.SYS.DDF01, written out from Book 1, 11.3.2 (Lc 0E, name, Le 00).</summary>
    public const string SelectPse = "00A404000E315041592E5359532E444446303100";

    /// <summary>A BER-TLV object with a one-byte length (short values only, as written by hand in the tests).</summary>
    public static string T(string tag, string value)
    {
        int length = value.Length / 2;
        if (length > 127) throw new ArgumentException("short form only");
        return tag + length.ToString("X2") + value;
    }

    /// <summary>SELECT by name, P2 00 or 02 (Book 1, 11.3.2).</summary>
    public static string Select(string name, bool next = false) => "00A404" + (next ? "02" : "00") + (name.Length / 2).ToString("X2") + name + "00";

    /// <summary>READ RECORD, P2 = SFI &lt;&lt; 3 | 4 (Book 1, 11.2.2).</summary>
    public static string ReadRecord(int sfi, int record) => "00B2" + record.ToString("X2") + ((sfi << 3) | 4).ToString("X2") + "00";

    /// <summary>An ADF FCI: 6F { 84 DF name, A5 { proprietary } }.</summary>
    public static string Fci(string dfName, string proprietary) => T("6F", T("84", dfName) + T("A5", proprietary));

    /// <summary>A PSE FCI with the directory SFI in '88'.</summary>
    public static string PseFci(int sfi) => T("6F", T("84", "315041592E5359532E4444463031") + T("A5", T("88", sfi.ToString("X2"))));

    /// <summary>A directory entry '61' with ADF name and optional priority.</summary>
    public static string Entry(string adf, string priority = null) => T("61", T("4F", adf) + (priority == null ? "" : T("87", priority)));

    public static Transcript Script(params string[] hexLines)
    {
        var transcript = new Transcript();
        for (int i = 0; i < hexLines.Length; i += 2)
        {
            transcript.Add(new TranscriptStep(Hex.Decode(hexLines[i]), Hex.Decode(hexLines[i + 1])));
        }
        return transcript;
    }

    public static ReplayChannel Card(params string[] hexLines) => new ReplayChannel(Script(hexLines));

    public static TerminalAid[] Aids(bool partial = false, params string[] aids) =>
        aids.Select(a => new TerminalAid(Hex.Decode(a), partial)).ToArray();

    public static TerminalAid[] VisaAndMastercard() => Aids(false, Visa, Mastercard);

    public static KernelTerminatedException Terminated(Action action) => Assert.Throws<KernelTerminatedException>(action);

    /// <summary>A cardholder answering with a fixed index and recording what was shown.</summary>
    public sealed class Cardholder(int answer) : ICardholderConfirmation
    {
        public List<string[]> Shown { get; } = new();

        public int Choose(CandidateList candidates)
        {
            Shown.Add(Enumerable.Range(0, candidates.Count).Select(i => Hex.Encode(candidates[i].AdfName)).ToArray());
            return answer;
        }
    }

    /// <summary>The three steps in order, as the kernel will chain them.</summary>
    public sealed class Flow
    {
        public Flow(ICardChannel channel, TerminalAid[] aids, ICardholderConfirmation confirmation = null, bool usePse = true)
        {
            Transport = new ApduTransport(channel);
            Selection = new ApplicationSelection(Transport, aids, confirmation) { UsePse = usePse };
        }

        public ApduTransport Transport { get; }
        public ApplicationSelection Selection { get; }
        public TerminalData Terminal { get; } = new();
        public CardData CardData { get; } = new();
        public ProcessingOptions Options { get; private set; }
        public ApplicationData Data { get; private set; }

        /// <summary>
        /// The library cards' reference transaction (docs/card-profiles.md): purchase in China (0156/0156) on
        /// 2026-06-15, Amount, Other 0, with the given capabilities, unpredictable number and amount.
        /// </summary>
        public Flow ReferenceTransaction(string capabilities, string unpredictableNumber, string amount = "000000001000")
        {
            Terminal.Set(0x9F33, Hex.Decode(capabilities));
            Terminal.Set(0x9A, Hex.Decode("260615"));
            Terminal.Set(0x9F37, Hex.Decode(unpredictableNumber));
            Terminal.Set(0x9F02, Hex.Decode(amount));
            Terminal.Set(0x9F03, Hex.Decode("000000000000"));
            Terminal.Set(0x9F1A, Hex.Decode("0156"));
            Terminal.Set(0x5F2A, Hex.Decode("0156"));
            Terminal.Set(0x9C, Hex.Decode("00"));
            return this;
        }

        public Flow Run()
        {
            Selection.SelectApplication();
            Options = new InitiateApplicationProcessing(Transport, Terminal, CardData).Run(Selection);
            Data = new ReadApplicationData(Transport, CardData).Run(Options.Afl);
            return this;
        }
    }
}
