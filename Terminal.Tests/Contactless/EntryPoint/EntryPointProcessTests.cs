using CsCheck;
using Xunit;
using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Contactless.EntryPoint;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Util;
using static Terminal.Tests.Kernel.KernelTestSupport;
using static Terminal.Tests.Contactless.EntryPoint.EntryPointTestSupport;

namespace Terminal.Tests.Contactless.EntryPoint;

/// <summary>Book B 3.2-3.5: the whole Entry Point run with scripted readers, cards and kernels; every outcome and restart.</summary>
public class EntryPointProcessTests
{
    private static ReplayChannel VisaTap() => Card(SelectPpse, PpseResponse(DirEntry(VisaAid, "01")), Select(VisaAid), AdfResponse(VisaAid));

    [Fact]
    public void A_tap_runs_selection_and_hands_the_kernel_its_data()
    {
        var card = VisaTap();
        var reader = new ScriptedReader().Tap(card);
        var ui = new RecordingUi();
        var approved = Outcome(ContactlessOutcome.Approved);
        approved.UiRequestOnOutcome = new UiRequest(UiMessage.Approved, UiStatus.CardReadSuccessfully);
        var kernel = new ScriptedKernel(approved);
        var process = Process(reader, ui, (3, kernel));
        // 40.00 with the default combinations (no limits): TTQ copy = base 36 00 40 00.
        var result = process.Start(Purchase(4000));
        card.VerifyComplete();
        Assert.Same(approved, result.Outcome);
        Assert.Equal(1, result.KernelActivations);
        Assert.Equal(VisaAid, Hex.Encode(result.Selected.AdfName));
        var a = Assert.Single(kernel.Activations);
        Assert.Equal(3, a.KernelId);
        Assert.Equal("36004000", a.Ttq);
        Assert.Equal(AdfResponse(VisaAid)[..^4], a.Fci);
        Assert.False(a.IsRestart);
        Assert.Null(a.OnlineResponse);
        Assert.Equal(8, a.Un.Length);
        // Book A: "present card" / Ready to Read while polling, then the kernel's request on outcome.
        Assert.Equal(["15/ReadyToRead", "03/CardReadSuccessfully"], ui.Messages);
    }

    [Fact]
    public void The_ttq_copy_of_the_selected_combination_carries_the_limits()
    {
        var combos = DefaultCombinations();
        combos[0].CvmRequiredLimit = 3000;
        combos[0].FloorLimit = 2000;
        var kernel = new ScriptedKernel(Outcome(ContactlessOutcome.OnlineRequest));
        Process(combos, new ScriptedReader().Tap(VisaTap()), new RecordingUi(), (3, kernel)).Start(Purchase(3000));
        // 30.00: over the floor limit (B2b8) and at the CVM limit (B2b7): byte 2 = C0.
        Assert.Equal("36C04000", kernel.Activations[0].Ttq);
    }

    [Theory]
    [InlineData(ContactlessOutcome.Approved)]
    [InlineData(ContactlessOutcome.Declined)]
    [InlineData(ContactlessOutcome.OnlineRequest)]
    [InlineData(ContactlessOutcome.TryAnotherInterface)]
    [InlineData(ContactlessOutcome.EndApplication)]
    public void Final_outcomes_are_handed_to_the_pos_as_they_are(ContactlessOutcome outcome)
    {
        var reader = new ScriptedReader().Tap(VisaTap());
        var o = Outcome(outcome);
        var result = Process(reader, new RecordingUi(), (3, new ScriptedKernel(o))).Start(Purchase(1000));
        Assert.Same(o, result.Outcome);
        Assert.Equal(1, reader.Activations);
        Assert.Equal(1, result.KernelActivations);
    }

    [Fact]
    public void Select_next_removes_the_combination_and_selects_again_without_the_ppse()
    {
        // 3.5.1.1: Start C on the same card: the next candidate's SELECT, no second SELECT PPSE.
        var card = Card(SelectPpse, PpseResponse(DirEntry(VisaAid, "01"), DirEntry(MastercardAid, "02")),
            Select(VisaAid), AdfResponse(VisaAid),
            Select(MastercardAid), AdfResponse(MastercardAid));
        var visa = new ScriptedKernel(Outcome(ContactlessOutcome.SelectNext, StartPoint.C));
        var mastercard = new ScriptedKernel(Outcome(ContactlessOutcome.Approved));
        var reader = new ScriptedReader().Tap(card);
        var result = Process(reader, new RecordingUi(), (3, visa), (2, mastercard)).Start(Purchase(1000));
        card.VerifyComplete();
        Assert.Equal(ContactlessOutcome.Approved, result.Outcome.Outcome);
        Assert.Equal(2, result.KernelActivations);
        Assert.Equal(MastercardAid, Hex.Encode(result.Selected.AdfName));
        Assert.True(mastercard.Activations[0].IsRestart);
        Assert.Equal(1, reader.Activations);
    }

    [Fact]
    public void Select_next_with_no_candidate_left_ends_the_application()
    {
        var ui = new RecordingUi();
        var result = Process(new ScriptedReader().Tap(VisaTap()), ui, (3, new ScriptedKernel(Outcome(ContactlessOutcome.SelectNext, StartPoint.C))))
            .Start(Purchase(1000));
        Assert.Equal(ContactlessOutcome.EndApplication, result.Outcome.Outcome);
        Assert.Equal("1C/ReadyToRead", ui.Messages[^1]);
    }

    [Fact]
    public void Try_again_restarts_at_protocol_activation_with_present_card_again()
    {
        // 3.5.1.2: Start B; the kernel's UI request on restart (or '21' present card again) is shown.
        var first = VisaTap();
        var second = VisaTap();
        var reader = new ScriptedReader().Tap(first).Tap(second);
        var ui = new RecordingUi();
        var kernel = new ScriptedKernel(Outcome(ContactlessOutcome.TryAgain, StartPoint.B), Outcome(ContactlessOutcome.Approved));
        var result = Process(reader, ui, (3, kernel)).Start(Purchase(1000));
        first.VerifyComplete();
        second.VerifyComplete();
        Assert.Equal(ContactlessOutcome.Approved, result.Outcome.Outcome);
        Assert.Equal(2, reader.Activations);
        Assert.Equal([false, true], kernel.Activations.Select(a => a.IsRestart));
        Assert.NotEqual(kernel.Activations[0].Un, kernel.Activations[1].Un);
        Assert.Equal(["15/ReadyToRead", "21/ReadyToRead"], ui.Messages);
    }

    [Fact]
    public void Try_again_uses_the_kernels_restart_message()
    {
        var tryAgain = Outcome(ContactlessOutcome.TryAgain, StartPoint.B);
        tryAgain.UiRequestOnOutcome = new UiRequest(UiMessage.SeePhone, UiStatus.NotReady, 13);
        tryAgain.UiRequestOnRestart = new UiRequest(UiMessage.PresentCard, UiStatus.ReadyToRead);
        var ui = new RecordingUi();
        Process(new ScriptedReader().Tap(VisaTap()).Tap(VisaTap()), ui, (3, new ScriptedKernel(tryAgain, Outcome(ContactlessOutcome.Declined))))
            .Start(Purchase(1000));
        Assert.Equal(["15/ReadyToRead", "20/NotReady", "15/ReadyToRead"], ui.Messages);
    }

    [Fact]
    public void Endless_try_again_is_bounded()
    {
        var card = new SameCardReader(new ResettingChannel(() => VisaTap()));
        var kernel = new ScriptedKernel(Outcome(ContactlessOutcome.TryAgain, StartPoint.B));
        var process = Process(card, new RecordingUi(), (3, kernel));
        process.MaxRestarts = 3;
        var result = process.Start(Purchase(1000));
        Assert.Equal(ContactlessOutcome.EndApplication, result.Outcome.Outcome);
        // One first activation plus MaxRestarts restarts.
        Assert.Equal(4, kernel.Activations.Count);
    }

    [Fact]
    public void Online_request_with_start_b_restarts_after_the_online_response()
    {
        // First tap: PPSE and SELECT, Online Request with Start B. Second tap after the host's answer: the same
        // ADF is selected again (no PPSE) and the kernel gets the online response data.
        var first = VisaTap();
        var second = Card(Select(VisaAid), AdfResponse(VisaAid));
        var reader = new ScriptedReader().Tap(first).Tap(second);
        var online = Outcome(ContactlessOutcome.OnlineRequest, StartPoint.B);
        online.OnlineResponseData = OnlineResponseDataKind.EmvData;
        online.UiRequestOnRestart = new UiRequest(UiMessage.PresentCardAgain, UiStatus.ReadyToRead);
        var kernel = new ScriptedKernel(online, Outcome(ContactlessOutcome.Approved));
        var process = Process(reader, new RecordingUi(), (3, kernel));
        var result = process.Start(Purchase(1000));
        Assert.Same(online, result.Outcome);
        Assert.True(process.RestartAfterOnlinePending);
        var after = process.RestartAfterOnline(Hex.Decode("910A0102030405060708303072"));
        first.VerifyComplete();
        second.VerifyComplete();
        Assert.Equal(ContactlessOutcome.Approved, after.Outcome.Outcome);
        Assert.False(process.RestartAfterOnlinePending);
        Assert.True(kernel.Activations[1].IsRestart);
        Assert.Equal("910A0102030405060708303072", kernel.Activations[1].OnlineResponse);
    }

    [Fact]
    public void Restart_after_online_needs_an_online_request_with_start_b()
    {
        var process = Process(new ScriptedReader().Tap(VisaTap()), new RecordingUi(), (3, new ScriptedKernel(Outcome(ContactlessOutcome.OnlineRequest))));
        process.Start(Purchase(1000));
        Assert.False(process.RestartAfterOnlinePending);
        Assert.Throws<InvalidOperationException>(() => process.RestartAfterOnline(null));
    }

    [Fact]
    public void End_application_with_start_b_restarts()
    {
        var end = Outcome(ContactlessOutcome.EndApplication, StartPoint.B);
        end.UiRequestOnRestart = new UiRequest(UiMessage.PresentCardAgain, UiStatus.ReadyToRead);
        var reader = new ScriptedReader().Tap(VisaTap()).Tap(VisaTap());
        var ui = new RecordingUi();
        var result = Process(reader, ui, (3, new ScriptedKernel(end, Outcome(ContactlessOutcome.Approved)))).Start(Purchase(1000));
        Assert.Equal(ContactlessOutcome.Approved, result.Outcome.Outcome);
        Assert.Equal(["15/ReadyToRead", "21/ReadyToRead"], ui.Messages);
    }

    [Fact]
    public void End_application_with_start_c_selects_the_next_combination()
    {
        var card = Card(SelectPpse, PpseResponse(DirEntry(VisaAid, "01"), DirEntry(MastercardAid, "02")),
            Select(VisaAid), AdfResponse(VisaAid),
            Select(MastercardAid), AdfResponse(MastercardAid));
        var end = Outcome(ContactlessOutcome.EndApplication, StartPoint.C);
        end.UiRequestOnRestart = new UiRequest(UiMessage.Processing, UiStatus.Processing);
        var visa = new ScriptedKernel(end);
        var mastercard = new ScriptedKernel(Outcome(ContactlessOutcome.Declined));
        var ui = new RecordingUi();
        var result = Process(new ScriptedReader().Tap(card), ui, (3, visa), (2, mastercard)).Start(Purchase(1000));
        card.VerifyComplete();
        Assert.Equal(ContactlessOutcome.Declined, result.Outcome.Outcome);
        Assert.Equal(MastercardAid, Hex.Encode(result.Selected.AdfName));
        Assert.Equal(["15/ReadyToRead", "16/Processing"], ui.Messages);
    }

    [Fact]
    public void Start_d_reactivates_the_kernel_on_the_same_card()
    {
        var card = VisaTap();
        var kernel = new ScriptedKernel(Outcome(ContactlessOutcome.EndApplication, StartPoint.D), Outcome(ContactlessOutcome.Declined));
        var result = Process(new ScriptedReader().Tap(card), new RecordingUi(), (3, kernel)).Start(Purchase(1000));
        card.VerifyComplete();
        Assert.Equal(ContactlessOutcome.Declined, result.Outcome.Outcome);
        Assert.Equal(2, kernel.Activations.Count);
    }

    [Fact]
    public void Collision_asks_for_one_card_and_polls_again()
    {
        // Book B 3.2 (reference notes 4.4): '19' with Processing Error, then '19' Ready to Read.
        var reader = new ScriptedReader().Collision().Tap(VisaTap());
        var ui = new RecordingUi();
        var result = Process(reader, ui, (3, new ScriptedKernel(Outcome(ContactlessOutcome.Approved)))).Start(Purchase(1000));
        Assert.Equal(ContactlessOutcome.Approved, result.Outcome.Outcome);
        Assert.Equal(["15/ReadyToRead", "19/ProcessingError", "19/ReadyToRead"], ui.Messages);
    }

    [Fact]
    public void No_card_ends_the_application_without_a_kernel()
    {
        var kernel = new ScriptedKernel(Outcome(ContactlessOutcome.Approved));
        var result = Process(new ScriptedReader(), new RecordingUi(), (3, kernel)).Start(Purchase(1000));
        Assert.Equal(ContactlessOutcome.EndApplication, result.Outcome.Outcome);
        Assert.Empty(kernel.Activations);
        Assert.Null(result.Selected);
    }

    [Fact]
    public void Empty_candidate_list_ends_the_application_with_insert_swipe_or_try_another_card()
    {
        // The card lists only a scheme the reader does not support.
        var card = Card(SelectPpse, PpseResponse(DirEntry("A0000000651010", "01")));
        var ui = new RecordingUi();
        var result = Process(new ScriptedReader().Tap(card), ui, (3, new ScriptedKernel(Outcome(ContactlessOutcome.Approved)))).Start(Purchase(1000));
        card.VerifyComplete();
        Assert.Equal(ContactlessOutcome.EndApplication, result.Outcome.Outcome);
        Assert.Equal(["15/ReadyToRead", "1C/ReadyToRead"], ui.Messages);
    }

    [Theory]
    [InlineData(1)]   // SELECT PPSE
    [InlineData(2)]   // SELECT ADF (first candidate)
    [InlineData(3)]   // SELECT ADF (next candidate, after the first answered 6A82)
    public void Card_removed_at_a_selection_command_restarts_at_protocol_activation(int step)
    {
        // Book B 3.3.3.7: a communication error during selection: Start B; the second tap completes.
        var first = Card(SelectPpse, PpseResponse(DirEntry(VisaAid, "01"), DirEntry(MastercardAid, "02")),
            Select(VisaAid), "6A82", Select(MastercardAid), AdfResponse(MastercardAid));
        first.RemoveCardBeforeStep(step);
        var second = Card(SelectPpse, PpseResponse(DirEntry(MastercardAid, "01")), Select(MastercardAid), AdfResponse(MastercardAid));
        var reader = new ScriptedReader().Tap(first).Tap(second);
        var kernel = new ScriptedKernel(Outcome(ContactlessOutcome.Approved));
        var result = Process(reader, new RecordingUi(), (2, kernel)).Start(Purchase(1000));
        second.VerifyComplete();
        Assert.Equal(ContactlessOutcome.Approved, result.Outcome.Outcome);
        Assert.Equal(2, reader.Activations);
        Assert.Single(kernel.Activations);
        Assert.False(kernel.Activations[0].IsRestart);
    }

    [Fact]
    public void Card_removed_inside_the_kernel_is_try_again()
    {
        // A kernel that lets the card error escape (CardCommand's typed termination) is treated as Try Again.
        var kernel = new ScriptedKernel()
            .Then(t => { CardCommand.Exchange(t, EmvCommands.GetProcessingOptions(null), "GPO"); return Outcome(ContactlessOutcome.Approved); })
            .Then(Outcome(ContactlessOutcome.Approved));
        var first = VisaTap();
        first.RemoveCardBeforeStep(3);
        var reader = new ScriptedReader().Tap(first).Tap(VisaTap());
        var ui = new RecordingUi();
        var result = Process(reader, ui, (3, kernel)).Start(Purchase(1000));
        Assert.Equal(ContactlessOutcome.Approved, result.Outcome.Outcome);
        Assert.Equal(2, kernel.Activations.Count);
        Assert.Equal(["15/ReadyToRead", "21/ReadyToRead"], ui.Messages);
    }

    [Fact]
    public void A_kernel_returning_nothing_ends_with_a_processing_error()
    {
        var kernel = new ScriptedKernel().Then(_ => null!);
        var ui = new RecordingUi();
        var result = Process(new ScriptedReader().Tap(VisaTap()), ui, (3, kernel)).Start(Purchase(1000));
        Assert.Equal(ContactlessOutcome.EndApplication, result.Outcome.Outcome);
        Assert.Equal("0F/ProcessingError", ui.Messages[^1]);
    }

    [Fact]
    public void Field_off_request_is_passed_to_the_reader()
    {
        var o = Outcome(ContactlessOutcome.Declined);
        o.FieldOffRequest = 5;
        var reader = new ScriptedReader().Tap(VisaTap());
        Process(reader, new RecordingUi(), (3, new ScriptedKernel(o))).Start(Purchase(1000));
        Assert.Equal([5], reader.FieldOffRequests);
    }

    [Fact]
    public void A_combination_without_a_registered_kernel_is_dropped()
    {
        // Visa (kernel 3) has no kernel registered: the Mastercard candidate is selected instead.
        var card = Card(SelectPpse, PpseResponse(DirEntry(VisaAid, "01"), DirEntry(MastercardAid, "02")),
            Select(VisaAid), AdfResponse(VisaAid), Select(MastercardAid), AdfResponse(MastercardAid));
        var result = Process(new ScriptedReader().Tap(card), new RecordingUi(), (2, new ScriptedKernel(Outcome(ContactlessOutcome.Approved))))
            .Start(Purchase(1000));
        card.VerifyComplete();
        Assert.Equal(MastercardAid, Hex.Encode(result.Selected.AdfName));
    }

    [Fact]
    public void Legacy_card_goes_to_kernel_1_when_supported_and_is_dropped_otherwise()
    {
        // Book B 3.3.3.6: a kernel 3 Visa AID without 9F66 in its PDOL.
        string legacyFci = Fci(VisaAid, T("9F38", "9F0206")) + "9000";
        var kernel1 = new ScriptedKernel(Outcome(ContactlessOutcome.Approved));
        var kernel3 = new ScriptedKernel(Outcome(ContactlessOutcome.Approved));
        var result = Process(new ScriptedReader().Tap(Card(SelectPpse, PpseResponse(DirEntry(VisaAid)), Select(VisaAid), legacyFci)),
            new RecordingUi(), (1, kernel1), (3, kernel3)).Start(Purchase(1000));
        Assert.Equal(1, result.Selected.KernelId);
        Assert.Single(kernel1.Activations);
        Assert.Empty(kernel3.Activations);

        var dropped = Process(new ScriptedReader().Tap(Card(SelectPpse, PpseResponse(DirEntry(VisaAid)), Select(VisaAid), legacyFci)),
            new RecordingUi(), (3, kernel3)).Start(Purchase(1000));
        Assert.Equal(ContactlessOutcome.EndApplication, dropped.Outcome.Outcome);
        Assert.Empty(kernel3.Activations);
    }

    [Fact]
    public void A_card_that_always_leaves_the_field_ends_after_the_restart_bound()
    {
        // Removed before every SELECT PPSE: each tap restarts at Start B; the bound ends the run.
        var reader = new SameCardReader(new ResettingChannel(() => { var c = VisaTap(); c.RemoveCardBeforeStep(1); return c; }));
        var process = Process(reader, new RecordingUi(), (3, new ScriptedKernel(Outcome(ContactlessOutcome.Approved))));
        process.MaxRestarts = 4;
        var result = process.Start(Purchase(1000));
        Assert.Equal(ContactlessOutcome.EndApplication, result.Outcome.Outcome);
        Assert.Equal(5, reader.Activations);
    }

    [Fact]
    public void Fuzzed_ppse_responses_end_safely()
    {
        // Any PPSE response (random status word and data, or a mutated valid FCI) with every SELECT ADF answered
        // 6A82: the run ends with End Application (no candidate can be selected), never with an exception.
        var valid = Hex.Decode(PpseFci(DirEntry(VisaAid, "01", "03", "0102"), DirEntry(MastercardAid, "02"), DirEntry(UnionPayAid)));
        var mutated = Terminal.Tests.Tlv.TlvGen.ArrayOf(Gen.Int[0, valid.Length - 1].Select(Gen.Byte, (i, b) => (i, b)), 1, 4)
            .Select(changes =>
            {
                var copy = (byte[])valid.Clone();
                foreach (var (i, b) in changes) copy[i] = b;
                return Bytes.Concat(copy, [0x90, 0x00]);
            });
        var random = Terminal.Tests.Tlv.TlvGen.ArrayOf(Gen.Byte, 0, 60);
        var combos = DefaultCombinations();
        foreach (var c in combos) c.ExtendedSelectionSupported = true;
        Gen.Frequency((3, (IGen<byte[]>)mutated), (1, random)).Sample(ppse =>
        {
            var card = new LambdaChannel(command => Hex.Encode(command) == SelectPpse ? ppse : [0x6A, 0x82]);
            var kernel = new ScriptedKernel(Outcome(ContactlessOutcome.Approved));
            var result = Process(combos, new ScriptedReader().Tap(card), new RecordingUi(), (2, kernel), (3, kernel), (7, kernel)).Start(Purchase(1000));
            Assert.Equal(ContactlessOutcome.EndApplication, result.Outcome.Outcome);
            Assert.Empty(kernel.Activations);
        }, iter: Terminal.Tests.Tlv.FuzzIterations.Value / 10);
    }

    private sealed class LambdaChannel(Func<byte[], byte[]> answer) : ICardChannel
    {
        public byte[] Transmit(byte[] command) => answer(command);
    }

    /// <summary>A channel that starts a new scripted card whenever the current one ran out or was removed.</summary>
    private sealed class ResettingChannel(Func<ReplayChannel> next) : ICardChannel
    {
        private ReplayChannel _current = next();

        public byte[] Transmit(byte[] command)
        {
            if (_current.IsComplete) _current = next();
            try
            {
                return _current.Transmit(command);
            }
            catch (CardRemovedException)
            {
                _current = next();
                throw;
            }
        }
    }
}
