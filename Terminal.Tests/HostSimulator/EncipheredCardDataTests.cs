using System.Security.Cryptography;
using CsCheck;
using Terminal.Tests.Tlv;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.Firmware.Core.HostLink.Security;
using Terminal.HostSimulation;
using Xunit;

namespace Terminal.Tests.HostSimulation;

/// <summary>
/// Generic dialect requests whose PAN and track 2 travel enciphered in DE 57 under the DUKPT data key of the
/// request's KSN (DE 53 digit 3 = 1): the host deciphers them with the BDK-derived key and answers exactly as for
/// clear DE 2/35; undecipherable card data is declined with 88 and not counted.
/// </summary>
public class EncipheredCardDataTests
{
    private const string Track2 = HostKit.VisaPan + "=30122011000";

    [Theory]
    [InlineData(DukptScheme.Tdes)]
    [InlineData(DukptScheme.Aes)]
    public void Sale_with_enciphered_track2_is_approved_and_counted_under_the_deciphered_pan(DukptScheme scheme)
    {
        var host = HostKit.Host();
        var t = HostKit.Terminal(host, scheme: scheme);
        t.EncipherCardData = true;
        Iso8583Message request = t.Sale(HostKit.VisaPan, 2500, "1234", HostKit.IccData(2500), Track2);
        Assert.False(request.Has(2));
        Assert.False(request.Has(35));
        Assert.True(request.Has(57));
        Assert.Equal('1', request.GetString(53)[2]);

        Iso8583Message r = HostKit.Send(host, t, request);
        Assert.Equal("00", r.GetString(39));
        Assert.False(r.Has(2));                                  // the answer echoes no clear PAN either
        Assert.True(r.Has(55));                                  // ARQC verified, ARPC returned: DE 55 handled as before
        var counted = Assert.Single(host.Ledger.Counted());
        Assert.Equal("476173******0301", counted.MaskedPan);     // first 6, last 4 of the deciphered PAN
        Assert.Equal(2500, counted.Amount);
        Assert.Equal(1_000_000 - 2500, host.Account(HostKit.VisaPan).Balance);   // the right account was debited
    }

    [Fact]
    public void De57_deciphers_independently_with_the_bcl_under_the_x9_24_data_key_of_the_ksn()
    {
        var host = HostKit.Host();
        var t = HostKit.Terminal(host);
        t.EncipherCardData = true;
        Iso8583Message request = t.Sale(HostKit.VisaPan, 100, null, null, Track2);
        byte[] ksn = request.GetBytes(62);
        // Data request key = one-way(transaction key xor 0000000000FF0000 0000000000FF0000) (X9.24-1 A.4), from
        // the published test BDK; then TDES-CBC with a zero IV in the BCL.
        byte[] bdk = Convert.FromHexString("0123456789ABCDEFFEDCBA9876543210");
        byte[] tk = TdesDukpt.DeriveTransactionKey(TdesDukpt.DeriveIpek(bdk, ksn), ksn);
        byte[] kv = (byte[])tk.Clone();
        kv[5] ^= 0xFF; kv[13] ^= 0xFF;
        using var variant = TripleDES.Create();
        variant.Key = kv.Concat(kv.Take(8)).ToArray();
        byte[] dataKey = variant.EncryptEcb(kv, PaddingMode.None);
        using var d = TripleDES.Create();
        d.Key = dataKey.Concat(dataKey.Take(8)).ToArray();
        byte[] clear = d.DecryptCbc(request.GetBytes(57), new byte[8], PaddingMode.None);
        // 02 10 PAN (16 digits), 35 1C track 2 (16 + 12 = 28 characters): 48 bytes, no padding needed.
        string expected = "0210" + Convert.ToHexString(System.Text.Encoding.ASCII.GetBytes(HostKit.VisaPan))
            + "351C" + Convert.ToHexString(System.Text.Encoding.ASCII.GetBytes(Track2));
        Assert.Equal(expected, Convert.ToHexString(clear));
    }

    [Theory]
    [InlineData(DukptScheme.Tdes)]
    [InlineData(DukptScheme.Aes)]
    public void Undecipherable_card_data_is_declined_88_and_not_counted(DukptScheme scheme)
    {
        var host = HostKit.Host();
        var t = HostKit.Terminal(host, scheme: scheme);
        t.EncipherCardData = true;
        Iso8583Message request = t.Sale(HostKit.VisaPan, 100, null, HostKit.IccData(100), Track2);
        byte[] f57 = request.GetBytes(57);
        f57[0] ^= 0x01;                                          // garbles the first block; the MAC is then computed over it
        request.SetBytes(57, f57);
        Iso8583Message r = HostKit.Send(host, t, request);
        Assert.Equal(HostRules.CardDataUndecipherable, r.GetString(39));
        Assert.Equal("88", r.GetString(39));
        Assert.Empty(host.Ledger.Entries());

        // The right data enciphered under another KSN's data key (a replayed DE 57) is refused as well.
        var other = HostKit.Terminal(host, scheme: scheme, device: 2);
        other.EncipherCardData = true;
        Iso8583Message first = other.Sale(HostKit.VisaPan, 100, null, null, Track2);
        byte[] stale = first.GetBytes(57);
        Iso8583Message second = other.Sale(HostKit.VisaPan, 100, null, null, Track2);
        second.SetBytes(57, stale);
        Assert.Equal("88", HostKit.Send(host, other, second).GetString(39));
        Assert.Empty(host.Ledger.Entries());
    }

    [Fact]
    public void Clear_requests_are_unchanged()
    {
        var host = HostKit.Host();
        var t = HostKit.Terminal(host);
        Iso8583Message request = t.Sale(HostKit.VisaPan, 100, "1234", HostKit.IccData(100), Track2);
        Assert.True(request.Has(2) && request.Has(35) && !request.Has(57));
        Assert.Equal("1000000000000000", request.GetString(53));
        Assert.Equal("00", HostKit.Send(host, t, request).GetString(39));
    }

    [Fact]
    public void Random_de57_under_a_valid_mac_is_answered_88_without_exception()
    {
        var host = HostKit.Host();
        var t = HostKit.Terminal(host, scheme: DukptScheme.Aes);
        t.EncipherCardData = true;
        TlvGen.ArrayOf(Gen.Byte, 0, 80).Sample(f57 =>
        {
            Iso8583Message request = t.Sale(HostKit.VisaPan, 100, null, null, Track2);
            request.SetBytes(57, f57);
            Iso8583Message r = HostKit.Send(host, t, request);
            Assert.Equal("88", r.GetString(39));
        }, iter: Math.Max(50, FuzzIterations.Value / 1000), threads: 1);
        Assert.Empty(host.Ledger.Entries());
    }
}
