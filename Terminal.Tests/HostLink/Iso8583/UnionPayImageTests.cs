using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Xunit;

namespace Terminal.Tests.HostLink.Iso8583;

/// <summary>
/// Hand-built byte images of the UnionPay POS dialect, one per message class: TPDU + 6-byte BCD header + MTI +
/// bitmap + fields, written segment by segment from the published field layouts (see docs/host-protocol.md) and
/// checked field by field. Each image must also be what the packer produces from the parsed message.
/// </summary>
public class UnionPayImageTests
{
    private const string Tpdu = "6000030000";       // TPDU: ID 60, destination NII 0003, source 0000
    private const string TpduBack = "6000000003";   // TPDU of a host answer: addresses swapped
    private const string Header = "603100000000";   // header: category 60, version 31, status 0, requirement 0, 000000
    private const string Tid = "3132333435363738";  // DE 41 "12345678"
    private const string Mid = "313233343536373839303132333435"; // DE 42 "123456789012345"

    // DE 55 of the sale: 133 bytes of TLV.
    private const string SaleIcc =
        "9F26081122334455667788" + "9F270180" + "9F100707010103A00000" + "9F3704A1B2C3D4" + "9F36020008" +
        "95050080048000" + "9A03260315" + "9C0100" + "9F0206000000000100" + "5F2A020156" + "82027C00" + "9F1A020156" +
        "9F0306000000000000" + "9F3303E0E1C8" + "9F3403420300" + "9F350122" + "9F1E083132333435363738" +
        "8408A000000333010101" + "9F09020030" + "9F410400000008";

    private static Iso8583Message ParseAndRepack(string hex)
    {
        byte[] image = Hex.Decode(hex);
        Iso8583Message m = UnionPayDialect.Dialect.Parse(image);
        Assert.Equal(Hex.Encode(image), Hex.Encode(UnionPayDialect.Dialect.Pack(m)));
        return m;
    }

    [Fact]
    public void Sale_0200_with_field_55_parses_field_by_field()
    {
        Assert.Equal(133, SaleIcc.Length / 2);
        string hex =
            Tpdu + Header +
            "0200" +                                   // MTI 0200
            "702406C020C09A11" +                       // bitmap: 2 3 4 | 11 14 | 22 23 | 25 26 | 35 | 41 42 | 49 52 53 55 | 60 64
            "19" + "62123456789012345670" +            // DE 2: LL=19 digits, left-aligned BCD, pad nibble 0 last
            "000000" +                                 // DE 3 sale
            "000000000100" +                           // DE 4 1.00 yuan
            "000008" +                                 // DE 11
            "2812" +                                   // DE 14
            "0510" +                                   // DE 22 "051" left-aligned: 05 10
            "0001" +                                   // DE 23 "001" right-aligned: 00 01
            "00" +                                     // DE 25 normal
            "12" +                                     // DE 26 PIN capture code 12
            "37" + "6212345678901234567D" +            // DE 35: LL=37 characters: PAN, '=' as nibble D,
                   "281222000000000000" +              //        expiry, service code, discretionary data, pad nibble 0
            Tid + Mid +                                // DE 41, 42
            "313536" +                                 // DE 49 "156" in ASCII
            "1122334455667788" +                       // DE 52 PIN block
            "2600000000000000" +                       // DE 53: PIN format 2, algorithm 6 (TDES), track clear, 13 zeros
            "0133" + SaleIcc +                         // DE 55: LLL=0133 + TLV
            "0013" + "22000001000600" +                // DE 60: LLL=13 digits: 22 | 000001 | 000 | 6 | 0, pad nibble 0
            "A1A2A3A4A5A6A7A8";                        // DE 64 MAC
        Iso8583Message m = ParseAndRepack(hex);
        Assert.Equal(Tpdu + Header, Hex.Encode(m.Header));
        UnionPayHeader h = UnionPayHeader.FromBytes(m.Header);
        Assert.Equal(3, h.Tpdu.Destination);
        Assert.Equal("60", h.ApplicationCategory);
        Assert.Equal("31", h.SoftwareVersion);
        Assert.Equal(0, h.ProcessingRequirement);
        Assert.Equal("0200", m.Mti);
        Assert.Equal(new[] { 2, 3, 4, 11, 14, 22, 23, 25, 26, 35, 41, 42, 49, 52, 53, 55, 60, 64 }, m.PresentFields());
        Assert.Equal("6212345678901234567", m.GetString(2));
        Assert.Equal(100, m.GetNumeric(4));
        Assert.Equal("051", m.GetString(22));
        Assert.Equal("001", m.GetString(23));
        Assert.Equal("12", m.GetString(26));
        Assert.Equal("6212345678901234567=28122200000000000", m.GetString(35));
        Assert.Equal("12345678", m.GetString(41));
        Assert.Equal("123456789012345", m.GetString(42));
        Assert.Equal("156", m.GetString(49));
        Assert.Equal("1122334455667788", Hex.Encode(m.GetBytes(52)));
        UnionPayField53 f53 = UnionPayField53.Parse(m.GetString(53));
        Assert.Equal(2, f53.PinFormat);
        Assert.Equal(6, f53.EncryptionAlgorithm);
        Assert.Equal(0, f53.TrackEncryption);
        Assert.Equal(SaleIcc, Hex.Encode(m.GetBytes(55)));
        UnionPayField60 f60 = UnionPayField60.Parse(m.GetString(60));
        Assert.Equal("22", f60.TransactionType);
        Assert.Equal(1, f60.BatchNumber);
        Assert.Equal("000", f60.NetworkCode);
        Assert.Equal("60", f60.Extension);
        Assert.Equal("A1A2A3A4A5A6A7A8", Hex.Encode(m.GetBytes(64)));
    }

    [Fact]
    public void Sign_on_response_0810_with_working_keys_in_field_62()
    {
        string pik = "0102030405060708090A0B0C0D0E0F10", pikCheck = "A1A2A3A4";
        string mak = "1112131415161718191A1B1C1D1E1F20", makCheck = "B1B2B3B4";
        string hex =
            TpduBack + Header +
            "0810" +                                   // MTI 0810
            "003800010AC00014" +                       // bitmap: 11 12 13 | 32 | 37 39 | 41 42 | 60 62
            "000001" + "093015" + "0316" +             // DE 11, 12, 13
            "08" + "48020000" +                        // DE 32: LL=8 digits, acquirer 48020000
            "303933303135303030303031" +               // DE 37 "093015000001"
            "3030" +                                   // DE 39 "00"
            Tid + Mid +                                // DE 41, 42
            "0011" + "000000010030" +                  // DE 60: LLL=11: 00 | 000001 | 003 (double-length keys), pad 0
            "0040" + pik + pikCheck + mak + makCheck;  // DE 62: LLL=40: PIK + check value, MAK + check value
        Iso8583Message m = ParseAndRepack(hex);
        Assert.Equal("0810", m.Mti);
        UnionPayHeader h = UnionPayHeader.FromBytes(m.Header);
        Assert.Equal(0, h.Tpdu.Destination);
        Assert.Equal(3, h.Tpdu.Source);
        Assert.Equal("48020000", m.GetString(32));
        Assert.Equal("00", m.GetString(39));
        UnionPayField60 f60 = UnionPayField60.Parse(m.GetString(60));
        Assert.Equal(UnionPayMessages.TypeManagement, f60.TransactionType);
        Assert.Equal(UnionPayMessages.NetSignOnDoubleKeys, f60.NetworkCode);
        Assert.Equal("", f60.Extension);
        UnionPayWorkingKeys keys = UnionPayWorkingKeys.Parse(m.GetBytes(62));
        Assert.Equal(pik, Hex.Encode(keys.PinKey));
        Assert.Equal(pikCheck, Hex.Encode(keys.PinKeyCheckValue));
        Assert.Equal(mak, Hex.Encode(keys.MacKey));
        Assert.Equal(makCheck, Hex.Encode(keys.MacKeyCheckValue));
        Assert.Null(keys.TrackKey);
    }

    [Fact]
    public void Reversal_0400_parses_field_by_field()
    {
        string hex =
            Tpdu + Header +
            "0400" +                                   // MTI 0400
            "7024068002C08211" +                       // bitmap: 2 3 4 | 11 14 | 22 23 | 25 | 39 | 41 42 | 49 55 | 60 64
            "19" + "62123456789012345670" +            // DE 2
            "000000" + "000000000100" +                // DE 3, 4
            "000008" +                                 // DE 11: the trace number of the reversed sale
            "2812" + "0510" + "0001" + "00" +          // DE 14, 22, 23, 25
            "3938" +                                   // DE 39 "98": no answer in time
            Tid + Mid + "313536" +                     // DE 41, 42, 49
            "0012" + "9F360200089505" + "0000000000" + // DE 55: LLL=12: 9F36 ATC, 95 TVR
            "0013" + "22000001000600" +                // DE 60 as in the sale
            "0102030405060708";                        // DE 64
        Iso8583Message m = ParseAndRepack(hex);
        Assert.Equal("0400", m.Mti);
        Assert.Equal(new[] { 2, 3, 4, 11, 14, 22, 23, 25, 39, 41, 42, 49, 55, 60, 64 }, m.PresentFields());
        Assert.Equal(UnionPayMessages.ReversalNoResponse, m.GetString(39));
        Assert.Equal(8, m.GetNumeric(11));
        Assert.Equal("9F360200089505" + "0000000000", Hex.Encode(m.GetBytes(55)));
    }

    [Fact]
    public void Refund_0220_advice_parses_field_by_field()
    {
        string hex =
            Tpdu + Header +
            "0220" +                                   // MTI 0220
            "7024068008C0801B" +                       // bitmap: 2 3 4 | 11 14 | 22 23 | 25 | 37 | 41 42 | 49 | 60 61 63 64
            "19" + "62123456789012345670" +            // DE 2
            "200000" + "000000000050" +                // DE 3 refund, DE 4 0.50
            "000009" + "2812" + "0510" + "0001" + "00" + // DE 11, 14, 22, 23, 25
            "313233343536373839303132" +               // DE 37 original RRN "123456789012"
            Tid + Mid + "313536" +                     // DE 41, 42, 49
            "0013" + "25000001000600" +                // DE 60: 25 | 000001 | 000 | 6 | 0
            "0016" + "0000010000070315" +              // DE 61: original batch 000001, trace 000007, date 0315
            "0003" + "303030" +                        // DE 63 "000"
            "1112131415161718";                        // DE 64
        Iso8583Message m = ParseAndRepack(hex);
        Assert.Equal("0220", m.Mti);
        Assert.Equal("200000", m.GetString(3));
        Assert.Equal(50, m.GetNumeric(4));
        Assert.Equal("123456789012", m.GetString(37));
        Assert.Equal(UnionPayMessages.TypeRefund, UnionPayField60.Parse(m.GetString(60)).TransactionType);
        Assert.Equal("0000010000070315", m.GetString(61));
        Assert.Equal("000", m.GetString(63));
    }

    [Fact]
    public void Settlement_0500_with_totals_in_field_48()
    {
        string hex =
            Tpdu + Header +
            "0500" +                                   // MTI 0500
            "0020000000C18012" +                       // bitmap: 11 | 41 42 48 | 49 | 60 63
            "000020" +                                 // DE 11
            Tid + Mid +                                // DE 41, 42
            "0062" +                                   // DE 48: LLL=62 digits (31 bytes)
            "000000012345" + "003" +                   //   domestic debits 123.45 in 3 transactions
            "000000001000" + "001" + "0" +             //   domestic credits 10.00 in 1, result code 0 (request)
            "000000000000" + "000" +                   //   foreign debits none
            "000000000000" + "000" + "0" +             //   foreign credits none, result 0
            "313536" +                                 // DE 49 "156"
            "0011" + "000000012010" +                  // DE 60: 00 | 000001 | 201 (settlement), pad 0
            "0003" + "303031";                         // DE 63 operator "001"
        Iso8583Message m = ParseAndRepack(hex);
        Assert.Equal("0500", m.Mti);
        UnionPaySettlementTotals totals = UnionPaySettlementTotals.Parse(m.GetString(48));
        Assert.Equal(12345, totals.Domestic.DebitAmount);
        Assert.Equal(3, totals.Domestic.DebitCount);
        Assert.Equal(1000, totals.Domestic.CreditAmount);
        Assert.Equal(1, totals.Domestic.CreditCount);
        Assert.Equal(UnionPayCardTotals.ResultRequest, totals.Domestic.Result);
        Assert.Equal(0, totals.Foreign.DebitCount);
        Assert.Equal(UnionPayMessages.NetSettlement, UnionPayField60.Parse(m.GetString(60)).NetworkCode);
        Assert.Equal("001", m.GetString(63));
    }

    [Fact]
    public void Echo_test_0820_parses_field_by_field()
    {
        string hex =
            Tpdu + Header +
            "0820" +                                   // MTI 0820
            "0020000000C00010" +                       // bitmap: 11 | 41 42 | 60
            "000021" + Tid + Mid +                     // DE 11, 41, 42
            "0011" + "000000013010";                   // DE 60: 00 | 000001 | 301 (echo test), pad 0
        Iso8583Message m = ParseAndRepack(hex);
        Assert.Equal("0820", m.Mti);
        Assert.Equal(new[] { 11, 41, 42, 60 }, m.PresentFields());
        Assert.Equal(UnionPayMessages.NetEchoTest, UnionPayField60.Parse(m.GetString(60)).NetworkCode);
    }

    [Fact]
    public void Pre_authorization_0100_parses_field_by_field()
    {
        string hex =
            Tpdu + Header +
            "0100" +                                   // MTI 0100
            "7024068000C08010" +                       // bitmap: 2 3 4 | 11 14 | 22 23 | 25 | 41 42 | 49 | 60
            "19" + "62123456789012345670" +            // DE 2
            "030000" + "000000050000" +                // DE 3 pre-authorization, DE 4 500.00
            "000010" + "2812" + "0710" + "0001" +      // DE 11, 14, 22 "071" (contactless) left-aligned, 23
            "06" +                                     // DE 25 06: pre-authorization
            Tid + Mid + "313536" +                     // DE 41, 42, 49
            "0013" + "10000001000600";                 // DE 60: 10 | 000001 | 000 | 6 | 0
        Iso8583Message m = ParseAndRepack(hex);
        Assert.Equal("0100", m.Mti);
        Assert.Equal("030000", m.GetString(3));
        Assert.Equal("071", m.GetString(22));
        Assert.Equal("06", m.GetString(25));
        Assert.Equal(UnionPayMessages.TypePreAuthorization, UnionPayField60.Parse(m.GetString(60)).TransactionType);
    }
}
