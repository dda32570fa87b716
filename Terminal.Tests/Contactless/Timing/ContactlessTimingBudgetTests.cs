using Xunit;
using Terminal.EmvKernel.Capk;
using Terminal.EmvKernel.Contactless.EntryPoint;
using Terminal.EmvKernel.Contactless.QuickKernel;
using Terminal.VirtualCards.Card;
using Terminal.VirtualCards.Timing;
using Terminal.Tests.VirtualCards.Library;
using static Terminal.Tests.Contactless.EntryPoint.EntryPointTestSupport;

namespace Terminal.Tests.Contactless.Timing;

/// <summary>
/// Issue 6 targets that are behaviour, not wall time: (1) the modelled card-in-field time of every default
/// contactless library card through Entry Point stays under the 300 ms budget (the model is deterministic);
/// (2) no RSA operation runs while the card is in the field: fDDA's RSA work happens after "card read OK, remove
/// card" (Book C-3 deferred authentication). RSA is counted by a <see cref="CountingCryptoProvider"/> under the
/// kernel's CA key store; the count is taken when the kernel shows message '17'.
/// </summary>
public class ContactlessTimingBudgetTests
{
    /// <summary>The budget of issue 6: modelled card-in-field time under 300 ms with the default cards.</summary>
    private const long BudgetMicroseconds = 300_000;

    /// <summary>What one tap measured.</summary>
    public sealed record Tap(long CardInFieldMicroseconds, int Exchanges, int RsaInField, int RsaTotal, ContactlessOutcome Outcome);

    /// <summary>A display that notes the RSA count when the card phase ends ('17' card read OK, remove card).</summary>
    private sealed class RsaAtCardRead(CountingCryptoProvider crypto) : IContactlessUserInterface
    {
        public int? RsaWhenCardRead { get; private set; }
        public void Show(UiRequest request)
        {
            if (request.MessageId == UiMessage.CardReadOkRemoveCard) RsaWhenCardRead = crypto.RsaOperations;
        }
    }

    /// <summary>One tap of a library card through Entry Point and the quick kernel, over the time model.</summary>
    public static Tap TapQuick(string card, long amount)
    {
        var crypto = new CountingCryptoProvider(CardLibrary.Crypto);
        var caKeys = new CaPublicKeyStore(CaPublicKeySet.Test, crypto);
        CaKeyFile.Load(File.ReadAllText(Path.Combine(CardLibrary.Root, "pki", "test-ca-keys.txt")), caKeys);
        var profile = CardLibrary.Profile(card);
        var timing = CardTimingProfile.FromProfile(profile);
        var channel = new TimedCardChannel(new VirtualCard(CardLibrary.Image(profile)), timing);
        var ui = new RsaAtCardRead(crypto);
        var kernel = new QuickKernelActivation(new QuickKernelConfiguration(caKeys), null, ui);
        var visa = Combination(VisaAid, KernelIdentifier.Kernel3);
        var unionPay = Combination(UnionPayAid, KernelIdentifier.Kernel7);
        visa.CvmRequiredLimit = 5000;
        unionPay.CvmRequiredLimit = 5000;
        var reader = new ScriptedReader().Tap(channel);
        var process = new EntryPointProcess([visa, unionPay], reader, ui, new CountingRandomSource());
        process.AddKernel(KernelIdentifier.Kernel3, kernel);
        process.AddKernel(KernelIdentifier.Kernel7, kernel);
        EntryPointResult result = process.Start(Purchase(amount));
        long inField = new ActivationTiming(timing).TotalMicroseconds + channel.ExchangeMicroseconds;
        // A card phase that did not complete never shows '17': all of its RSA count is "in the field".
        int inFieldRsa = ui.RsaWhenCardRead ?? crypto.RsaOperations;
        return new Tap(inField, channel.ExchangeCount, inFieldRsa, crypto.RsaOperations, result.Outcome.Outcome);
    }

    [Theory]
    [InlineData("visa-qvsdc-online", 1000)]
    [InlineData("visa-qvsdc-offline-fdda", 1000)]
    [InlineData("visa-qvsdc-cvm-required", 6000)]
    [InlineData("visa-qvsdc-try-another-interface", 1000)]
    [InlineData("unionpay-quics-online", 1000)]
    [InlineData("unionpay-pboc-debit", 1000)]
    public void Quick_kernel_tap_stays_in_the_card_in_field_budget_with_no_rsa_in_the_field(string card, long amount)
    {
        Tap tap = TapQuick(card, amount);

        Assert.True(tap.CardInFieldMicroseconds < BudgetMicroseconds, card + ": modelled " + tap.CardInFieldMicroseconds + " us");
        // SELECT PPSE, SELECT ADF and GPO at least.
        Assert.True(tap.Exchanges >= 3);
        Assert.Equal(0, tap.RsaInField);
    }

    [Theory]
    [InlineData("visa-qvsdc-offline-fdda")]
    [InlineData("unionpay-pboc-debit")]
    public void Fdda_rsa_runs_after_the_card_left(string card)
    {
        Tap tap = TapQuick(card, 1000);

        Assert.Equal(ContactlessOutcome.Approved, tap.Outcome);
        Assert.Equal(0, tap.RsaInField);
        // fDDA (Book C-3, Book 2 6.x): issuer certificate, ICC certificate and the signed dynamic data = 3 RSA recoveries.
        Assert.Equal(3, tap.RsaTotal);
    }
}
