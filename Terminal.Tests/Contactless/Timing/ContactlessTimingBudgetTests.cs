using Xunit;
using Terminal.EmvKernel.Capk;
using Terminal.EmvKernel.Contactless.EntryPoint;
using Terminal.EmvKernel.Contactless.GenerateAcKernel;
using Terminal.EmvKernel.Contactless.QuickKernel;
using Terminal.EmvKernel.Util;
using Terminal.VirtualCards.Card;
using Terminal.VirtualCards.Timing;
using Terminal.Tests.VirtualCards.Card;
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
    public sealed record Tap(long CardInFieldMicroseconds, int Exchanges, int RsaInField, int RsaTotal, ContactlessOutcome Outcome,
        TimedCardChannel Channel = null, string Tvr = null);

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
        var process = new EntryPointProcess([visa, unionPay], reader, ui, new CountingRandom());
        process.AddKernel(KernelIdentifier.Kernel3, kernel);
        process.AddKernel(KernelIdentifier.Kernel7, kernel);
        EntryPointResult result = process.Start(Purchase(amount));
        long inField = new ActivationTiming(timing).TotalMicroseconds + channel.ExchangeMicroseconds;
        // A card phase that did not complete never shows '17': all of its RSA count is "in the field".
        int inFieldRsa = ui.RsaWhenCardRead ?? crypto.RsaOperations;
        return new Tap(inField, channel.ExchangeCount, inFieldRsa, crypto.RsaOperations, result.Outcome.Outcome);
    }

    /// <summary>
    /// One tap through Entry Point and the GENERATE AC kernel (kernel 2) with the reference reader of its tests
    /// (relay resistance and on-device CVM supported, CDA, floor limit 100.00, CVM required limit 50.00); its
    /// relay resistance clock runs on the modelled time. <paramref name="edit"/> changes the card text.
    /// </summary>
    public static Tap TapGenerateAc(string card, long amount, Func<string, string> edit = null)
    {
        var crypto = new CountingCryptoProvider(CardLibrary.Crypto);
        var caKeys = new CaPublicKeyStore(CaPublicKeySet.Test, crypto);
        CaKeyFile.Load(File.ReadAllText(Path.Combine(CardLibrary.Root, "pki", "test-ca-keys.txt")), caKeys);
        string text = File.ReadAllText(Path.Combine(CardLibrary.Root, card + ".card"));
        var profile = Terminal.VirtualCards.Personalisation.CardProfile.Parse(edit == null ? text : edit(text));
        var timing = CardTimingProfile.FromProfile(profile);
        var channel = new TimedCardChannel(new VirtualCard(CardLibrary.Image(profile)), timing);
        var ui = new RsaAtCardRead(crypto);
        var configuration = new GenerateAcKernelConfiguration(caKeys)
        {
            RelayResistanceSupported = true,
            OnDeviceCvmSupported = true,
            Clock = new ModelledKernelClock(channel, 1_000_000),
            Random = new CountingRandom(),
            TornLog = new TornTransactionLog(2, TornTransactionLog.DefaultLifetimeSeconds),
        };
        var kernel = new GenerateAcKernelActivation(configuration, null, ui);
        var mastercard = Combination(MastercardAid, KernelIdentifier.Kernel2);
        mastercard.CvmRequiredLimit = 5000;
        mastercard.FloorLimit = 10000;
        var process = new EntryPointProcess([mastercard], new ScriptedReader().Tap(channel), ui, new CountingRandom());
        process.AddKernel(KernelIdentifier.Kernel2, kernel);
        EntryPointResult result = process.Start(Purchase(amount));
        long inField = new ActivationTiming(timing).TotalMicroseconds + channel.ExchangeMicroseconds;
        int inFieldRsa = ui.RsaWhenCardRead ?? crypto.RsaOperations;
        string tvr = kernel.LastResult == null ? null : Hex.Encode(kernel.LastResult.Tvr);
        return new Tap(inField, channel.ExchangeCount, inFieldRsa, crypto.RsaOperations, result.Outcome.Outcome, channel, tvr);
    }

    [Theory]
    [InlineData("mastercard-mchip-online")]
    [InlineData("mastercard-mchip-offline-cda")]
    [InlineData("mastercard-mchip-relay-resistance")]
    public void Generate_ac_kernel_tap_stays_in_the_budget_and_verifies_cda_after_the_card_left(string card)
    {
        Tap tap = TapGenerateAc(card, 1000);

        Assert.True(tap.CardInFieldMicroseconds < BudgetMicroseconds, card + ": modelled " + tap.CardInFieldMicroseconds + " us");
        Assert.Equal(0, tap.RsaInField);
        // CDA on the GENERATE AC response, after removal: issuer certificate, ICC certificate, SDAD = 3 RSA recoveries.
        Assert.Equal(3, tap.RsaTotal);
    }

    private static int RelayExchanges(Tap tap) =>
        Enumerable.Range(0, tap.Channel.ExchangeCount).Count(i => tap.Channel.ExchangeAt(i).Kind == CardCommandKind.ExchangeRelayResistanceData);

    [Fact]
    public void Relay_resistance_measured_on_modelled_time_passes_with_the_default_card()
    {
        Tap tap = TapGenerateAc("mastercard-mchip-relay-resistance", 1000);

        // ERRD 10-byte C-APDU (13-byte block, 119 etu), 14-byte R-APDU (17-byte block, 155 etu), 2 FDT, 1 ms:
        // 274 x 128 + 2344 + 13560 = 50976/fc = 3.76 ms = 37 units of 100 us. Measured = 37 - 18 (DF8134) -
        // min(20 card DF8305, 24 DF8135) < 0 -> 0: not over max 50 + grace 50, not under min 10 - grace 20.
        Assert.Equal(1, RelayExchanges(tap));
        Assert.Equal(ContactlessOutcome.Approved, tap.Outcome);
        // TVR B5b2-b1 = 10 relay resistance performed, no limit bits (cards/README.md: 0000000002).
        Assert.Equal("0000000002", tap.Tvr);
    }

    [Fact]
    public void A_slow_card_on_modelled_time_exceeds_the_relay_resistance_time_limits()
    {
        // 20 ms card time for ERRD: round trip ~22.8 ms = 228 units; measured 228 - 18 - 20 = 190 > 50 + 50 ->
        // too slow: the kernel retries twice (Book C-2, MaxRetries) and then sets "time limits exceeded".
        Tap tap = TapGenerateAc("mastercard-mchip-relay-resistance", 1000,
            text => text.Replace("[application ", "[timing]\nrelay-resistance-us = 20000\n\n[application "));

        Assert.Equal(1 + RelayResistance.MaxRetries, RelayExchanges(tap));
        // TVR byte 5: b3 (04) time limits exceeded with b2-b1 = 10 performed.
        Assert.Equal(0x06, Hex.Decode(tap.Tvr)[4] & 0x0F);
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
