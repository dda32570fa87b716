using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.App;
using Terminal.Firmware.Core.Provisioning;
using Terminal.Firmware.Core.Receipt;
using Terminal.Tests.Kernel.Scenarios;
using Xunit;

namespace Terminal.Tests.Receipt;

/// <summary>
/// One mapping of a kernel outcome's EMV fields: <see cref="ReceiptData.FromOutcome"/> decides them (AID '4F', then
/// '84', then '9F06'; label; signature rule); the application's record takes them as they are and hands the same
/// bytes to the receipt. The outcome is the one of ReceiptFromOutcomeTests (visa-pin-offline-plaintext, three wrong
/// PINs, signature, approved online: TVR 0000200000, TSI E800, CVM Results 1E0300).
/// </summary>
public class ChipFieldsTests
{
    [Fact]
    public void Record_and_receipt_carry_the_outcome_fields_of_the_one_mapping()
    {
        Scenario s = Scenario.Run("visa-pin-offline-plaintext",
            pad: new ScenarioPinPad((PinEntryResult.Entered, "1111"), (PinEntryResult.Entered, "2222"), (PinEntryResult.Entered, "3333")));
        var chip = new ReceiptData();
        chip.FromOutcome(s.Outcome);

        var record = new TransactionRecord();
        record.TakeChipFields(chip);
        Assert.Equal("VISA CREDIT", record.ApplicationLabel);
        Assert.Equal("A0000000031010", record.Aid);
        Assert.Equal("0000200000", record.Tvr);
        Assert.Equal("E800", record.Tsi);
        Assert.Equal("1E0300", record.CvmResults);
        Assert.Equal(Hex.Encode(s.Outcome.ApplicationCryptogram), record.ApplicationCryptogram);
        Assert.Equal(Hex.Encode(s.Outcome.Cid), record.Cid);
        Assert.True(record.SignatureRequired);                  // CVM '1E' signature (Book 3 Annex C3)

        // The receipt gets the very bytes, not a second decoding of the outcome.
        ReceiptData printed = SlipReceipt.FromRecord(record, new TerminalConfiguration { CurrencyNumeric = "156" });
        Assert.Equal(chip.Aid, printed.Aid);
        Assert.Equal(chip.Tvr, printed.Tvr);
        Assert.Equal(chip.Tsi, printed.Tsi);
        Assert.Equal(chip.ApplicationCryptogram, printed.ApplicationCryptogram);
        Assert.Equal(chip.Cid, printed.Cid);
        Assert.Equal(chip.CvmResults, printed.CvmResults);
        Assert.Equal(chip.ApplicationLabel, printed.ApplicationLabel);
    }

    [Fact]
    public void Text_that_is_not_hex_gives_no_field_as_before()
    {
        var record = new TransactionRecord { Aid = "not hex", Tvr = "0000000000" };
        Assert.Null(record.Aid);
        Assert.Null(SlipReceipt.FromRecord(record, new TerminalConfiguration { CurrencyNumeric = "156" }).Aid);
        Assert.Equal("0000000000", record.Tvr);
    }
}
