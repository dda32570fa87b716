using System.Text;
using Terminal.EmvKernel.Apdu;
using Xunit;
using static Terminal.Tests.Apdu.ApduTestSupport;

namespace Terminal.Tests.Apdu;

/// <summary>
/// EMV command encodings (Book 1, 11.2 and 11.3; Book 3, 6.5), checked by hand byte by byte. Where the same command
/// appears in a recorded transcript (shared/vectors/transcripts) the expected hex is the recorded line.
/// </summary>
public class EmvCommandsTests
{
    [Fact]
    public void Select_visa_aid_first_occurrence()
    {
        // 00 A4 04 00, Lc 07, AID A0000000031010, Le 00 (contact-visa-in.txt line 1)
        Assert.Equal(H("00a4040007a000000003101000"), EmvCommands.SelectByName(H("A0000000031010"), false).Encode());
    }

    [Fact]
    public void Select_next_occurrence_sets_p2_02()
    {
        Assert.Equal(H("00A4040207A000000004101000"), EmvCommands.SelectByName(H("A0000000041010"), true).Encode());
    }

    [Fact]
    public void Select_pse_and_ppse_by_name()
    {
        // "1PAY.SYS.DDF01" = 31 50 41 59 2E 53 59 53 2E 44 44 46 30 31, 14 = 0E bytes
        Assert.Equal(H("00A404000E315041592E5359532E444446303100"), EmvCommands.SelectByName(Encoding.ASCII.GetBytes("1PAY.SYS.DDF01"), false).Encode());
        Assert.Equal(H("00A404000E325041592E5359532E444446303100"), EmvCommands.SelectByName(Encoding.ASCII.GetBytes("2PAY.SYS.DDF01"), false).Encode());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(17)]
    public void Select_name_outside_5_to_16_bytes_is_refused(int length)
    {
        var e = Assert.Throws<ApduException>(() => EmvCommands.SelectByName(new byte[length], false));
        Assert.Equal(ApduError.InvalidCommandParameter, e.Reason);
    }

    [Theory]
    // P2 = SFI << 3 | 4: SFI 1 -> 0C, SFI 2 -> 14, SFI 3 -> 1C, SFI 4 -> 24, SFI 30 -> F4
    [InlineData(1, 1, "00b2010c00")]
    [InlineData(2, 1, "00b2011400")]
    [InlineData(3, 3, "00b2031c00")]
    [InlineData(4, 2, "00B2022400")]
    [InlineData(30, 255, "00B2FFF400")]
    public void Read_record_codes_sfi_and_record(int sfi, int record, string hex)
    {
        Assert.Equal(H(hex), EmvCommands.ReadRecord(sfi, record).Encode());
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(31, 1)]
    [InlineData(1, 0)]
    [InlineData(1, 256)]
    public void Read_record_out_of_range_is_refused(int sfi, int record)
    {
        Assert.Equal(ApduError.InvalidCommandParameter, Assert.Throws<ApduException>(() => EmvCommands.ReadRecord(sfi, record)).Reason);
    }

    [Fact]
    public void Gpo_without_pdol_sends_83_00()
    {
        // 80 A8 00 00, Lc 02, command template 83 00, Le 00 (both transcripts)
        Assert.Equal(H("80a8000002830000"), EmvCommands.GetProcessingOptions(null).Encode());
        Assert.Equal(H("80a8000002830000"), EmvCommands.GetProcessingOptions([]).Encode());
    }

    [Fact]
    public void Gpo_wraps_pdol_data_in_template_83()
    {
        // PDOL data 9F66 TTQ 36000000 + amount 000000001000: 10 bytes -> 83 0A ..., Lc 0C
        Assert.Equal(H("80A800000C830A3600000000000000100000"), EmvCommands.GetProcessingOptions(H("36000000000000001000")).Encode());
    }

    [Fact]
    public void Gpo_with_128_or_more_bytes_uses_the_81_length_form()
    {
        byte[] data = new byte[128];
        byte[] encoded = EmvCommands.GetProcessingOptions(data).Encode();
        // Lc = 3 + 128 = 131 = 0x83, then 83 81 80
        Assert.Equal(H("80A8000083838180"), encoded.Take(8).ToArray());
        Assert.Equal(4 + 1 + 131 + 1, encoded.Length);
        Assert.Equal(255, EmvCommands.GetProcessingOptions(new byte[252]).DataLength);
        Assert.Throws<ApduException>(() => EmvCommands.GetProcessingOptions(new byte[253]));
    }

    [Theory]
    [InlineData(0x9F17, "80ca9f1700")] // PIN try counter (contact-visa-in.txt line 25)
    [InlineData(0x9F36, "80CA9F3600")] // ATC
    [InlineData(0x9F13, "80CA9F1300")] // last online ATC register
    [InlineData(0x9F4F, "80CA9F4F00")] // log format
    public void Get_data_puts_the_tag_in_p1_p2(int tag, string hex)
    {
        Assert.Equal(H(hex), EmvCommands.GetData(tag).Encode());
    }

    [Fact]
    public void Get_data_tag_out_of_range_is_refused()
    {
        Assert.Throws<ApduException>(() => EmvCommands.GetData(0));
        Assert.Throws<ApduException>(() => EmvCommands.GetData(0x10000));
    }

    [Fact]
    public void Generate_ac_arqc_with_cdol1_data()
    {
        // contact-visa-in.txt line 27: 80 AE 80 00, Lc 1D (29), CDOL1 data, Le 00
        byte[] cdol1 = H("00000000100000000000000000368000008000003612031600d3173a1f");
        Assert.Equal(29, cdol1.Length);
        Assert.Equal(H("80ae80001d00000000100000000000000000368000008000003612031600d3173a1f00"),
            EmvCommands.GenerateAc(EmvCommands.GenerateAcArqc, cdol1).Encode());
    }

    [Fact]
    public void Generate_ac_tc_with_cda_sets_p1_50()
    {
        // contactless-mastercard-in.txt line 13: P1 = 40 (TC) | 10 (CDA) = 50, Lc 2B (43)
        byte[] cdol1 = H("00000001000100000000000000020000000000003612031500000EEC8522000000000000000000005E0300");
        Assert.Equal(43, cdol1.Length);
        var c = EmvCommands.GenerateAc((byte)(EmvCommands.GenerateAcTc | EmvCommands.GenerateAcCdaRequested), cdol1);
        Assert.Equal(H("80AE50002B00000001000100000000000000020000000000003612031500000EEC8522000000000000000000005E030000"), c.Encode());
    }

    [Theory]
    [InlineData(0x00, "80AE000000")] // AAC, no data: case 2
    [InlineData(0x40, "80AE400000")]
    [InlineData(0x90, "80AE900000")] // ARQC + CDA
    public void Generate_ac_reference_control_values(int p1, string hexWithoutData)
    {
        Assert.Equal(H(hexWithoutData), EmvCommands.GenerateAc((byte)p1, null).Encode());
    }

    [Theory]
    [InlineData(0xC0)] // b8-b7 = 11 is RFU
    [InlineData(0x20)] // b6 RFU
    [InlineData(0x41)] // b1 RFU
    [InlineData(0x88)] // b4 RFU
    public void Generate_ac_rfu_reference_control_is_refused(int p1)
    {
        Assert.Equal(ApduError.InvalidCommandParameter, Assert.Throws<ApduException>(() => EmvCommands.GenerateAc((byte)p1, H("00"))).Reason);
    }

    [Fact]
    public void Internal_authenticate_sends_ddol_data_with_le()
    {
        // Default DDOL 9F3704 -> 4-byte unpredictable number
        Assert.Equal(H("008800000412345678" + "00"), EmvCommands.InternalAuthenticate(H("12345678")).Encode());
        Assert.Throws<ApduException>(() => EmvCommands.InternalAuthenticate([]));
    }

    [Fact]
    public void External_authenticate_is_case_3_with_8_to_16_bytes()
    {
        // contact-visa-in.txt line 29
        Assert.Equal(H("00820000081122334455667788"), EmvCommands.ExternalAuthenticate(H("1122334455667788")).Encode());
        Assert.Equal(ApduCase.Case3, EmvCommands.ExternalAuthenticate(new byte[16]).Case);
        Assert.Throws<ApduException>(() => EmvCommands.ExternalAuthenticate(new byte[7]));
        Assert.Throws<ApduException>(() => EmvCommands.ExternalAuthenticate(new byte[17]));
    }

    [Fact]
    public void Get_challenge_is_00_84_00_00_00()
    {
        Assert.Equal(H("0084000000"), EmvCommands.GetChallenge().Encode());
    }

    [Fact]
    public void Verify_plaintext_and_enciphered()
    {
        // Plaintext PIN block format 2: C=2, N=4, PIN 1234, padding F
        Assert.Equal(H("0020008008241234FFFFFFFFFF"), EmvCommands.Verify(EmvCommands.VerifyPlaintextPin, H("241234FFFFFFFFFF")).Encode());
        Assert.Equal(H("0020008804A1B2C3D4"), EmvCommands.Verify(EmvCommands.VerifyEncipheredPin, H("A1B2C3D4")).Encode());
        Assert.Throws<ApduException>(() => EmvCommands.Verify(0x00, H("241234FFFFFFFFFF")));
        Assert.Throws<ApduException>(() => EmvCommands.Verify(0x80, null));
    }

    [Fact]
    public void Get_response_carries_le()
    {
        Assert.Equal(H("00C0000026"), EmvCommands.GetResponse(0x26).Encode());
        Assert.Equal(H("00C0000000"), EmvCommands.GetResponse(0x00).Encode());
    }

    [Theory]
    [InlineData("00A4", "SELECT")]
    [InlineData("00B2", "READ RECORD")]
    [InlineData("80A8", "GET PROCESSING OPTIONS")]
    [InlineData("80CA", "GET DATA")]
    [InlineData("80AE", "GENERATE AC")]
    [InlineData("0088", "INTERNAL AUTHENTICATE")]
    [InlineData("0082", "EXTERNAL AUTHENTICATE")]
    [InlineData("0084", "GET CHALLENGE")]
    [InlineData("0020", "VERIFY")]
    [InlineData("00C0", "GET RESPONSE")]
    [InlineData("841E", "APPLICATION BLOCK")]
    [InlineData("8424", "PIN CHANGE/UNBLOCK")]
    [InlineData("80EA", "EXCHANGE RELAY RESISTANCE DATA")]
    [InlineData("80A4", "UNKNOWN")] // SELECT is inter-industry class only
    [InlineData("00AE", "UNKNOWN")]
    public void Command_names(string claIns, string name)
    {
        byte[] b = H(claIns);
        Assert.Equal(name, CommandNames.Of(b[0], b[1]));
    }
}
