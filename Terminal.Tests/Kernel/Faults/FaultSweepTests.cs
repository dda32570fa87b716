#nullable enable
using System.Text;
using CsCheck;
using Xunit;
using Xunit.Abstractions;
using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.DataObjects;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Tlv;
using Terminal.EmvKernel.Util;
using Terminal.Tests.Tlv;

namespace Terminal.Tests.Kernel.Faults;

/// <summary>
/// Fault injection over whole contact transactions (issue 4): for each library card, the commands of a clean run
/// are counted, then every command index k is run again with each <see cref="Fault"/> injected at k. Every run must
/// end in an outcome (no escaping exception), never <see cref="KernelTerminationReason.InternalError"/> (a kernel
/// defect), with the typed reason or the continue-with-TVR-bits outcome the spec gives for the step, and with
/// ReversalRequired exactly when the host approved and the transaction did not end approved online.
/// </summary>
public class FaultSweepTests(ITestOutputHelper output)
{
    /// <summary>
    /// DDA + online + 2nd GAC; CDA; offline plaintext PIN (VERIFY, GET DATA 9F17); enciphered PIN (GET CHALLENGE);
    /// issuer authentication + '71'/'72' scripts.
    /// </summary>
    public static readonly string[] Cards =
    {
        "visa-online-host-approves", "mastercard-cda-pass", "visa-pin-offline-plaintext", "visa-pin-offline-enciphered",
        "visa-issuer-scripts", FaultRun.VelocityCard,
    };

    public static IEnumerable<object[]> CardData() => Cards.Select(c => new object[] { c });

    /// <summary>Where a command sits in the transaction, from the clean run's command list.</summary>
    internal enum Step
    {
        Selection, Gpo, ReadRecord, InternalAuthenticate, GetDataVelocity, GetDataPinTryCounter, GetChallenge, Verify,
        FirstGenerateAc, SecondGenerateAc, ExternalAuthenticate, ScriptBeforeFinalAc, ScriptAfterFinalAc, Other
    }

    internal static Step Classify(List<byte[]> commands, int index)
    {
        byte[] c = commands[index];
        int firstGpo = commands.FindIndex(x => x[1] == 0xA8);
        int firstAc = commands.FindIndex(x => x[0] == 0x80 && x[1] == 0xAE);
        int lastAc = commands.FindLastIndex(x => x[0] == 0x80 && x[1] == 0xAE);
        if (firstGpo < 0 || index < firstGpo) return Step.Selection;
        if (c[0] == 0x84) return index < lastAc ? Step.ScriptBeforeFinalAc : Step.ScriptAfterFinalAc; // secure messaging: issuer script
        return c[1] switch
        {
            0xA8 => Step.Gpo,
            0xB2 => Step.ReadRecord,
            0x88 => Step.InternalAuthenticate,
            0xCA => c[2] == 0x9F && c[3] == 0x17 ? Step.GetDataPinTryCounter : Step.GetDataVelocity,
            0x84 => Step.GetChallenge,
            0x20 => Step.Verify,
            0xAE => index == firstAc ? Step.FirstGenerateAc : Step.SecondGenerateAc,
            0x82 => Step.ExternalAuthenticate,
            _ => Step.Other,
        };
    }

    /// <summary>Book 3 steps whose failures set TVR bits and go on rather than end the transaction.</summary>
    private static bool Continues(Step step) => step is Step.GetDataVelocity or Step.GetDataPinTryCounter
        or Step.GetChallenge or Step.Verify or Step.ExternalAuthenticate or Step.ScriptBeforeFinalAc or Step.ScriptAfterFinalAc;

    /// <summary>Reasons that name something the card did (never InternalError, TransportFailure, CardholderCancelled).</summary>
    private static readonly KernelTerminationReason[] CardReasons =
    {
        KernelTerminationReason.NoMutualApplication, KernelTerminationReason.CardBlocked, KernelTerminationReason.MissingMandatoryData,
        KernelTerminationReason.RedundantData, KernelTerminationReason.InvalidRecord, KernelTerminationReason.UnexpectedStatusWord,
        KernelTerminationReason.InvalidCardResponse, KernelTerminationReason.InvalidApplicationFileLocator,
    };

    private static List<byte[]> CleanCommands(string card, out TransactionOutcome clean)
    {
        FaultChannel? channel = null;
        FaultRun run = FaultRun.Run(card, c => channel = new FaultChannel(c, -1, null));
        clean = run.Outcome;
        return channel!.Commands;
    }

    [Fact]
    public void Clean_runs_reach_the_card_statements_decisions()
    {
        // The statements in cards/*.card: "decision = approved-online" / "approved-offline".
        Assert.Equal(TransactionDecision.ApprovedOnline, FaultRun.Run("visa-online-host-approves", c => c).Outcome.Decision);
        Assert.Equal(TransactionDecision.ApprovedOffline, FaultRun.Run("mastercard-cda-pass", c => c).Outcome.Decision);
        Assert.Equal(TransactionDecision.ApprovedOffline, FaultRun.Run("visa-pin-offline-plaintext", c => c).Outcome.Decision);
        Assert.Equal(TransactionDecision.ApprovedOffline, FaultRun.Run("visa-pin-offline-enciphered", c => c).Outcome.Decision);
        Assert.Equal(TransactionDecision.ApprovedOnline, FaultRun.Run("visa-issuer-scripts", c => c).Outcome.Decision);
        // The same card with velocity limits: it goes online as visa-online-host-approves does.
        Assert.Equal(TransactionDecision.ApprovedOnline, FaultRun.Run(FaultRun.VelocityCard, c => c).Outcome.Decision);
    }

    [Fact]
    public void Classification_sees_every_step_of_the_sweep()
    {
        // The sweep is only as good as the commands it covers: each step named in issue 4 appears in a clean run.
        var steps = new HashSet<Step>();
        foreach (string card in Cards)
        {
            List<byte[]> commands = CleanCommands(card, out _);
            for (int i = 0; i < commands.Count; i++) steps.Add(Classify(commands, i));
        }
        foreach (Step s in new[] { Step.Selection, Step.Gpo, Step.ReadRecord, Step.InternalAuthenticate, Step.GetDataPinTryCounter, Step.GetDataVelocity,
                     Step.GetChallenge, Step.Verify, Step.FirstGenerateAc, Step.SecondGenerateAc, Step.ExternalAuthenticate,
                     Step.ScriptBeforeFinalAc, Step.ScriptAfterFinalAc })
        {
            Assert.Contains(s, steps);
        }
    }

    [Theory]
    [MemberData(nameof(CardData))]
    public void Every_fault_at_every_command_ends_in_a_typed_outcome(string card)
    {
        List<byte[]> commands = CleanCommands(card, out TransactionOutcome clean);
        var failures = new StringBuilder();
        int injected = 0;
        for (int k = 0; k < commands.Count; k++)
        {
            Step step = Classify(commands, k);
            foreach (Fault fault in Fault.All)
            {
                FaultChannel? channel = null;
                FaultRun run;
                try
                {
                    run = FaultRun.Run(card, c => channel = new FaultChannel(c, k, fault));
                }
                catch (Exception e)
                {
                    failures.AppendLine(Describe(card, k, commands[k], step, fault) + ": exception escaped Run: " + e.GetType().Name + " " + e.Message);
                    continue;
                }
                if (!channel!.Injected) continue;
                injected++;
                string? problem = Check(run, step, fault, clean);
                if (problem != null) failures.AppendLine(Describe(card, k, commands[k], step, fault) + ": " + problem);
            }
        }
        output.WriteLine(card + ": " + commands.Count + " commands x " + Fault.All.Length + " faults, " + injected + " injected runs");
        Assert.True(injected > commands.Count * 4, "too few faults injected: " + injected);
        Assert.True(failures.Length == 0, failures.ToString());
    }

    private static string Describe(string card, int k, byte[] command, Step step, Fault fault) =>
        card + " command " + k + " (" + step + ", " + Hex.Encode(command[..Math.Min(5, command.Length)]) + ") " + fault;

    /// <summary>The expectation for one faulty run; null when it holds.</summary>
    private static string? Check(FaultRun run, Step step, Fault fault, TransactionOutcome clean)
    {
        TransactionOutcome o = run.Outcome;
        bool terminated = o.Decision == TransactionDecision.Terminated;
        string seen = terminated ? "Terminated/" + o.TerminationReason + " (" + o.TerminationDetail + ")" : o.Decision + "/" + o.Reason;
        if (terminated && o.TerminationReason == KernelTerminationReason.InternalError) return "InternalError (kernel defect): " + o.TerminationDetail;
        // Issue 4: a reversal exactly when the host approved and the transaction did not end approved online.
        bool reversal = run.HostApproved && o.Decision != TransactionDecision.ApprovedOnline;
        if (o.ReversalRequired != reversal) return "ReversalRequired " + o.ReversalRequired + ", expected " + reversal + "; " + seen;
        if (terminated && fault.Kind != FaultKind.CardRemoved && !CardReasons.Contains(o.TerminationReason)) return "untyped reason " + seen;

        byte[] tvr = o.Tvr;
        bool Bit(int bit) => (tvr[(bit >> 8) - 1] & (bit & 0xFF)) != 0;
        switch (fault.Kind)
        {
            case FaultKind.CardRemoved:
                // The card is gone for this and every later command: nothing can go on.
                return terminated && o.TerminationReason == KernelTerminationReason.CardRemoved ? null : "expected CardRemoved, got " + seen;

            case FaultKind.StatusWord:
                switch (step)
                {
                    case Step.Selection:
                        // Book 1, 12.3: a failing PSE falls back to the list of AIDs; a failing final SELECT ends it.
                        return terminated || o.Decision == clean.Decision ? null : "selection fault changed the decision: " + seen;
                    case Step.Gpo:
                        // Book 3, 10.1: '6985' removes the application (none left here); other status words terminate.
                        return terminated && (o.TerminationReason == KernelTerminationReason.UnexpectedStatusWord
                            || o.TerminationReason == KernelTerminationReason.NoMutualApplication) ? null : "expected termination, got " + seen;
                    case Step.ReadRecord:
                    case Step.FirstGenerateAc:
                    case Step.SecondGenerateAc:
                        // Book 3, 10.2 (READ RECORD not '9000' terminates) and 6.5.5.4 (GENERATE AC).
                        return terminated && o.TerminationReason == KernelTerminationReason.UnexpectedStatusWord ? null : "expected UnexpectedStatusWord, got " + seen;
                    case Step.InternalAuthenticate:
                        // The kernel's rule (shared/reference/emv-kernel.md, "Continuation rule", source-backed [S], as
                        // emv-utils cites Book 3, 6.5.9.4): a failed signature check only sets 'DDA failed', but an
                        // INTERNAL AUTHENTICATE that does not answer '9000' is a card error and terminates.
                        return terminated && o.TerminationReason == KernelTerminationReason.UnexpectedStatusWord ? null
                            : "expected UnexpectedStatusWord, got " + seen + " TVR " + Hex.Encode(tvr);
                    case Step.GetDataVelocity:
                        // Book 3, 10.6.3: ATC or LATC not returned -> both consecutive offline limit bits, go on.
                        return !terminated && Bit(TerminalVerificationResults.LowerConsecutiveOfflineLimitExceeded)
                            && Bit(TerminalVerificationResults.UpperConsecutiveOfflineLimitExceeded) ? null : "expected velocity bits and continue, got " + seen + " TVR " + Hex.Encode(tvr);
                    case Step.ExternalAuthenticate:
                        // Book 3, 10.9: EXTERNAL AUTHENTICATE not '9000' -> 'Issuer authentication failed', go on.
                        return !terminated && Bit(TerminalVerificationResults.IssuerAuthenticationFailed) ? null : "expected issuer authentication failed and continue, got " + seen + " TVR " + Hex.Encode(tvr);
                    case Step.ScriptBeforeFinalAc:
                        // Book 3, 10.10: a script command answering other than '90xx', '62xx', '63xx' fails the script.
                        return !terminated && Bit(TerminalVerificationResults.ScriptFailedBeforeFinalGenerateAc) ? null : "expected script failed before final AC, got " + seen + " TVR " + Hex.Encode(tvr);
                    case Step.ScriptAfterFinalAc:
                        return !terminated && Bit(TerminalVerificationResults.ScriptFailedAfterFinalGenerateAc) ? null : "expected script failed after final AC, got " + seen + " TVR " + Hex.Encode(tvr);
                    default:
                        // GET DATA 9F17, GET CHALLENGE, VERIFY: the CVM fails or is tried without the counter; go on.
                        return Continues(step) && terminated ? "expected the transaction to go on, got " + seen : null;
                }

            case FaultKind.TruncatedApdu:
                // No status word at all: a malformed R-APDU. Steps that must terminate on a bad answer do.
                if (!Continues(step) && step != Step.Selection && !terminated) return "expected termination, got " + seen;
                return null;

            default:
                // Data faults: records of SFI 1-10 that do not parse or repeat a primitive terminate (Book 3, 10.2);
                // a GPO response that does not parse terminates (Book 3, 10.1); elsewhere any typed outcome.
                if (step == Step.ReadRecord && fault.Kind is FaultKind.OverlongLength or FaultKind.BrokenInnerTlv or FaultKind.TruncatedData)
                    return terminated && (o.TerminationReason == KernelTerminationReason.InvalidRecord
                        || o.TerminationReason == KernelTerminationReason.InvalidCardResponse) ? null : "expected InvalidRecord, got " + seen;
                if (step == Step.ReadRecord && fault.Kind == FaultKind.DuplicateTag)
                    return terminated && o.TerminationReason == KernelTerminationReason.RedundantData ? null : "expected RedundantData, got " + seen;
                if (step == Step.Gpo && fault.Kind is FaultKind.OverlongLength or FaultKind.BrokenInnerTlv or FaultKind.TruncatedData)
                    return terminated ? null : "expected termination, got " + seen;
                return null;
        }
    }

    // ----- records: missing mandatory data and redundant data across records (Book 3, 10.2) -----

    private static byte[] WithoutTag(byte[] response, int tag)
    {
        TlvObject record = TlvParser.Parse(response[..^2])[0];
        var w = new TlvWriter();
        w.BeginTemplate(0x70);
        for (int i = 0; i < record.Children.Count; i++)
        {
            if (record.Children[i].Tag != tag) w.WriteEncoded(record.Children[i]);
        }
        w.EndTemplate();
        return [.. w.ToArray(), .. response[^2..]];
    }

    private static bool IsRecordWith(byte[] command, byte[] response, int tag)
    {
        if (command[1] != 0xB2 || response.Length < 4 || response[0] != 0x70) return false;
        try
        {
            return TlvParser.Parse(response[..^2])[0].Children.Find(tag) != null;
        }
        catch (TlvException)
        {
            return false;
        }
    }

    // Book 3, 10.2: '5F24' Application Expiration Date, '5A' PAN, '8C' CDOL1, '8D' CDOL2 are mandatory; when one is
    // missing the transaction is terminated.
    [Theory]
    [InlineData(0x5F24)]
    [InlineData(0x5A)]
    [InlineData(0x8C)]
    [InlineData(0x8D)]
    public void A_record_without_a_mandatory_object_terminates(int tag)
    {
        FaultRun run = FaultRun.Run("visa-online-host-approves",
            c => new RewriteChannel(c, (cmd, resp) => IsRecordWith(cmd, resp, tag) ? WithoutTag(resp, tag) : resp));
        Assert.Equal(TransactionDecision.Terminated, run.Outcome.Decision);
        Assert.Equal(KernelTerminationReason.MissingMandatoryData, run.Outcome.TerminationReason);
        Assert.False(run.Outcome.ReversalRequired);
    }

    // Book 3, 10.2: a primitive object in two records (here '5F24' repeated in the record holding '57') terminates.
    [Fact]
    public void A_primitive_object_in_two_records_terminates_as_redundant()
    {
        FaultRun run = FaultRun.Run("visa-online-host-approves", c => new RewriteChannel(c, (cmd, resp) =>
        {
            if (!IsRecordWith(cmd, resp, 0x57)) return resp;
            TlvObject record = TlvParser.Parse(resp[..^2])[0];
            var w = new TlvWriter();
            w.BeginTemplate(0x70);
            for (int i = 0; i < record.Children.Count; i++) w.WriteEncoded(record.Children[i]);
            w.Write(0x5F24, Hex.Decode("301231"));
            w.EndTemplate();
            return [.. w.ToArray(), .. resp[^2..]];
        }));
        Assert.Equal(TransactionDecision.Terminated, run.Outcome.Decision);
        Assert.Equal(KernelTerminationReason.RedundantData, run.Outcome.TerminationReason);
    }

    // ----- property: random mutations of every response -----

    /// <summary>Mutates each response with a seeded generator: byte flips, cuts, appended bytes, status words.</summary>
    private sealed class MutatingChannel(ICardChannel card, int seed) : ICardChannel
    {
        private static readonly byte[][] StatusWords =
            { [0x90, 0x00], [0x6F, 0x00], [0x6A, 0x88], [0x69, 0x85], [0x63, 0xC1], [0x62, 0x83], [0x61, 0x05], [0x6C, 0x02], [0x67, 0x00] };
        private readonly Random _random = new(seed);

        public byte[] Transmit(byte[] command)
        {
            byte[] r = card.Transmit(command);
            switch (_random.Next(8))
            {
                case 0:
                case 1:
                case 2:
                    return r; // most responses intact so the run gets deep
                case 3:
                {
                    byte[] m = (byte[])r.Clone();
                    int flips = 1 + _random.Next(3);
                    for (int i = 0; i < flips; i++) m[_random.Next(m.Length)] ^= (byte)(1 << _random.Next(8));
                    return m;
                }
                case 4:
                    return r[.._random.Next(r.Length + 1)];
                case 5:
                {
                    byte[] extra = new byte[1 + _random.Next(4)];
                    _random.NextBytes(extra);
                    int at = Math.Max(0, r.Length - 2);
                    return [.. r[..at], .. extra, .. r[at..]];
                }
                case 6:
                    return [.. r[..Math.Max(0, r.Length - 2)], .. StatusWords[_random.Next(StatusWords.Length)]];
                default:
                {
                    byte[] m = (byte[])r.Clone();
                    if (m.Length > 3) m[1 + _random.Next(Math.Min(3, m.Length - 3))] = (byte)_random.Next(256); // a length or tag byte
                    return m;
                }
            }
        }
    }

    [Fact]
    public void Random_mutations_of_every_response_never_escape_or_end_as_internal_error()
    {
        // One full transaction costs milliseconds (RSA on both sides): the default 100000 becomes 200 runs.
        long iterations = Math.Max(20, FuzzIterations.Value / 500);
        Gen.Select(Gen.Int[0, Cards.Length - 1], Gen.Int).Sample((cardIndex, seed) =>
        {
            FaultRun run = FaultRun.Run(Cards[cardIndex], c => new MutatingChannel(c, seed));
            TransactionOutcome o = run.Outcome;
            if (o.Decision == TransactionDecision.Terminated && o.TerminationReason == KernelTerminationReason.InternalError)
                throw new Exception(Cards[cardIndex] + " seed " + seed + ": InternalError " + o.TerminationDetail);
            if (o.ReversalRequired != (run.HostApproved && o.Decision != TransactionDecision.ApprovedOnline))
                throw new Exception(Cards[cardIndex] + " seed " + seed + ": reversal rule broken");
        }, iter: iterations, threads: 1);
    }
}
