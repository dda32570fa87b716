using Xunit;
using Terminal.EmvKernel.Contactless.EntryPoint;
using Terminal.EmvKernel.Contactless.GenerateAcKernel;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Util;
using Terminal.Tests.VirtualCards.Library;
using static Terminal.Tests.Contactless.EntryPoint.EntryPointTestSupport;
using Gk = Terminal.Tests.Contactless.GenerateAcKernel.GenerateAcKernelTestSupport;

namespace Terminal.Tests.Contactless.GenerateAcKernel;

/// <summary>
/// Entry Point with the GENERATE AC kernel registered for kernel 2 through <see cref="GenerateAcKernelActivation"/>:
/// PPSE (the library M/Chip cards carry no '9F2A', so RID A000000004 defaults to kernel 2, Book B Table 3-6), final
/// selection, pre-processing (CVM required limit 50.00, floor limit 100.00), the kernel, outcome processing and the
/// restarts the kernel asks for (torn transaction, see phone) within one Entry Point run.
/// </summary>
public class EntryPointGenerateAcKernelTests
{
    /// <summary>Entry Point's counting random source gives 01 02 03 04 to the first activation, 05 06 07 08 to the second.</summary>
    private const string FirstUn = "01020304", SecondUn = "05060708";

    private static (EntryPointResult Result, GenerateAcKernelActivation Kernel, RecordingUi Ui, GenerateAcKernelConfiguration Configuration)
        Run(long amount, params Gk.TapChannel[] taps)
    {
        var reader = new ScriptedReader();
        foreach (var t in taps) reader.Tap(t);
        var ui = new RecordingUi();
        GenerateAcKernelConfiguration configuration = Gk.ReaderConfiguration();
        var kernel = new GenerateAcKernelActivation(configuration, null, ui);
        var mastercard = Combination(MastercardAid, KernelIdentifier.Kernel2);
        mastercard.CvmRequiredLimit = Gk.CvmRequiredLimit;
        mastercard.FloorLimit = Gk.FloorLimit;
        var process = Process([mastercard], reader, ui, (KernelIdentifier.Kernel2, kernel));
        return (process.Start(Purchase(amount)), kernel, ui, configuration);
    }

    private static Gk.TapChannel Channel(Terminal.VirtualCards.Card.VirtualCard card) =>
        new(card, new Gk.ScriptedClock()) { ResetCardFirst = true };

    [Fact]
    public void Offline_cda_card_is_approved_through_entry_point()
    {
        var tap = Channel(Gk.NewCard(CardLibrary.Image("mastercard-mchip-offline-cda")));
        var (result, kernel, ui, _) = Run(1000, tap);
        Assert.Equal(ContactlessOutcome.Approved, result.Outcome.Outcome);
        Assert.Equal(1, result.KernelActivations);
        // SELECT PPSE, SELECT A0000000041010, GPO, 4 READ RECORD, GENERATE AC with Entry Point's UN in CDOL1.
        Assert.Equal(8, tap.Commands.Count);
        // TerminalParameters defaults: country and currency 0156, terminal type 22 (as the reference transaction).
        Assert.Equal("80AE50002B" + Gk.Cdol1(1000, "0000000000", "1F0302", FirstUn) + "00", Hex.Encode(tap.Commands[^1]));
        Assert.Contains(ui.Shown, u => u.MessageId == UiMessage.CardReadOkRemoveCard);
        Assert.Equal(UiMessage.Approved, result.Outcome.UiRequestOnOutcome.MessageId);
        Assert.Equal(TransactionDecision.ApprovedOffline, kernel.LastTransaction.Decision);
        Assert.Equal(kernel.LastResult.AuthorisationData.IccData, result.Outcome.DataRecord);
    }

    [Fact]
    public void Torn_tap_restarts_and_the_next_tap_recovers_in_the_same_run()
    {
        var card = Gk.NewCard(CardLibrary.Image("mastercard-mchip-torn-recovery"));
        var torn = Channel(card);
        torn.TearAt = 7; // PPSE, SELECT, GPO, 4 reads, GENERATE AC processed but its answer lost
        var again = Channel(card);
        var (result, kernel, ui, configuration) = Run(1000, torn, again);
        Assert.Equal(2, result.KernelActivations);
        Assert.Equal(ContactlessOutcome.Approved, result.Outcome.Outcome);
        // The second tap recovers with the torn transaction's Unpredictable Number, not its own.
        Assert.Equal("80D0000004" + FirstUn + "00", Hex.Encode(again.Commands[^1]));
        Assert.True(kernel.LastResult.CardRead.Recovered);
        Assert.Equal(FirstUn, Hex.Encode(kernel.LastTransaction.Get(0x9F37)));
        Assert.NotEqual(SecondUn, Hex.Encode(kernel.LastTransaction.Get(0x9F37)));
        Assert.Equal(0, configuration.TornLog.Count);
        Assert.Contains(ui.Shown, u => u.MessageId == UiMessage.PresentCardAgain);
    }

    [Fact]
    public void Phone_asking_for_verification_shows_see_phone_then_is_approved_on_the_second_tap()
    {
        var card = Gk.NewCard(CardLibrary.Image("mastercard-mchip-phone-see-phone"));
        var (result, kernel, ui, _) = Run(6000, Channel(card), Channel(card));
        Assert.Equal(2, result.KernelActivations);
        Assert.Equal(ContactlessOutcome.Approved, result.Outcome.Outcome);
        Assert.Equal(OutcomeCvm.ConfirmationCodeVerified, result.Outcome.Cvm);
        int seePhone = ui.Shown.FindIndex(u => u.MessageId == UiMessage.SeePhone);
        Assert.True(seePhone >= 0);
        Assert.Equal(UiStatus.NotReady, ui.Shown[seePhone].Status);
        Assert.Equal("010002", Hex.Encode(kernel.LastTransaction.CvmResults));
    }
}
