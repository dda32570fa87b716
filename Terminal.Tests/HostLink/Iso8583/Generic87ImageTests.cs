using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Xunit;

namespace Terminal.Tests.HostLink.Iso8583;

/// <summary>
/// Hand-built byte images of dialect A (ISO 8583:1987 generic), one per message class, written segment by segment
/// from the encodings of host-and-crypto.md §2.4 (jPOS iso87binary.xml) and checked field by field. Each image
/// must also be what the packer produces from the parsed message (the parser is canonical).
/// </summary>
public class Generic87ImageTests
{
    private static Iso8583Message ParseAndRepack(string hex)
    {
        byte[] image = Hex.Decode(hex);
        Iso8583Message m = Generic87Dialect.Dialect.Parse(image);
        Assert.Equal(Hex.Encode(image), Hex.Encode(Generic87Dialect.Dialect.Pack(m)));
        return m;
    }

    [Fact]
    public void Financial_0200_with_field_55_parses_field_by_field()
    {
        string hex =
            "0200" +                                   // MTI 0200, BCD
            "723C068020C09200" +                       // bitmap: 2 3 4 7 | 11 12 13 14 | 22 23 | 25 | 35 | 41 42 | 49 52 55
            "16" + "4761739001010010" +                // DE 2: LL=16 (BCD), 16 digits
            "000000" +                                 // DE 3 processing code
            "000000001000" +                           // DE 4 amount 10.00
            "0315103045" +                             // DE 7 MMDDhhmmss
            "000123" +                                 // DE 11 STAN
            "103045" +                                 // DE 12 hhmmss
            "0315" +                                   // DE 13 MMDD
            "2512" +                                   // DE 14 YYMM
            "0051" +                                   // DE 22 "051", n3 left-padded
            "0001" +                                   // DE 23 "001"
            "00" +                                     // DE 25
            "29" + "4761739001010010D2512201114380" +  // DE 35: LL=29 characters, '=' as D, pad nibble 0 last
            "5445524D30303031" +                       // DE 41 "TERM0001"
            "4D45524348414E5430303030303031" +         // DE 42 "MERCHANT0000001"
            "0978" +                                   // DE 49 978, n3 left-padded
            "0123456789ABCDEF" +                       // DE 52 PIN block, 8 bytes
            "0124" + Iso8583TestData.VisaIccData;      // DE 55: LLL=0124 (BCD) + 124 bytes of TLV
        Iso8583Message m = ParseAndRepack(hex);
        Assert.Equal("0200", m.Mti);
        Assert.Null(m.Header);
        Assert.Equal(new[] { 2, 3, 4, 7, 11, 12, 13, 14, 22, 23, 25, 35, 41, 42, 49, 52, 55 }, m.PresentFields());
        Assert.Equal("4761739001010010", m.GetString(2));
        Assert.Equal("000000", m.GetString(3));
        Assert.Equal(1000, m.GetNumeric(4));
        Assert.Equal("0315103045", m.GetString(7));
        Assert.Equal(123, m.GetNumeric(11));
        Assert.Equal("103045", m.GetString(12));
        Assert.Equal("0315", m.GetString(13));
        Assert.Equal("2512", m.GetString(14));
        Assert.Equal("051", m.GetString(22));
        Assert.Equal("001", m.GetString(23));
        Assert.Equal("00", m.GetString(25));
        Assert.Equal("4761739001010010=251220111438", m.GetString(35));
        Assert.Equal("TERM0001", m.GetString(41));
        Assert.Equal("MERCHANT0000001", m.GetString(42));
        Assert.Equal("978", m.GetString(49));
        Assert.Equal("0123456789ABCDEF", Hex.Encode(m.GetBytes(52)));
        Assert.Equal(124, m.GetBytes(55).Length);
        Assert.Equal(Iso8583TestData.VisaIccData, Hex.Encode(m.GetBytes(55)));
    }

    [Fact]
    public void Authorization_response_0110_parses_field_by_field()
    {
        string hex =
            "0110" +                                   // MTI 0110
            "323800000E800200" +                       // bitmap: 3 4 7 | 11 12 13 | 37 38 39 | 41 | 55
            "000000" + "000000001000" + "0315103046" + // DE 3, 4, 7
            "000123" + "103045" + "0315" +             // DE 11, 12, 13
            "353036373132333435363738" +               // DE 37 RRN "506712345678"
            "413142324333" +                           // DE 38 "A1B2C3"
            "3030" +                                   // DE 39 "00"
            "5445524D30303031" +                       // DE 41 "TERM0001"
            "0016" + "910A11223344556677883030" + "8A023030"; // DE 55: LLL=16: 91 (ARPC + ARC), 8A
        Iso8583Message m = ParseAndRepack(hex);
        Assert.Equal("0110", m.Mti);
        Assert.Equal(new[] { 3, 4, 7, 11, 12, 13, 37, 38, 39, 41, 55 }, m.PresentFields());
        Assert.Equal("506712345678", m.GetString(37));
        Assert.Equal("A1B2C3", m.GetString(38));
        Assert.Equal("00", m.GetString(39));
        Assert.Equal("910A112233445566778830308A023030", Hex.Encode(m.GetBytes(55)));
        Assert.Equal("0315103046", m.GetString(7));
    }

    [Fact]
    public void Reversal_0400_with_secondary_bitmap_and_field_90()
    {
        string hex =
            "0400" +                                   // MTI 0400
            "F238048002C08000" +                       // primary: 1 (secondary follows) 2 3 4 7 | 11 12 13 | 22 | 25 | 39 | 41 42 | 49
            "0000004000000000" +                       // secondary: bit 26 = DE 90
            "16" + "4761739001010010" +                // DE 2
            "000000" + "000000001000" +                // DE 3, 4
            "0315103115" +                             // DE 7 of the reversal
            "000124" +                                 // DE 11: a new trace number
            "103045" + "0315" +                        // DE 12, 13 of the original
            "0051" + "00" +                            // DE 22, 25
            "3638" +                                   // DE 39 "68" reason
            "5445524D30303031" +                       // DE 41
            "4D45524348414E5430303030303031" +         // DE 42
            "0978" +                                   // DE 49
            "0200" + "000123" + "0315103045" +         // DE 90: original MTI, STAN, DE 7 (n42 in 21 BCD bytes)
            "0000000000000000000000";                  //         acquirer ID and forwarding ID, 11 + 11 zeros
        Iso8583Message m = ParseAndRepack(hex);
        Assert.Equal("0400", m.Mti);
        Assert.Equal(new[] { 2, 3, 4, 7, 11, 12, 13, 22, 25, 39, 41, 42, 49, 90 }, m.PresentFields());
        Assert.Equal("68", m.GetString(39));
        Assert.Equal("020000012303151030450000000000000000000000", m.GetString(90));
        Assert.Equal(124, m.GetNumeric(11));
    }

    [Fact]
    public void Advice_0220_offline_approval()
    {
        string hex =
            "0220" +                                   // MTI 0220
            "7238068006C08200" +                       // bitmap: 2 3 4 7 | 11 12 13 | 22 23 | 25 | 38 39 | 41 42 | 49 55
            "16" + "4761739001010010" +                // DE 2
            "000000" + "000000001000" + "0315103045" + // DE 3, 4, 7
            "000125" + "103045" + "0315" +             // DE 11, 12, 13
            "0051" + "0001" + "00" +                   // DE 22, 23, 25
            "593120202020" +                           // DE 38 "Y1    "
            "5931" +                                   // DE 39 "Y1" (offline approved)
            "5445524D30303031" +                       // DE 41
            "4D45524348414E5430303030303031" +         // DE 42
            "0978" +                                   // DE 49
            "0011" + "9F2608" + "1122334455667788";   // DE 55: LLL=11, 9F26 (TC)
        Iso8583Message m = ParseAndRepack(hex);
        Assert.Equal("0220", m.Mti);
        Assert.Equal("Y1    ", m.GetString(38));
        Assert.Equal("Y1", m.GetString(39));
        Assert.Equal("9F26081122334455667788", Hex.Encode(m.GetBytes(55)));
        Assert.False(m.Has(52));
    }

    [Fact]
    public void Reconciliation_0500_with_totals_in_the_secondary_bitmap()
    {
        string hex =
            "0500" +                                   // MTI 0500
            "A220000000C00010" +                       // primary: 1 3 7 | 11 | 41 42 | 60
            "0078078080000000" +                       // secondary: 74 75 76 77 | 86 87 88 | 89 | 97
            "920000" +                                 // DE 3 reconciliation
            "0315180000" +                             // DE 7
            "000130" +                                 // DE 11
            "5445524D30303031" +                       // DE 41
            "4D45524348414E5430303030303031" +         // DE 42
            "0006" + "303030303031" +                  // DE 60: LLL=6, batch "000001" in ASCII
            "0000000001" +                             // DE 74 credits number 1 (n10, 5 bytes)
            "0000000000" +                             // DE 75 credit reversals 0
            "0000000003" +                             // DE 76 debits number 3
            "0000000001" +                             // DE 77 debit reversals 1
            "0000000000000500" +                       // DE 86 credits amount 5.00 (n16, 8 bytes)
            "0000000000000000" +                       // DE 87
            "0000000000004500" +                       // DE 88 debits amount 45.00
            "0000000000001000" +                       // DE 89 debit reversals 10.00
            "43" + "0000000000003000";                 // DE 97: 'C' + n16: (45.00 - 10.00) - 5.00 = 30.00
        Iso8583Message m = ParseAndRepack(hex);
        Assert.Equal(new[] { 3, 7, 11, 41, 42, 60, 74, 75, 76, 77, 86, 87, 88, 89, 97 }, m.PresentFields());
        Assert.Equal("000001", m.GetString(60));
        Assert.Equal("C0000000000003000", m.GetString(97));
        Generic87Totals totals = Generic87Totals.ReadFrom(m);
        Assert.Equal(1, totals.CreditsNumber);
        Assert.Equal(3, totals.DebitsNumber);
        Assert.Equal(1, totals.DebitsReversalNumber);
        Assert.Equal(4500, totals.DebitsAmount);
        Assert.Equal(3000, totals.NetAmount);
        Assert.Equal(m.GetString(97), totals.NetSettlement());
    }

    [Fact]
    public void Network_management_0800_sign_on_with_field_70()
    {
        string hex =
            "0800" +                                   // MTI 0800
            "8220000000800000" +                       // primary: 1 7 | 11 | 41
            "0400000000000000" +                       // secondary: bit 6 = DE 70
            "0315080000" +                             // DE 7
            "000001" +                                 // DE 11
            "5445524D30303031" +                       // DE 41
            "0001";                                    // DE 70 "001" sign-on, n3 left-padded
        Iso8583Message m = ParseAndRepack(hex);
        Assert.Equal("0800", m.Mti);
        Assert.Equal(new[] { 7, 11, 41, 70 }, m.PresentFields());
        Assert.Equal(Generic87Messages.NetworkSignOn, m.GetString(70));
    }

    [Fact]
    public void Tpdu_variant_carries_the_tpdu_in_the_header()
    {
        string hex =
            "6000030000" +                             // TPDU: 60, destination 0003, source 0000
            "0800" + "8220000000800000" + "0400000000000000" +
            "0315080000" + "000001" + "5445524D30303031" + "0301";  // DE 70 "301" echo
        byte[] image = Hex.Decode(hex);
        Iso8583Message m = Generic87Dialect.DialectWithTpdu.Parse(image);
        Assert.Equal("6000030000", Hex.Encode(m.Header));
        Tpdu tpdu = Tpdu.Read(m.Header, 0);
        Assert.Equal(3, tpdu.Destination);
        Assert.Equal(0, tpdu.Source);
        Assert.Equal("301", m.GetString(70));
        Assert.Equal(hex, Hex.Encode(Generic87Dialect.DialectWithTpdu.Pack(m)));
    }
}
