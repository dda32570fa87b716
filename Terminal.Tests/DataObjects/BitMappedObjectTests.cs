using Terminal.EmvKernel.DataObjects;
using Xunit;

namespace Terminal.Tests.DataObjects;

/// <summary>Bit-mapped objects against hand-decoded values from the EMV bit tables.</summary>
public class BitMappedObjectTests
{
    private static byte[] H(string hex) => Convert.FromHexString(hex.Replace(" ", ""));

    [Fact]
    public void Tvr_floor_limit_bit_is_byte4_bit8()
    {
        // Book 3 C5: byte 4 b8 = Transaction exceeds floor limit.
        var tvr = new TerminalVerificationResults(H("0000008000"));
        Assert.Equal(new[] { "B4b8 Transaction exceeds floor limit" }, tvr.Describe());
        Assert.True(tvr.IsSet(TerminalVerificationResults.FloorLimitExceeded));
        Assert.False(tvr.IsSet(TerminalVerificationResults.OfflineDataAuthenticationNotPerformed));
    }

    [Fact]
    public void Tvr_set_and_clear_produce_the_spec_bytes()
    {
        var tvr = new TerminalVerificationResults();
        Assert.True(tvr.IsZero);
        Assert.Empty(tvr.Describe());
        tvr.Set(TerminalVerificationResults.OfflineDataAuthenticationNotPerformed); // B1b8 -> 80
        tvr.Set(TerminalVerificationResults.IccDataMissing);                       // B1b6 -> 20
        tvr.Set(TerminalVerificationResults.NewCard);                              // B2b4 -> 08
        tvr.Set(TerminalVerificationResults.OnlineCvmCaptured);                    // B3b3 -> 04
        tvr.Set(TerminalVerificationResults.SelectedRandomlyForOnline);            // B4b5 -> 10
        tvr.Set(TerminalVerificationResults.IssuerAuthenticationFailed);           // B5b7 -> 40
        Assert.Equal("A008041040", tvr.ToString());
        Assert.Equal(H("A008041040"), tvr.ToArray());
        Assert.Equal(new[]
        {
            "B1b8 Offline data authentication was not performed",
            "B1b6 ICC data missing",
            "B2b4 New card",
            "B3b3 Online CVM captured",
            "B4b5 Transaction selected randomly for online processing",
            "B5b7 Issuer authentication failed",
        }, tvr.Describe());
        tvr.Clear(TerminalVerificationResults.IccDataMissing);
        tvr.Set(TerminalVerificationResults.NewCard, false);
        Assert.Equal("8000041040", tvr.ToString());
        tvr.Reset();
        Assert.True(tvr.IsZero);
    }

    [Theory]
    [InlineData(TerminalVerificationResults.SdaFailed, "4000000000")]
    [InlineData(TerminalVerificationResults.DdaFailed, "0800000000")]
    [InlineData(TerminalVerificationResults.CdaFailed, "0400000000")]
    [InlineData(TerminalVerificationResults.SdaSelected, "0200000000")]
    [InlineData(TerminalVerificationResults.ExpiredApplication, "0040000000")]
    [InlineData(TerminalVerificationResults.ServiceNotAllowed, "0010000000")]
    [InlineData(TerminalVerificationResults.CardholderVerificationNotSuccessful, "0000800000")]
    [InlineData(TerminalVerificationResults.PinTryLimitExceeded, "0000200000")]
    [InlineData(TerminalVerificationResults.PinPadNotPresentOrNotWorking, "0000100000")]
    [InlineData(TerminalVerificationResults.LowerConsecutiveOfflineLimitExceeded, "0000004000")]
    [InlineData(TerminalVerificationResults.MerchantForcedOnline, "0000000800")]
    [InlineData(TerminalVerificationResults.DefaultTdolUsed, "0000000080")]
    [InlineData(TerminalVerificationResults.ScriptFailedBeforeFinalGenerateAc, "0000000020")]
    [InlineData(TerminalVerificationResults.ScriptFailedAfterFinalGenerateAc, "0000000010")]
    public void Tvr_constants_set_the_table_46_positions(int bit, string expected)
    {
        var tvr = new TerminalVerificationResults();
        tvr.Set(bit);
        Assert.Equal(expected, tvr.ToString());
    }

    [Fact]
    public void Tvr_rfu_bit_is_reported_as_rfu()
    {
        var tvr = new TerminalVerificationResults(H("0004000000")); // B2b3 is RFU
        Assert.Equal(new[] { "B2b3 RFU" }, tvr.Describe());
    }

    [Fact]
    public void Tvr_byte5_reads_contact_or_kernel2_meanings()
    {
        var tvr = new TerminalVerificationResults(H("000000000A")); // b4 and b2
        Assert.Equal(new[]
        {
            "B5b4 Reserved for use by the EMV Contactless Specifications",
            "B5b2 ECC key recovery failed",
        }, tvr.Describe());
        Assert.Equal(new[]
        {
            "B5b4 Relay resistance threshold exceeded",
            "B5b2-b1 RRP performed",
        }, tvr.DescribeKernel2());
        Assert.Equal(TerminalVerificationResults.RelayResistancePerformed, tvr.RelayResistanceState);
        tvr.RelayResistanceState = TerminalVerificationResults.RelayResistanceNotPerformed;
        Assert.Equal("0000000009", tvr.ToString());
    }

    [Fact]
    public void Tvr_intersects_an_action_code()
    {
        var tvr = new TerminalVerificationResults(H("0000008000"));
        Assert.True(tvr.Intersects(H("0000008000")));
        Assert.False(tvr.Intersects(H("FFFFFF7FFF")));
        Assert.Throws<ArgumentException>(() => tvr.Intersects(H("00")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("00000000")]
    [InlineData("000000000000")]
    public void Tvr_of_wrong_length_is_a_data_object_error(string hex)
    {
        var e = Assert.Throws<DataObjectException>(() => new TerminalVerificationResults(H(hex)));
        Assert.Equal(0x95, e.Tag);
        Assert.Contains("95", e.Message);
    }

    [Fact]
    public void Null_value_is_a_data_object_error()
    {
        Assert.Throws<DataObjectException>(() => new TerminalVerificationResults(null));
        Assert.Throws<DataObjectException>(() => new CvmList(null));
        Assert.ThrowsAny<DataObjectException>(() => new ApplicationFileLocator(null));
        Assert.Throws<DataObjectException>(() => IssuerApplicationData.Decode(null));
        Assert.Throws<DataObjectException>(() => new TerminalType(null));
    }

    [Fact]
    public void Bit_code_outside_the_object_is_an_argument_error()
    {
        var tsi = new TransactionStatusInformation();
        Assert.Throws<ArgumentOutOfRangeException>(() => tsi.IsSet(0x0380));
        Assert.Throws<ArgumentOutOfRangeException>(() => tsi.Set(0x0080));
        Assert.Throws<ArgumentException>(() => tsi.Set(0x0100));
    }

    [Fact]
    public void Tsi_e800()
    {
        // Book 3 C6: 0xE8 = b8 ODA, b7 CV, b6 CRM, b4 TRM performed.
        var tsi = new TransactionStatusInformation(H("E800"));
        Assert.Equal(new[]
        {
            "B1b8 Offline data authentication was performed",
            "B1b7 Cardholder verification was performed",
            "B1b6 Card risk management was performed",
            "B1b4 Terminal risk management was performed",
        }, tsi.Describe());
        var built = new TransactionStatusInformation();
        built.Set(TransactionStatusInformation.OfflineDataAuthenticationPerformed);
        built.Set(TransactionStatusInformation.CardholderVerificationPerformed);
        built.Set(TransactionStatusInformation.CardRiskManagementPerformed);
        built.Set(TransactionStatusInformation.TerminalRiskManagementPerformed);
        Assert.Equal("E800", built.ToString());
    }

    [Fact]
    public void Aip_5c00_and_c2_byte_2()
    {
        // 0x5C = b7 SDA, b5 CV, b4 TRM, b3 issuer authentication.
        var aip = new ApplicationInterchangeProfile(H("5C00"));
        Assert.Equal(new[]
        {
            "B1b7 SDA supported",
            "B1b5 Cardholder verification is supported",
            "B1b4 Terminal risk management is to be performed",
            "B1b3 Issuer authentication is supported",
        }, aip.Describe());
        // 0x19 80: b5 CV, b4 TRM, b1 CDA; byte 2 b8 EMV mode (C-2).
        var cl = new ApplicationInterchangeProfile(H("1981"));
        Assert.True(cl.IsSet(ApplicationInterchangeProfile.CdaSupported));
        Assert.True(cl.IsSet(ApplicationInterchangeProfile.EmvModeSupported));
        Assert.True(cl.IsSet(ApplicationInterchangeProfile.RelayResistanceProtocolSupported));
        Assert.False(cl.IsSet(ApplicationInterchangeProfile.DdaSupported));
        Assert.Equal("B2b1 Relay Resistance Protocol is supported (contactless)", cl.Describe()[^1]);
    }

    [Fact]
    public void Auc_ff00_is_every_byte1_service()
    {
        var auc = new ApplicationUsageControl(H("FFC0"));
        string[] lines = auc.Describe();
        Assert.Equal(10, lines.Length);
        Assert.Equal("B1b8 Valid for domestic cash transactions", lines[0]);
        Assert.Equal("B1b2 Valid at ATMs", lines[6]);
        Assert.Equal("B1b1 Valid at terminals other than ATMs", lines[7]);
        Assert.Equal("B2b8 Domestic cashback allowed", lines[8]);
        Assert.Equal("B2b7 International cashback allowed", lines[9]);
        Assert.True(auc.IsSet(ApplicationUsageControl.ValidAtAtms));
    }

    [Fact]
    public void Terminal_capabilities_20f8c8()
    {
        // Book 4 A2 example from the emv-utils configuration: IC with contacts; plaintext PIN, online PIN,
        // signature, enciphered offline PIN (RSA), No CVM; SDA, DDA, CDA.
        var caps = new TerminalCapabilities(H("20F8C8"));
        Assert.Equal(new[]
        {
            "B1b6 IC with contacts",
            "B2b8 Plaintext PIN for ICC verification",
            "B2b7 Enciphered PIN for online verification",
            "B2b6 Signature (paper)",
            "B2b5 Enciphered PIN for offline verification (RSA)",
            "B2b4 No CVM required",
            "B3b8 SDA",
            "B3b7 DDA",
            "B3b4 CDA",
        }, caps.Describe());
        Assert.True(caps.IsSet(TerminalCapabilities.Cda));
        Assert.False(caps.IsSet(TerminalCapabilities.Xda));
    }

    [Fact]
    public void Additional_terminal_capabilities_fa00f0a3ff()
    {
        var atc = new AdditionalTerminalCapabilities(H("FA00F0A3FF"));
        string[] lines = atc.Describe();
        Assert.Equal(new[]
        {
            "B1b8 Cash", "B1b7 Goods", "B1b6 Services", "B1b5 Cashback", "B1b4 Inquiry", "B1b2 Payment",
            "B3b8 Numeric keys", "B3b7 Alphabetic and special characters keys", "B3b6 Command keys", "B3b5 Function keys",
            "B4b8 Print, attendant", "B4b6 Display, attendant", "B4b2 Code table 10", "B4b1 Code table 9",
            "B5b8 Code table 8", "B5b7 Code table 7", "B5b6 Code table 6", "B5b5 Code table 5",
            "B5b4 Code table 4", "B5b3 Code table 3", "B5b2 Code table 2", "B5b1 Code table 1",
        }, lines);
        Assert.True(atc.IsSet(AdditionalTerminalCapabilities.CodeTable(1)));
        Assert.True(atc.IsSet(AdditionalTerminalCapabilities.CodeTable(10)));
        Assert.Equal(0x0402, AdditionalTerminalCapabilities.CodeTable(10));
        Assert.Equal(0x0580, AdditionalTerminalCapabilities.CodeTable(8));
    }

    [Fact]
    public void Ttq_24004000_is_emv_mode_online_pin_and_cdcvm()
    {
        var ttq = new TerminalTransactionQualifiers(H("24004000"));
        Assert.Equal(new[]
        {
            "B1b6 EMV mode supported",
            "B1b3 Online PIN supported",
            "B3b7 Consumer Device CVM supported",
        }, ttq.Describe());
        ttq.Set(TerminalTransactionQualifiers.OnlineCryptogramRequired);
        ttq.Set(TerminalTransactionQualifiers.CvmRequired);
        Assert.Equal("24C04000", ttq.ToString());
    }

    [Fact]
    public void Ctq_8080_is_online_pin_and_cdcvm_performed()
    {
        var ctq = new CardTransactionQualifiers(H("8080"));
        Assert.Equal(new[] { "B1b8 Online PIN Required", "B2b8 Consumer Device CVM Performed" }, ctq.Describe());
        Assert.True(ctq.IsSet(CardTransactionQualifiers.ConsumerDeviceCvmPerformed));
        Assert.False(ctq.IsSet(CardTransactionQualifiers.SignatureRequired));
    }
}
