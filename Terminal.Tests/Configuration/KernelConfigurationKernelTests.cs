using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Configuration;
using Terminal.EmvKernel.DataObjects;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Util;
using Xunit;
using static Terminal.Tests.Kernel.KernelTestSupport;

namespace Terminal.Tests.Configuration;

/// <summary>
/// The configuration feeding the kernel steps: the AID list drives application selection (Book 1, 12.3) and the
/// per-AID floor limit written by ApplyTo drives terminal risk management (Book 3, 10.6.1).
/// </summary>
public class KernelConfigurationKernelTests
{
    private const string Ok = "9000";

    [Fact]
    public void Configured_partial_match_aid_selects_a_longer_adf_name_and_finds_its_parameters()
    {
        // [aid A00000002501] allows partial match; the card's ADF is A000000025010402. PSE off: list of AIDs only.
        const string Amex = "A00000002501";
        const string Adf = "A000000025010402";
        var config = KernelConfiguration.Parse(
            "[terminal]\npse = no\n[aid A00000002501]\nlabel = AMEX\n" + ConfigurationTestData.RequiredAidKeys);
        var card = Card(
            Select(Amex), Fci(Adf, T("87", "01")) + Ok,
            Select(Amex, next: true), "6A82",
            Select(Adf), Fci(Adf, T("87", "01")) + Ok);
        var selection = new ApplicationSelection(new ApduTransport(card), config.TerminalAids(), null);
        selection.UsePse = config.Terminal.PseSupported;

        SelectedApplication selected = selection.SelectApplication();

        Assert.Equal(Adf, Hex.Encode(selected.DfName));
        Assert.Equal("AMEX", config.Find(selected.DfName).Label);
        card.VerifyComplete();
    }

    // Default floor limit 10000 (100.00): Book 3, 10.6.1 sets TVR B4b8 (00 00 00 80 00) when amount >= floor limit.
    [Theory]
    [InlineData(9999, "0000000000")]
    [InlineData(10000, "0000008000")]
    public void Default_floor_limit_applied_to_terminal_data_drives_risk_management(long amount, string tvr)
    {
        var config = KernelConfiguration.CreateDefault();
        var terminal = new TerminalData();
        config.Terminal.ApplyTo(terminal);
        config.Find(Hex.Decode("A0000000031010")).ApplyTo(terminal);
        terminal.Set(0x9F02, Hex.Decode(amount.ToString("D12")));
        var card = new CardData();
        card.Set(0x5A, Hex.Decode("4761739001010010"));
        var trm = new TerminalRiskManagement(new ApduTransport(Card()), terminal, card);
        var results = new TerminalVerificationResults();

        trm.Run(results, new TransactionStatusInformation());

        Assert.Equal(tvr, Hex.Encode(results.ToArray()));
    }
}
