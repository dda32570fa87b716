using Terminal.EmvKernel.DataObjects;
using Xunit;

namespace Terminal.Tests.DataObjects;

public class IssuerApplicationDataTests
{
    private static byte[] H(string hex) => Convert.FromHexString(hex.Replace(" ", ""));

    [Fact]
    public void Visa_format_0_cvn_10()
    {
        // 06 length, 01 DKI, 0A CVN 10, CVR 03 A0 B8 00: CVR byte 2 A0 = 10 10 0000 -> second GENERATE AC not
        // requested, first GENERATE AC / GPO returned ARQC.
        var iad = IssuerApplicationData.Decode(H("06010A03A0B800"));
        Assert.Equal(IadFormat.VisaFormat0, iad.Format);
        Assert.Equal(0x01, iad.DerivationKeyIndex);
        Assert.Equal(0x0A, iad.CryptogramVersionNumber);
        Assert.Equal(H("03A0B800"), iad.CardVerificationResults);
        Assert.Equal(new[]
        {
            "Format: Visa IAD format 0",
            "Length indicator: 06",
            "Derivation Key Index (DKI): 01",
            "Cryptogram Version Number (CVN): 0A (CVN 10)",
            "Card Verification Results (CVR): 03A0B800",
            "CVR B1 length: 3",
            "CVR B2b8-b7 Second GENERATE AC not requested",
            "CVR B2b6-b5 First GENERATE AC (contact) or GPO (contactless) returned ARQC",
            "CVR byte 3: B8",
            "CVR byte 4: 00",
        }, iad.Describe());
    }

    [Fact]
    public void Visa_format_1_cvn_18_with_issuer_discretionary_data()
    {
        // CVR byte 2 0x66 = 01 10 0110: second AC TC, first AC ARQC, b3 offline PIN performed, b2 offline PIN failed.
        var iad = IssuerApplicationData.Decode(H("06011203660000 0F0102"));
        Assert.Equal(IadFormat.VisaFormat1, iad.Format);
        Assert.Equal(18, iad.CryptogramVersionNumber);
        string[] lines = iad.Describe();
        Assert.Contains("Cryptogram Version Number (CVN): 12 (CVN 18)", lines);
        Assert.Contains("CVR B2b8-b7 Second GENERATE AC returned TC", lines);
        Assert.Contains("CVR B2b3 Offline PIN verification performed", lines);
        Assert.Contains("CVR B2b2 Offline PIN verification failed", lines);
        Assert.Equal("Issuer Discretionary Data: 0F0102", lines[^1]);
    }

    [Fact]
    public void Visa_format_2_cvn_22()
    {
        // 1F, CVN 22, DKI 01, CVR 00 A4 00 00 00 (byte 2: not requested, ARQC, b3 CDCVM performed), option ID 0, IDD.
        string hex = "1F2201 00A4000000 00" + new string('0', 46);
        var iad = IssuerApplicationData.Decode(H(hex));
        Assert.Equal(IadFormat.VisaFormat2, iad.Format);
        Assert.Equal(0x22, iad.CryptogramVersionNumber);
        Assert.Equal(0x01, iad.DerivationKeyIndex);
        Assert.Equal(5, iad.CardVerificationResults.Length);
        string[] lines = iad.Describe();
        Assert.Contains("Cryptogram Version Number (CVN): 22 (CVN '22')", lines);
        Assert.Contains("CVR B2b3 CDCVM successfully performed", lines);
        Assert.Contains("Issuer Discretionary Data Option ID: 0", lines);
    }

    [Fact]
    public void Mchip_4()
    {
        // DKI 01, CVN 10 (SKD, counters not included), CVR A4 00 03 02 00 00:
        // byte 1 A4 = 10 10 0100 -> 2nd GAC not requested, 1st ARQC, b3 offline PIN performed;
        // byte 3 03 -> script counter 0, PIN try counter 3; byte 4 02 -> domestic transaction.
        var iad = IssuerApplicationData.Decode(H("0110 A40003020000 1234 0000000000000000"));
        Assert.Equal(IadFormat.MChip4, iad.Format);
        Assert.Equal(0x01, iad.DerivationKeyIndex);
        Assert.Equal(0x10, iad.CryptogramVersionNumber);
        Assert.Equal(new[]
        {
            "Format: M/Chip 4",
            "Derivation Key Index (DKI): 01",
            "Cryptogram Version Number (CVN): 10",
            "CVN session key: Mastercard proprietary SKD",
            "CVN counters: not included in AC data",
            "Card Verification Results (CVR): A40003020000",
            "CVR B1b8-b7 Second GENERATE AC not requested",
            "CVR B1b6-b5 First GENERATE AC returned ARQC",
            "CVR B3b8-b5 Script counter (right nibble): 0",
            "CVR B3b4-b1 PIN try counter (right nibble): 3",
            "CVR B1b3 Offline PIN Verification Performed",
            "CVR B4b2 Domestic Transaction",
            "DAC/ICC Dynamic Number: 1234",
            "Counters: 0000000000000000",
        }, iad.Describe());
    }

    [Fact]
    public void Mchip_advance_emv_csk_with_counters()
    {
        // CVN 15 = 0001 0101: EMV CSK (b3-b2 = 10), counters included; byte 5 80 -> counter 1 wording.
        var iad = IssuerApplicationData.Decode(H("0215 500000008000 0000 0000000000000000 0001"));
        Assert.Equal(IadFormat.MChipAdvance, iad.Format);
        string[] lines = iad.Describe();
        Assert.Contains("CVN session key: EMV CSK", lines);
        Assert.Contains("CVN counters: included in AC data", lines);
        Assert.Contains("CVR B1b8-b7 Second GENERATE AC returned TC", lines);
        Assert.Contains("CVR B1b6-b5 First GENERATE AC returned TC", lines);
        Assert.Contains("CVR B5b8 Lower Consecutive Counter 1 Limit Exceeded", lines);
        Assert.Equal("Additional data: 0001", lines[^1]);
    }

    [Fact]
    public void Ccd_format_a()
    {
        // 0F, CCI A5 (format A, CV 5 TDES), DKI 01, CVR 90 38 00 00 00:
        // byte 1 90 = 10 01 0000 -> 2nd not requested, 1st TC; byte 2 38 = PTC 3, b4 offline PIN performed.
        string hex = "0FA501 9038000000 0000000000000000 0F" + new string('0', 30);
        var iad = IssuerApplicationData.Decode(H(hex));
        Assert.Equal(IadFormat.Ccd, iad.Format);
        string[] lines = iad.Describe();
        Assert.Contains("Common Core Identifier (CCI): A5 (format code A, cryptogram version 5 TDES)", lines);
        Assert.Contains("CVR B1b6-b5 First GENERATE AC returned TC", lines);
        Assert.Contains("CVR B2b8-b5 PIN try counter (low nibble): 3", lines);
        Assert.Contains("CVR B2b4 Offline PIN Verification Performed", lines);
    }

    [Fact]
    public void Unknown_layout_is_shown_raw()
    {
        var iad = IssuerApplicationData.Decode(H("0102030405"));
        Assert.Equal(IadFormat.Unknown, iad.Format);
        Assert.Equal(-1, iad.DerivationKeyIndex);
        Assert.Equal(-1, iad.CryptogramVersionNumber);
        Assert.Null(iad.CardVerificationResults);
        Assert.Equal(new[] { "Format: unknown (proprietary)", "Value: 0102030405" }, iad.Describe());
        Assert.Equal(IadFormat.Unknown, IssuerApplicationData.Decode(new byte[0]).Format);
    }

    [Fact]
    public void Scheme_hint_resolves_an_ambiguous_value()
    {
        // Fits Visa format 0 (06 .. 0A 03) and M/Chip 4 (18 bytes, CVN byte 10).
        byte[] v = H("06100A03 00000000 0000 0000000000000000");
        Assert.Equal(IadFormat.VisaFormat0, IssuerApplicationData.Decode(v).Format);
        Assert.Equal(IadFormat.MChip4, IssuerApplicationData.Decode(v, IadScheme.Mastercard).Format);
        Assert.Equal(IadFormat.Unknown, IssuerApplicationData.Decode(v, IadScheme.Ccd).Format);
    }

    [Fact]
    public void Longer_than_32_bytes_is_a_data_object_error()
    {
        var e = Assert.Throws<DataObjectException>(() => IssuerApplicationData.Decode(new byte[33]));
        Assert.Equal(0x9F10, e.Tag);
    }
}
