using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.Firmware.Core.HostLink.Session;
using Terminal.Firmware.Core.Journal;
using Xunit;

namespace Terminal.Tests.HostLink.Session;

/// <summary>
/// <see cref="AuthorisationRequestBuilder"/>: a request from a known kernel <see cref="Terminal.EmvKernel.Kernel.OnlineRequest"/>
/// packs to a byte image written by hand from the dialect's field table (docs/host-protocol.md; encodings as in
/// Generic87ImageTests), and the UnionPay request carries the dialect's DE 22, 25, 60 values.
/// </summary>
public class AuthorisationRequestBuilderTests
{
    // '5A' 4761739001010010, '5F34' 01, '5F24' 251231, '57' 4761739001010010 D 2512 201 11438 F (odd: pad F).
    private const string Pan = "4761739001010010";
    private const string Track2Equivalent = "4761739001010010D251220111438F";
    // Field 55 as the kernel hands it: 9F26 (ARQC, 8 bytes) and 9F27 (CID 80): 11 + 4 = 15 bytes.
    private const string Icc = "9F26081122334455667788" + "9F270180";
    private static readonly DateTime Local = new(2026, 3, 15, 10, 30, 45);

    private static AuthorisationRequest ChipSale(long amount) =>
        new(TransactionKind.Sale, amount, CardEntry.Chip, KernelData.OnlineRequest(Icc, Pan, "01", "251231", Track2Equivalent, true));

    [Fact]
    public void Generic_chip_sale_with_pin_and_ksn_packs_to_the_hand_built_image()
    {
        var r = ChipSale(1000);
        r.PinBlock = Convert.FromHexString("0123456789ABCDEF");
        r.Ksn = Convert.FromHexString("FFFF9876543210E00001");
        var builder = AuthorisationRequestBuilder.Generic("TERM0001", "MERCHANT0000001", "978");
        Iso8583Message m = builder.Build(r, 123, 1, Local, Local);

        string expected =
            "0200" +                                   // MTI 0200 (sale: financial request)
            "723C068020C09A04" +                       // bitmap: 2 3 4 7 | 11 12 13 14 | 22 23 | 25 | 35 | 41 42 | 49 52 53 55 | 62
            "16" + Pan +                               // DE 2 from '5A': LL=16, BCD
            "000000" +                                 // DE 3 purchase
            "000000001000" +                           // DE 4 10.00
            "0315103045" +                             // DE 7 from the UTC clock (offset 0) MMDDhhmmss
            "000123" +                                 // DE 11 = the trace given
            "103045" + "0315" +                        // DE 12 hhmmss, DE 13 MMDD of the local clock
            "2512" +                                   // DE 14 YYMM = first two bytes of '5F24'
            "0051" +                                   // DE 22 "051": chip (05), PIN capable (1)
            "0001" +                                   // DE 23 "001": '5F34' 01 right-aligned in n3
            "00" +                                     // DE 25 normal
            "29" + "4761739001010010D2512201114380" +  // DE 35 from '57': 29 characters ('F' pad dropped), D separator, pad 0
            "5445524D30303031" +                       // DE 41 "TERM0001"
            "4D45524348414E5430303030303031" +         // DE 42 "MERCHANT0000001"
            "0978" +                                   // DE 49
            "0123456789ABCDEF" +                       // DE 52 the enciphered PIN block as given
            "1000000000000000" +                       // DE 53: TDES DUKPT (1), format 0 (0), card data clear (0)
            "0015" + Icc +                             // DE 55 = the kernel's field 55, LLL=015
            "0010" + "FFFF9876543210E00001";           // DE 62 = the KSN, LLL=010
        Assert.Equal(expected, Hex.Encode(Generic87Dialect.Dialect.Pack(m)));
    }

    [Fact]
    public void Generic_refund_and_preauthorisation_use_their_processing_codes_and_mtis()
    {
        var builder = AuthorisationRequestBuilder.Generic("TERM0001", "MERCHANT0000001", "978");
        var refund = new AuthorisationRequest(TransactionKind.Refund, 500, CardEntry.Contactless,
            KernelData.OnlineRequest(Icc, Pan, null, "251231", null, false));
        Iso8583Message m = builder.Build(refund, 7, 1, Local, Local);
        Assert.Equal("0200", m.Mti);
        Assert.Equal("200000", m.GetString(3));                 // refund
        Assert.Equal("071", m.GetString(22));                   // contactless
        Assert.False(m.Has(23));                                // no '5F34'
        Assert.False(m.Has(35));                                // no '57'
        Assert.False(m.Has(52));
        Assert.False(m.Has(53));                                // no KSN given: the authenticator adds DE 53/62

        var pre = new AuthorisationRequest(TransactionKind.PreAuthorization, 500, CardEntry.Chip,
            KernelData.OnlineRequest(Icc, Pan, "01", "251231", null, false));
        Assert.Equal("0100", builder.Build(pre, 8, 1, Local, Local).Mti);

        var voidTx = new AuthorisationRequest(TransactionKind.Void, 500, CardEntry.Chip,
            KernelData.OnlineRequest(Icc, Pan, "01", "251231", null, false));
        Assert.Throws<ArgumentException>(() => builder.Build(voidTx, 9, 1, Local, Local));   // dialect A voids by reversal
    }

    [Fact]
    public void Magstripe_and_fallback_put_the_track_in_de35_and_the_entry_mode_in_de22()
    {
        var builder = AuthorisationRequestBuilder.Generic("TERM0001", "MERCHANT0000001", "978");
        var stripe = new AuthorisationRequest(TransactionKind.Sale, 100, CardEntry.Magstripe, "4761739001010010=251220111438");
        Iso8583Message m = builder.Build(stripe, 1, 1, Local, Local);
        Assert.Equal("901", m.GetString(22));
        Assert.Equal("4761739001010010", m.GetString(2));      // PAN = track 2 before '='
        Assert.Equal("4761739001010010=251220111438", m.GetString(35));
        Assert.False(m.Has(55));
        Assert.Equal("476173******0010", stripe.MaskedPan());

        var fallback = new AuthorisationRequest(TransactionKind.Sale, 100, CardEntry.Fallback, "4761739001010010=251220111438");
        Assert.Equal("801", builder.Build(fallback, 2, 1, Local, Local).GetString(22));
    }

    [Fact]
    public void UnionPay_sale_carries_header_de22_pin_digit_de26_de53_and_field_60()
    {
        var r = ChipSale(1234);
        r.PinBlock = Convert.FromHexString("1122334455667788");
        var builder = AuthorisationRequestBuilder.UnionPay(UnionPayHeader.ForHost(3), "12345678", "123456789012345", "156");
        Iso8583Message m = builder.Build(r, 42, 5, Local, Local);
        Assert.Equal("0200", m.Mti);
        Assert.Equal("000000", m.GetString(3));
        Assert.Equal(1234, m.GetNumeric(4));
        Assert.Equal(42, m.GetNumeric(11));
        Assert.Equal("051", m.GetString(22));                   // UnionPay: 05 chip, 1 = PIN included
        Assert.Equal("00", m.GetString(25));
        Assert.Equal("12", m.GetString(26));                    // PIN capture code default
        Assert.Equal("1122334455667788", Hex.Encode(m.GetBytes(52)));
        Assert.Equal("2600000000000000", m.GetString(53));      // 53.1 2 (format with PAN), 53.2 6 (double-length keys)
        Assert.Equal("156", m.GetString(49));
        // 60: 60.1 "22" sale, 60.2 batch 000005, 60.3 000, 60.4 6, 60.5 0.
        Assert.Equal("22000005000" + "60", m.GetString(60));
        Assert.False(m.Has(62));                                // no DUKPT fields in this dialect
        byte[] packed = UnionPayDialect.Dialect.Pack(m);
        Assert.Equal("6000030000", Hex.Encode(packed, 0, 5));   // TPDU 60 | destination 0003 | source 0000

        var noPin = ChipSale(1);
        Assert.Equal("052", builder.Build(noPin, 43, 5, Local, Local).GetString(22));   // 2 = no PIN
    }

    [Fact]
    public void UnionPay_void_and_refund_carry_the_original_references()
    {
        var builder = AuthorisationRequestBuilder.UnionPay(UnionPayHeader.ForHost(3), "12345678", "123456789012345", "156");
        var v = ChipSale(1234);
        var voidTx = new AuthorisationRequest(TransactionKind.Void, 1234, CardEntry.Chip, v.Card)
        {
            OriginalRrn = "000000000777", OriginalAuthorizationCode = "A1B2C3", OriginalStan = 41, OriginalBatchNumber = 5,
        };
        Iso8583Message m = builder.Build(voidTx, 44, 5, Local, Local);
        Assert.Equal("200000", m.GetString(3));
        Assert.Equal("000000000777", m.GetString(37));
        Assert.Equal("A1B2C3", m.GetString(38));
        Assert.Equal("000005000041", m.GetString(61));          // 61.1 batch, 61.2 trace
        Assert.StartsWith("23", m.GetString(60));               // 60.1 sale void

        var refund = new AuthorisationRequest(TransactionKind.Refund, 1234, CardEntry.Chip, v.Card)
        {
            OriginalRrn = "000000000777", OriginalStan = 41, OriginalBatchNumber = 5, OriginalDate = "0314",
        };
        Iso8583Message f = builder.Build(refund, 45, 5, Local, Local);
        Assert.Equal("0220", f.Mti);
        Assert.Equal("0000050000410314", f.GetString(61));      // + 61.3 original date
    }

    [Fact]
    public void Advice_of_an_offline_approval_carries_the_arc_and_a_clear_pan_without_track_or_pin()
    {
        var r = ChipSale(900);
        r.PinBlock = Convert.FromHexString("0123456789ABCDEF");
        var builder = AuthorisationRequestBuilder.Generic("TERM0001", "MERCHANT0000001", "978");
        Iso8583Message a = builder.BuildAdvice(r, 77, 1, Local, Local, "Y1");
        Assert.Equal("0220", a.Mti);
        Assert.Equal(Pan, a.GetString(2));
        Assert.Equal("Y1    ", a.GetString(38));
        Assert.Equal("Y1", a.GetString(39));
        Assert.False(a.Has(35));
        Assert.False(a.Has(52));
        Assert.Equal(Icc, Hex.Encode(a.GetBytes(55)));
    }
}
