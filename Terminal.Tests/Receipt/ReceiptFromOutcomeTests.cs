using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.Receipt;
using Terminal.Tests.Kernel.Scenarios;
using Xunit;

namespace Terminal.Tests.Receipt;

/// <summary>
/// <see cref="ReceiptData.FromOutcome"/> over a real kernel run: library card visa-pin-offline-plaintext (PAN
/// 4761739000000152, label "VISA CREDIT", AID A0000000031010, CVM list 4103 1E03) with three wrong PINs falls to
/// signature (CVM Results 1E0300), goes online and is approved with a TC (CvmScenarioTests gives TVR 0000200000,
/// TSI E800, ARC "00").
/// </summary>
public class ReceiptFromOutcomeTests
{
    [Fact]
    public void Outcome_fields_reach_the_receipt_with_the_pan_masked_and_a_signature_line()
    {
        Scenario s = Scenario.Run("visa-pin-offline-plaintext",
            pad: new ScenarioPinPad((PinEntryResult.Entered, "1111"), (PinEntryResult.Entered, "2222"), (PinEntryResult.Entered, "3333")));
        Assert.Equal(TransactionDecision.ApprovedOnline, s.Outcome.Decision);

        var d = new ReceiptData();
        d.FromOutcome(s.Outcome);

        Assert.Equal("476173******0152", d.CardNumber);
        Assert.Equal("VISA CREDIT", d.ApplicationLabel);
        Assert.Equal("A0000000031010", Hex.Encode(d.Aid));
        Assert.Equal("0000200000", Hex.Encode(d.Tvr));
        Assert.Equal("E800", Hex.Encode(d.Tsi));
        Assert.Equal("1E0300", Hex.Encode(d.CvmResults));
        Assert.Equal(0x40, d.Cid[0] & 0xC0);          // TC at the second GENERATE AC
        Assert.Equal(8, d.ApplicationCryptogram.Length);
        Assert.True(d.Approved);
        Assert.Equal("00", d.ResponseCode);
        Assert.True(d.SignatureRequired);

        string[] merchant = ReceiptBuilder.Build(d, ReceiptCopy.Merchant, ReceiptLanguage.English, 32);
        Assert.Contains("CARD NO.:       476173******0152", merchant);
        Assert.Contains("CARDHOLDER SIGNATURE:", merchant);
        Assert.Contains("TVR:                  0000200000", merchant);
        Assert.DoesNotContain(merchant, l => l.Contains("4761739000000152"));
    }
}
