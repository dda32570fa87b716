using Xunit;
using Terminal.EmvKernel.Contactless.QuickKernel;
using Terminal.EmvKernel.Oda;
using Terminal.EmvKernel.Tlv;
using Terminal.EmvKernel.Util;
using Terminal.Tests.VirtualCards.Library;
using Terminal.VirtualCards.Personalisation;
using static Terminal.Tests.Contactless.QuickKernel.QuickKernelTestSupport;
using QK = Terminal.EmvKernel.Contactless.QuickKernel.QuickKernel;

namespace Terminal.Tests.Contactless.QuickKernel;

/// <summary>
/// fDDA checked against an independent oracle (BigInteger RSA and SHA-1): the GPO signature '9F4B' of the offline
/// cards recovers under the card's ICC key to 6A 05 01 ... BC whose hash covers
/// [format .. pad] || 9F37 || 9F02 || 5F2A || 9F69 (Book C-3 fDDA, notes section 5), and the kernel agrees.
/// </summary>
public class QuickKernelFddaTests
{
    [Theory]
    [InlineData("visa-qvsdc-offline-fdda")]
    [InlineData("unionpay-pboc-debit")]
    public void Gpo_signature_covers_un_amount_currency_and_card_authentication_data(string name)
    {
        CardProfile profile = CardLibrary.Profile(name);
        PkiKeyFile icc = CardLibrary.KeyFile(profile.ApplicationAt(profile.ApplicationCount - 1).Keys.Text("icc"));
        var tap = new Tap(CardLibrary.Image(name));
        QuickKernelCardRead read = QK.ReadCard(tap.Transport, tap.Fci, ReferenceTerminal(ReaderTtq));
        Assert.True(read.CardReadComplete);

        byte[] sdad = read.Card.Get(0x9F4B);
        byte[] x = IndependentOda.Recover(icc.PrivateKey.Modulus, icc.PrivateKey.PublicExponent, sdad);
        // The signed terminal data, written out: UN 1A2B3C4D | amount 000000001000 | currency 0156 | 9F69 as read.
        byte[] signed = [.. Hex.Decode(Un), .. Hex.Decode("000000001000"), .. Hex.Decode("0156"), .. read.Card.Get(0x9F69)];
        Assert.Equal(0x6A, x[0]);
        Assert.Equal(0x05, x[1]);
        Assert.Equal(0xBC, x[^1]);
        Assert.Equal(IndependentOda.HashField(x), IndependentOda.Hash(x, signed));
        Assert.Equal(0x01, read.Card.Get(0x9F69)[0]); // fDDA version 01

        Assert.Equal(OdaFailure.None, FastDynamicDataAuthentication.Verify(read, KernelConfiguration().CaKeys));
        Assert.Equal(x[5..(5 + x[4])], read.Card.Get(0x9F4C)); // ICC Dynamic Number kept as 9F4C
    }

    [Fact]
    public void Fdda_signature_made_for_another_amount_fails()
    {
        // The card signs the amount of its PDOL data; the kernel checks against a different 9F02 -> hash mismatch.
        var tap = new Tap(CardLibrary.Image("visa-qvsdc-offline-fdda"));
        QuickKernelCardRead read = QK.ReadCard(tap.Transport, tap.Fci, ReferenceTerminal(ReaderTtq));
        read.Terminal.Set(0x9F02, Hex.Decode("000000009999"));
        Assert.Equal(OdaFailure.HashMismatch, FastDynamicDataAuthentication.Verify(read, KernelConfiguration().CaKeys));
    }

    [Fact]
    public void Card_authentication_data_of_another_version_fails_fdda()
    {
        var tap = new Tap(QuickKernelTestSupport.Image("visa-qvsdc-offline-fdda", Set("card-auth-data", "02000000000000")));
        QuickKernelResult r = tap.Run(ReferenceTerminal(ReaderTtq));
        Assert.Equal(OdaFailure.BadFormat, r.FddaFailure);
        Assert.Equal(QuickKernelOutcome.Declined, r.Outcome);
    }

    [Fact]
    public void Fdda_for_online_reports_a_failure_in_the_tvr_only()
    {
        // ARQC with a tampered signature; TTQ 37 = 36 | 01 (B1b1 ODA for online authorisations) and the
        // configuration enabling it: fDDA runs, fails (TVR B1b4 -> 08 00 00 00 00) and the request still goes online.
        var tap = new Tap(QuickKernelTestSupport.Image("visa-qvsdc-offline-fdda",
            All(Set("contactless-decision", "arqc"), Behaviour("tamper-signatures = yes"))));
        var configuration = KernelConfiguration();
        configuration.FddaForOnline = true;
        QuickKernelResult r = tap.Run(ReferenceTerminal("37004000"), configuration);
        Assert.Equal(QuickKernelOutcome.OnlineRequest, r.Outcome);
        Assert.True(r.FddaPerformed);
        Assert.Equal("0800000000", Hex.Encode(r.Tvr));
        Assert.Equal("0800000000", Hex.Encode(TlvParser.Parse(r.AuthorisationData.IccData).FindValue(0x95)));
    }
}
