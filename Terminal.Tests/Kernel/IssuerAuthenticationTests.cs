using Xunit;
using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.DataObjects;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Util;
using static Terminal.Tests.Kernel.KernelTestSupport;

namespace Terminal.Tests.Kernel;

/// <summary>
/// Issuer authentication (EMV 4.4 Book 3, 10.9) against scripted and library cards. Expected values by hand from
/// Book 3 Annex C5/C6: TVR B5b7 "issuer authentication failed" = 00 00 00 00 40; TSI B1b5 "issuer authentication
/// was performed" = 10 00. EXTERNAL AUTHENTICATE is 00 82 00 00 Lc data, no Le (Book 3, 6.5.4); AIP B1b3 "issuer
/// authentication is supported" is 0x04 in byte 1, so AIP 3C00 has it and 3800 has not.
/// </summary>
public class IssuerAuthenticationTests
{
    /// <summary>Method 1 Issuer Authentication Data: ARPC 8 bytes || ARC '00' (3030).</summary>
    private const string Iad = "1122334455667788" + "3030";
    private const string ExternalAuthenticate = "008200000A" + Iad;

    private sealed class Run
    {
        public Run(string aip = "3C00", params string[] card)
        {
            Channel = Card(card);
            Transport = new ApduTransport(Channel);
            Aip = new ApplicationInterchangeProfile(Hex.Decode(aip));
        }

        public ReplayChannel Channel { get; }
        public ApduTransport Transport { get; }
        public ApplicationInterchangeProfile Aip { get; }
        public TerminalVerificationResults Tvr { get; } = new();
        public TransactionStatusInformation Tsi { get; } = new();
        public string TvrHex => Hex.Encode(Tvr.ToArray());
        public string TsiHex => Hex.Encode(Tsi.ToArray());

        public IssuerAuthenticationResult Go(string iad)
        {
            IssuerAuthenticationResult result = IssuerAuthentication.Run(Transport, Aip, iad == null ? null : Hex.Decode(iad), Tvr, Tsi);
            Channel.VerifyComplete();                    // every scripted command was sent, and no other
            return result;
        }
    }

    [Fact]
    public void Card_accepting_the_issuer_data_passes_and_only_the_tsi_bit_is_set()
    {
        var run = new Run("3C00", ExternalAuthenticate, "9000");
        Assert.Equal(IssuerAuthenticationResult.Passed, run.Go(Iad));
        Assert.Equal("0000000000", run.TvrHex);
        Assert.Equal("1000", run.TsiHex);
    }

    [Fact]
    public void Card_answering_6300_fails_issuer_authentication()
    {
        var run = new Run("3C00", ExternalAuthenticate, "6300");
        Assert.Equal(IssuerAuthenticationResult.Failed, run.Go(Iad));
        Assert.Equal("0000000040", run.TvrHex);
        Assert.Equal("1000", run.TsiHex);
    }

    // Book 3, 10.9: any SW1 SW2 other than '9000' is a failure, '6985' included (emv-utils terminates instead).
    [Theory]
    [InlineData("6985")]
    [InlineData("6A88")]
    [InlineData("6283")]
    public void Any_status_other_than_9000_is_a_failure_not_a_termination(string sw)
    {
        var run = new Run("3C00", ExternalAuthenticate, sw);
        Assert.Equal(IssuerAuthenticationResult.Failed, run.Go(Iad));
        Assert.Equal("0000000040", run.TvrHex);
        Assert.Equal("1000", run.TsiHex);
    }

    [Fact]
    public void Earlier_tvr_bits_are_kept()
    {
        var run = new Run("3C00", ExternalAuthenticate, "6300");
        run.Tvr.Set(TerminalVerificationResults.FloorLimitExceeded);          // 00 00 00 80 00
        run.Go(Iad);
        Assert.Equal("0000008040", run.TvrHex);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Without_issuer_authentication_data_nothing_happens(string iad)
    {
        var run = new Run("3C00");                            // no scripted command: any command would fail
        Assert.Equal(IssuerAuthenticationResult.NotPerformed, run.Go(iad));
        Assert.Equal("0000000000", run.TvrHex);
        Assert.Equal("0000", run.TsiHex);
    }

    // emv-utils online-processing test "IAD received, AIP does not support issuer authentication": no command,
    // TVR and TSI unchanged; the card gets '91' through CDOL2.
    [Fact]
    public void Card_without_issuer_authentication_support_gets_no_command()
    {
        var run = new Run("3800");
        Assert.Equal(IssuerAuthenticationResult.InCdol2, run.Go(Iad));
        Assert.Equal("0000000000", run.TvrHex);
        Assert.Equal("0000", run.TsiHex);
    }

    // Book 3 Annex A: '91' is 8 to 16 bytes. Outside that range no command can be built; the outcome is a
    // failure (documented decision on IssuerAuthentication).
    [Theory]
    [InlineData("01")]
    [InlineData("11223344556677")]                           // 7 bytes
    [InlineData("1122334455667788990011223344556677")]       // 17 bytes
    public void Issuer_data_of_a_wrong_length_fails_without_a_command(string iad)
    {
        var run = new Run("3C00");
        Assert.Equal(IssuerAuthenticationResult.Failed, run.Go(iad));
        Assert.Equal("0000000040", run.TvrHex);
        Assert.Equal("1000", run.TsiHex);
    }

    [Theory]
    [InlineData("1122334455667788", "00820000081122334455667788")]                                          // method 2, no proprietary data
    [InlineData("11223344556677881122334455667788", "00820000101122334455667788" + "1122334455667788")]      // 16 bytes, Lc 10
    public void Lengths_8_and_16_are_sent_whole(string iad, string command)
    {
        var run = new Run("3C00", command, "9000");
        Assert.Equal(IssuerAuthenticationResult.Passed, run.Go(iad));
    }

    // Book 3, 6.5.4.1: one EXTERNAL AUTHENTICATE per transaction; a second call repeats the first outcome.
    [Fact]
    public void Second_call_sends_nothing_and_repeats_the_outcome()
    {
        var run = new Run("3C00", ExternalAuthenticate, "6300");
        Assert.Equal(IssuerAuthenticationResult.Failed, run.Go(Iad));
        Assert.Equal(IssuerAuthenticationResult.Failed, run.Go(Iad));
        Assert.Equal("0000000040", run.TvrHex);

        var passed = new Run("3C00", ExternalAuthenticate, "9000");
        passed.Go(Iad);
        Assert.Equal(IssuerAuthenticationResult.Passed, passed.Go(Iad));
    }

    [Fact]
    public void Card_removed_ends_the_session()
    {
        var run = new Run("3C00", ExternalAuthenticate, "9000");
        run.Channel.RemoveCardBeforeStep(1);
        var e = Terminated(() => IssuerAuthentication.Run(run.Transport, run.Aip, Hex.Decode(Iad), run.Tvr, run.Tsi));
        Assert.Equal(KernelTerminationReason.CardRemoved, e.Reason);
    }

    // EXTERNAL AUTHENTICATE is case 3: response data is a malformed R-APDU (ISO 7816-3, 12.2.1).
    [Fact]
    public void Response_data_to_external_authenticate_ends_the_session()
    {
        var run = new Run("3C00", ExternalAuthenticate, "01029000");
        var e = Terminated(() => IssuerAuthentication.Run(run.Transport, run.Aip, Hex.Decode(Iad), run.Tvr, run.Tsi));
        Assert.Equal(KernelTerminationReason.InvalidCardResponse, e.Reason);
    }

    // Library card, host approving with the ARPC computed from the card's MK-AC (ARPC method 1 for Visa CVN 10):
    // the card verifies it, answers 9000, and the second GENERATE AC gives the TC.
    [Fact]
    public void Library_card_accepts_the_hosts_arpc()
    {
        OnlineCard online = OnlineCard.Load("visa-issuer-scripts");
        var tvr = new TerminalVerificationResults();
        var tsi = new TransactionStatusInformation();
        byte[] iad = online.IssuerAuthenticationData();
        Assert.Equal(10, iad.Length);                               // ARPC 8 || ARC 2
        var aip = new ApplicationInterchangeProfile(online.App.Aip);
        Assert.True(aip.IsSet(ApplicationInterchangeProfile.IssuerAuthenticationSupported));   // 3C00
        Assert.Equal(IssuerAuthenticationResult.Passed, IssuerAuthentication.Run(online.Transport, aip, iad, tvr, tsi));
        Assert.Equal("0000000000", Hex.Encode(tvr.ToArray()));
        Assert.Equal("1000", Hex.Encode(tsi.ToArray()));
        Assert.Equal(0x40, online.SecondGenerateAc(iad, Hex.Encode(tvr.ToArray())) & 0xC0);   // TC
    }

    // cards/visa-issuer-auth-failure.card: host "bad-arpc" - an ARPC that does not verify (here the right one with
    // its first bit flipped). The card answers 6300; the statement's TVR is 0000000040 and the decision a decline:
    // the second GENERATE AC gives an AAC.
    [Fact]
    public void Library_card_rejects_a_bad_arpc()
    {
        OnlineCard online = OnlineCard.Load("visa-issuer-auth-failure");
        var tvr = new TerminalVerificationResults();
        var tsi = new TransactionStatusInformation();
        byte[] iad = online.IssuerAuthenticationData();
        iad[0] ^= 0x80;
        var aip = new ApplicationInterchangeProfile(online.App.Aip);
        Assert.Equal(IssuerAuthenticationResult.Failed, IssuerAuthentication.Run(online.Transport, aip, iad, tvr, tsi));
        Assert.Equal("0000000040", Hex.Encode(tvr.ToArray()));
        Assert.Equal("1000", Hex.Encode(tsi.ToArray()));
        Assert.Equal(0x00, online.SecondGenerateAc(iad, Hex.Encode(tvr.ToArray())) & 0xC0);   // AAC
    }
}
