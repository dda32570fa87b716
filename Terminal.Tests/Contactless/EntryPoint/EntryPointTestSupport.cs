using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Contactless.EntryPoint;
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Util;
using Terminal.Tests.VirtualCards.Card;
using static Terminal.Tests.Kernel.KernelTestSupport;

namespace Terminal.Tests.Contactless.EntryPoint;

/// <summary>Scripted readers, displays and kernels for the Entry Point tests.</summary>
internal static class EntryPointTestSupport
{
    public const string VisaAid = "A0000000031010";
    public const string MastercardAid = "A0000000041010";
    public const string UnionPayAid = "A000000333010101";

    /// <summary>"2PAY.SYS.DDF01" in ASCII (Book B 3.3.2.2).</summary>
    public const string PpseNameHex = "325041592E5359532E4444463031";

    /// <summary>SELECT PPSE: 00 A4 04 00 0E name 00 (Book 1, 11.3.2).</summary>
    public static readonly string SelectPpse = Select(PpseNameHex);

    /// <summary>A PPSE FCI: 6F { 84 name, A5 { BF0C { entries } } } followed by 9000.</summary>
    public static string PpseResponse(params string[] entries) => PpseFci(entries) + "9000";

    public static string PpseFci(params string[] entries) => T("6F", T("84", PpseNameHex) + T("A5", T("BF0C", string.Concat(entries))));

    /// <summary>A directory entry 61 { 4F, [50], [87], [9F2A], [9F29] }.</summary>
    public static string DirEntry(string adf, string priority = null, string kernelId = null, string extended = null, string label = null) =>
        T("61", T("4F", adf) + (label == null ? "" : T("50", label)) + (priority == null ? "" : T("87", priority))
                + (kernelId == null ? "" : T("9F2A", kernelId)) + (extended == null ? "" : T("9F29", extended)));

    /// <summary>An ADF FCI with a PDOL asking for the TTQ (a kernel 3 card in the Book B 3.3.3.6 sense), then 9000.</summary>
    public static string AdfResponse(string adf) => Fci(adf, T("9F38", "9F6604")) + "9000";

    /// <summary>A purchase of <paramref name="amount"/> minor units on 2026-06-15.</summary>
    public static TransactionRequest Purchase(long amount) => new(amount, Hex.Decode("260615"), Hex.Decode("120000"));

    /// <summary>A combination with a TTQ base of 36 00 40 00 (EMV mode, contact chip, online PIN, signature; CDCVM).</summary>
    public static ContactlessCombination Combination(string aid, int kernel)
    {
        return new ContactlessCombination(Hex.Decode(aid), kernel) { Ttq = Hex.Decode("36004000"), ZeroAmountAllowed = true };
    }

    public static ContactlessCombination[] DefaultCombinations() =>
        [Combination(VisaAid, 3), Combination(MastercardAid, 2), Combination(UnionPayAid, 7)];

    /// <summary>A reader that answers each Activate with the next scripted result.</summary>
    public sealed class ScriptedReader : IContactlessReader
    {
        private readonly Queue<(ProtocolActivationResult Result, ICardChannel Card)> _taps = new();

        public ScriptedReader Tap(ICardChannel card)
        {
            _taps.Enqueue((ProtocolActivationResult.CardActivated, card));
            return this;
        }

        public ScriptedReader Collision()
        {
            _taps.Enqueue((ProtocolActivationResult.Collision, null));
            return this;
        }

        public ICardChannel Card { get; private set; }
        public int Activations { get; private set; }
        public List<int> FieldOffRequests { get; } = new();
        public Func<ICardChannel, ICardChannel> OnTap { get; set; }

        public ProtocolActivationResult Activate()
        {
            Activations++;
            if (_taps.Count == 0)
            {
                Card = null;
                return ProtocolActivationResult.NoCard;
            }
            var (result, card) = _taps.Dequeue();
            Card = card;
            if (OnTap != null && card != null) Card = OnTap(card);
            return result;
        }

        public void FieldOff(int holdTime) => FieldOffRequests.Add(holdTime);
    }

    /// <summary>A reader that activates the same card on every poll (a card left on the reader, re-tapped).</summary>
    public sealed class SameCardReader(ICardChannel card, Action beforeTap = null) : IContactlessReader
    {
        public ICardChannel Card => card;
        public int Activations { get; private set; }

        public ProtocolActivationResult Activate()
        {
            Activations++;
            beforeTap?.Invoke();
            return ProtocolActivationResult.CardActivated;
        }

        public void FieldOff(int holdTime) { }
    }

    /// <summary>A display recording every request as "message/status".</summary>
    public sealed class RecordingUi : IContactlessUserInterface
    {
        public List<UiRequest> Shown { get; } = new();
        public void Show(UiRequest request) => Shown.Add(request);
        public string[] Messages => Shown.Select(r => r.MessageId.ToString("X2") + "/" + r.Status).ToArray();
    }

    /// <summary>What a kernel was given at one activation.</summary>
    public sealed record Activation(int KernelId, string AdfName, string Ttq, string Fci, bool IsRestart, string OnlineResponse, string Un);

    /// <summary>A kernel that returns scripted outcomes (the last one again when the script runs out) and records its activations.</summary>
    public sealed class ScriptedKernel : IContactlessKernel
    {
        private readonly Queue<Func<ApduTransport, OutcomeParameterSet>> _outcomes = new();
        private Func<ApduTransport, OutcomeParameterSet> _last;

        public ScriptedKernel(params OutcomeParameterSet[] outcomes)
        {
            foreach (var o in outcomes) Then(o);
        }

        public ScriptedKernel Then(OutcomeParameterSet outcome) => Then(_ => outcome);

        public ScriptedKernel Then(Func<ApduTransport, OutcomeParameterSet> step)
        {
            _outcomes.Enqueue(step);
            return this;
        }

        public List<Activation> Activations { get; } = new();

        public OutcomeParameterSet Activate(ApduTransport transport, SelectedCombination selected, PreProcessingIndicators indicators, KernelActivationData data)
        {
            Activations.Add(new Activation(selected.KernelId, Hex.Encode(selected.AdfName), indicators.Ttq.ToString(), Hex.Encode(selected.Fci),
                data.IsRestart, data.OnlineResponse == null ? null : Hex.Encode(data.OnlineResponse), Hex.Encode(data.UnpredictableNumber)));
            if (_outcomes.Count > 0) _last = _outcomes.Dequeue();
            return _last(transport);
        }
    }

    public static OutcomeParameterSet Outcome(ContactlessOutcome outcome, StartPoint start = StartPoint.NotApplicable) => new(outcome) { Start = start };

    public static EntryPointProcess Process(IContactlessReader reader, RecordingUi ui, params (int Id, IContactlessKernel Kernel)[] kernels) =>
        Process(DefaultCombinations(), reader, ui, kernels);

    public static EntryPointProcess Process(ContactlessCombination[] combinations, IContactlessReader reader, RecordingUi ui, params (int Id, IContactlessKernel Kernel)[] kernels)
    {
        var process = new EntryPointProcess(combinations, reader, ui, new CountingRandom());
        foreach (var (id, kernel) in kernels) process.AddKernel(id, kernel);
        return process;
    }
}
