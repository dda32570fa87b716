using Xunit;
using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Capk;
using Terminal.EmvKernel.DataObjects;
using Terminal.EmvKernel.Dol;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Oda;
using Terminal.EmvKernel.Util;
using Terminal.Tests.VirtualCards.Card;
using Terminal.Tests.VirtualCards.Library;
using Terminal.VirtualCards.Card;
using Terminal.VirtualCards.Personalisation;
using static Terminal.Tests.Kernel.KernelTestSupport;

namespace Terminal.Tests.Kernel;

/// <summary>
/// Selection, GPO, read application data and offline data authentication (EMV 4.4 Book 3, 10.3; Book 2, 5-6)
/// against library cards run by the simulator, with the test CA keys of cards/pki/test-ca-keys.txt.
/// Expected TVR / TSI values are derived by hand from the Book 3, 10.3 rules and Book 3 Annex C5.
/// </summary>
public class OfflineDataAuthenticationTests
{
    // Terminal Capabilities 9F33 byte 3: b8 SDA (80), b7 DDA (40), b4 CDA (08).
    private const string AllMethods = "E0F8C8";
    private const string SdaAndDda = "E0F8C0";
    private const string NoOdaMethod = "E0F800";
    private const string Un = "1A2B3C4D";

    private sealed class Run
    {
        public required Flow Flow { get; init; }
        public required OfflineDataAuthentication Oda { get; init; }
        public required InterceptingChannel Channel { get; init; }
        public TerminalVerificationResults Tvr { get; } = new();
        public TransactionStatusInformation Tsi { get; } = new();
        public OdaMethod Method { get; set; }
        public string TvrHex => Hex.Encode(Tvr.ToArray());
        public string TsiHex => Hex.Encode(Tsi.ToArray());
    }

    /// <summary>Passes commands to the card, optionally replacing the answer to one instruction.</summary>
    private sealed class InterceptingChannel(ICardChannel inner) : ICardChannel
    {
        public List<byte> Instructions { get; } = new();
        public byte ReplaceIns { get; set; }
        public byte[] Replacement { get; set; }

        public byte[] Transmit(byte[] command)
        {
            Instructions.Add(command[1]);
            byte[] answer = inner.Transmit(command);
            return Replacement != null && command[1] == ReplaceIns ? Replacement : answer;
        }
    }

    private static Run Prepare(CardImage image, string capabilities, string aid)
    {
        var card = new VirtualCard(image, new CountingRandom(), CardLibrary.Crypto);
        var channel = new InterceptingChannel(card);
        var flow = new Flow(channel, Aids(false, aid));
        flow.ReferenceTransaction(capabilities, Un);
        flow.Run();
        return new Run { Flow = flow, Channel = channel, Oda = new OfflineDataAuthentication(flow.Transport, flow.Terminal, flow.CardData, LibraryOdaTests.TestCaStore()) };
    }

    private static Run Prepare(string name, string capabilities = AllMethods, string aid = Visa) =>
        Prepare(CardLibrary.Image(name), capabilities, aid);

    private static Run Authenticate(Run run)
    {
        run.Method = run.Oda.Run(run.Flow.Options, run.Flow.Data, run.Tvr, run.Tsi);
        return run;
    }

    private static Run Oda(string name, string capabilities = AllMethods, string aid = Visa) => Authenticate(Prepare(name, capabilities, aid));

    private static int InternalAuthenticates(Run run) => run.Channel.Instructions.Count(i => i == EmvCommands.InsInternalAuthenticate);

    [Fact]
    public void Sda_pass_sets_sda_selected_and_stores_the_data_authentication_code()
    {
        Run r = Oda("visa-sda-pass");
        Assert.Equal(OdaMethod.Sda, r.Method);
        Assert.Equal(OdaFailure.None, r.Oda.Failure);
        // TVR 0200000000: B1b2 SDA selected. TSI 8000: B1b8 ODA performed.
        Assert.Equal("0200000000", r.TvrHex);
        Assert.Equal("8000", r.TsiHex);
        Assert.Equal(2, r.Flow.CardData.Get(0x9F45)!.Length);
        Assert.Equal(0, InternalAuthenticates(r));
    }

    [Fact]
    public void Sda_tampered_record_fails_sda_and_the_transaction_goes_on()
    {
        Run r = Oda("visa-sda-tampered");
        Assert.Equal(OdaMethod.Sda, r.Method);
        Assert.Equal(OdaFailure.HashMismatch, r.Oda.Failure);
        // TVR 4200000000: B1b7 SDA failed, B1b2 SDA selected. TSI 8000: B1b8 ODA performed.
        Assert.Equal("4200000000", r.TvrHex);
        Assert.Equal("8000", r.TsiHex);
        Assert.Null(r.Flow.CardData.Get(0x9F45));
    }

    [Fact]
    public void Dda_pass_sends_internal_authenticate_and_stores_the_icc_dynamic_number()
    {
        Run r = Oda("visa-dda-pass");
        Assert.Equal(OdaMethod.Dda, r.Method);
        Assert.Equal(OdaFailure.None, r.Oda.Failure);
        // The card's SDA tag list 9F4A is '82': the ICC certificate hash only matches with the AIP appended.
        Assert.Equal("82", Hex.Encode(r.Flow.CardData.Get(0x9F4A)));
        // TVR 0000000000: no bit. TSI 8000: B1b8 ODA performed.
        Assert.Equal("0000000000", r.TvrHex);
        Assert.Equal("8000", r.TsiHex);
        Assert.Equal(1, InternalAuthenticates(r));
        // DDOL 9F3704 (the card's 9F49): the DDOL data is the terminal's unpredictable number.
        Assert.Equal(Un, Hex.Encode(r.Oda.DdolData));
        byte[] idn = r.Flow.CardData.Get(0x9F4C);
        Assert.NotNull(idn);
        Assert.InRange(idn!.Length, 2, 8);
        Assert.False(r.Oda.CdaSelected);
    }

    [Theory]
    [InlineData("visa-dda-expired-issuer-cert", OdaFailure.Expired)]
    [InlineData("visa-dda-revoked-issuer-cert", OdaFailure.Revoked)]
    [InlineData("visa-dda-unknown-ca", OdaFailure.CaKeyMissing)]
    [InlineData("visa-dda-tampered", OdaFailure.HashMismatch)]
    public void Dda_certificate_failures_set_dda_failed_only(string name, OdaFailure failure)
    {
        Run r = Oda(name);
        Assert.Equal(OdaMethod.Dda, r.Method);
        Assert.Equal(failure, r.Oda.Failure);
        // TVR 0800000000: B1b4 DDA failed (the card holds all its ODA data: no B1b6). TSI 8000: B1b8 ODA performed.
        Assert.Equal("0800000000", r.TvrHex);
        Assert.Equal("8000", r.TsiHex);
        // Book 2, 6.5: no INTERNAL AUTHENTICATE without a valid ICC public key.
        Assert.Equal(0, InternalAuthenticates(r));
        Assert.Null(r.Flow.CardData.Get(0x9F4C));
    }

    [Fact]
    public void Dda_bad_issuer_certificate_fails_recovery()
    {
        Run r = Oda("visa-dda-bad-certificate");
        Assert.Contains(r.Oda.Failure, new[] { OdaFailure.BadTrailer, OdaFailure.BadHeader, OdaFailure.HashMismatch });
        Assert.Null(r.Oda.IssuerKey);
        // TVR 0800000000: B1b4 DDA failed. TSI 8000: B1b8 ODA performed.
        Assert.Equal("0800000000", r.TvrHex);
        Assert.Equal("8000", r.TsiHex);
    }

    [Fact]
    public void Dda_bad_signature_fails_after_internal_authenticate()
    {
        Run r = Oda("visa-dda-bad-signature");
        Assert.NotNull(r.Oda.IccKey);
        Assert.NotEqual(OdaFailure.None, r.Oda.Failure);
        Assert.Equal(1, InternalAuthenticates(r));
        // TVR 0800000000: B1b4 DDA failed. TSI 8000: B1b8 ODA performed.
        Assert.Equal("0800000000", r.TvrHex);
        Assert.Equal("8000", r.TsiHex);
    }

    [Fact]
    public void Missing_icc_certificate_sets_icc_data_missing_and_dda_failed()
    {
        Run r = Prepare("visa-dda-pass");
        r.Flow.CardData.Remove(0x9F46);
        Authenticate(r);
        // TVR 2800000000: B1b6 ICC data missing, B1b4 DDA failed. TSI 8000: B1b8 ODA performed.
        Assert.Equal("2800000000", r.TvrHex);
        Assert.Equal("8000", r.TsiHex);
        Assert.Equal(0, InternalAuthenticates(r));
    }

    [Fact]
    public void Missing_ssad_sets_icc_data_missing_and_sda_failed()
    {
        Run r = Prepare("visa-sda-pass");
        r.Flow.CardData.Remove(0x93);
        Authenticate(r);
        // TVR 6200000000: B1b7 SDA failed, B1b6 ICC data missing, B1b2 SDA selected. TSI 8000.
        Assert.Equal("6200000000", r.TvrHex);
        Assert.Equal("8000", r.TsiHex);
    }

    [Fact]
    public void Sda_tag_list_other_than_aip_fails_dda()
    {
        Run r = Prepare("visa-dda-pass");
        r.Flow.CardData.Set(0x9F4A, Hex.Decode("9F36"));
        Authenticate(r);
        // Book 3, 10.3: a 9F4A holding a tag other than 82 -> ODA failed. TVR 0800000000: B1b4 DDA failed.
        Assert.Equal("0800000000", r.TvrHex);
        Assert.Equal(0, InternalAuthenticates(r));
    }

    [Fact]
    public void Ddol_without_unpredictable_number_fails_dda_without_internal_authenticate()
    {
        Run r = Prepare("visa-dda-pass");
        r.Flow.CardData.Set(0x9F49, Hex.Decode("9F0206"));
        Authenticate(r);
        // TVR 0800000000: B1b4 DDA failed. TSI 8000: B1b8 ODA performed.
        Assert.Equal("0800000000", r.TvrHex);
        Assert.Equal("8000", r.TsiHex);
        Assert.Equal(0, InternalAuthenticates(r));
    }

    [Fact]
    public void Terminal_default_ddol_is_used_when_the_card_has_none()
    {
        Run r = Prepare("visa-dda-pass");
        r.Flow.CardData.Remove(0x9F49);
        r.Oda.DefaultDdol = Hex.Decode("9F3704");
        Authenticate(r);
        Assert.Equal("0000000000", r.TvrHex);
        Assert.Equal(Un, Hex.Encode(r.Oda.DdolData));
        Assert.Equal(1, InternalAuthenticates(r));
    }

    [Fact]
    public void No_ddol_at_all_fails_dda()
    {
        Run r = Prepare("visa-dda-pass");
        r.Flow.CardData.Remove(0x9F49);
        Authenticate(r);
        // TVR 0800000000: B1b4 DDA failed.
        Assert.Equal("0800000000", r.TvrHex);
        Assert.Equal(0, InternalAuthenticates(r));
    }

    [Theory]
    [InlineData("9F4B00")]                    // neither '80' nor '77'
    [InlineData("770400000000")]              // '77' without 9F4B
    [InlineData("80FF")]                      // not BER-TLV
    public void Malformed_internal_authenticate_response_terminates(string data)
    {
        Run r = Prepare("visa-dda-pass");
        r.Channel.ReplaceIns = EmvCommands.InsInternalAuthenticate;
        r.Channel.Replacement = Hex.Decode(data + "9000");
        var e = Terminated(() => Authenticate(r));
        Assert.Equal(KernelTerminationReason.InvalidCardResponse, e.Reason);
    }

    [Fact]
    public void Internal_authenticate_error_status_terminates()
    {
        Run r = Prepare("visa-dda-pass");
        r.Channel.ReplaceIns = EmvCommands.InsInternalAuthenticate;
        r.Channel.Replacement = Hex.Decode("6985");
        var e = Terminated(() => Authenticate(r));
        Assert.Equal(KernelTerminationReason.UnexpectedStatusWord, e.Reason);
        Assert.Equal(0x6985, e.StatusWord);
    }

    [Fact]
    public void Card_without_oda_bits_gives_oda_not_performed()
    {
        // visa-dda-pass with AIP 1800: byte 1 b7, b6, b1 clear (no SDA, DDA or CDA).
        string text = File.ReadAllText(Path.Combine(CardLibrary.Root, "visa-dda-pass.card")).Replace("aip = 3800", "aip = 1800");
        Run r = Authenticate(Prepare(CardLibrary.Image(CardProfile.Parse(text)), AllMethods, Visa));
        Assert.Equal("1800", Hex.Encode(r.Flow.Options.Aip));
        Assert.Equal(OdaMethod.None, r.Method);
        // TVR 8000000000: B1b8 ODA not performed. TSI 0000: B1b8 stays clear.
        Assert.Equal("8000000000", r.TvrHex);
        Assert.Equal("0000", r.TsiHex);
        Assert.Equal(0, InternalAuthenticates(r));
    }

    [Fact]
    public void Terminal_without_oda_capability_gives_oda_not_performed()
    {
        Run r = Oda("visa-dda-pass", NoOdaMethod);
        Assert.Equal(OdaMethod.None, r.Method);
        // TVR 8000000000: B1b8 ODA not performed. TSI 0000.
        Assert.Equal("8000000000", r.TvrHex);
        Assert.Equal("0000", r.TsiHex);
    }

    [Fact]
    public void Cda_card_on_a_terminal_without_cda_falls_back_to_dda()
    {
        // AIP 39: CDA (b1) and DDA (b6); terminal SDA + DDA only -> DDA.
        Run r = Oda("mastercard-cda-pass", SdaAndDda, Mastercard);
        Assert.Equal(OdaMethod.Dda, r.Method);
        Assert.Equal("0000000000", r.TvrHex);
        Assert.Equal("8000", r.TsiHex);
        Assert.Equal(1, InternalAuthenticates(r));
    }

    private static byte[] GenerateAcWithCda(Run r, out byte[] cdol1Data)
    {
        r.Flow.Terminal.Set(0x95, r.Tvr.ToArray());
        cdol1Data = DataObjectList.Parse(r.Flow.CardData.Get(0x8C)).Build(r.Flow.Terminal);
        ResponseApdu response = r.Flow.Transport.Exchange(
            EmvCommands.GenerateAc((byte)(EmvCommands.GenerateAcTc | EmvCommands.GenerateAcCdaRequested), cdol1Data));
        Assert.Equal(0x9000, response.Sw);
        return response.Data;
    }

    [Fact]
    public void Cda_pass_recovers_keys_now_and_verifies_the_generate_ac_signature()
    {
        Run r = Oda("mastercard-cda-pass", AllMethods, Mastercard);
        Assert.Equal(OdaMethod.Cda, r.Method);
        Assert.True(r.Oda.CdaSelected);
        Assert.NotNull(r.Oda.IssuerKey);
        Assert.NotNull(r.Oda.IccKey);
        // Book 3, 10.3: no INTERNAL AUTHENTICATE for CDA. TVR 0000000000, TSI 8000: B1b8 ODA performed.
        Assert.Equal(0, InternalAuthenticates(r));
        Assert.Equal("0000000000", r.TvrHex);
        Assert.Equal("8000", r.TsiHex);

        byte[] response = GenerateAcWithCda(r, out byte[] cdol1);
        // No PDOL on this card: GPO sent '83 00', so the PDOL data part of the hash is empty.
        SignedDynamicApplicationData sdad = r.Oda.VerifyGenerateAcResponse(null, cdol1, null, response, r.Tvr);
        Assert.NotNull(sdad);
        Assert.Equal(OdaFailure.None, sdad!.Failure);
        Assert.Equal(8, sdad.ApplicationCryptogram.Length);
        Assert.Equal("0000000000", r.TvrHex);
    }

    [Fact]
    public void Cda_response_changed_after_signing_sets_cda_failed()
    {
        Run r = Oda("mastercard-cda-pass", AllMethods, Mastercard);
        byte[] response = GenerateAcWithCda(r, out byte[] cdol1);
        // The last byte belongs to 9F10 (written after 9F4B): it is covered by the transaction data hash code.
        response[^1] ^= 0x01;
        SignedDynamicApplicationData sdad = r.Oda.VerifyGenerateAcResponse(null, cdol1, null, response, r.Tvr);
        Assert.Equal(OdaFailure.TransactionDataHashMismatch, sdad!.Failure);
        // TVR 0400000000: B1b3 CDA failed.
        Assert.Equal("0400000000", r.TvrHex);
    }

    [Fact]
    public void Cda_with_wrong_cdol_data_in_the_hash_sets_cda_failed()
    {
        Run r = Oda("mastercard-cda-pass", AllMethods, Mastercard);
        byte[] response = GenerateAcWithCda(r, out byte[] cdol1);
        cdol1[0] ^= 0x01;
        SignedDynamicApplicationData sdad = r.Oda.VerifyGenerateAcResponse(null, cdol1, null, response, r.Tvr);
        Assert.Equal(OdaFailure.TransactionDataHashMismatch, sdad!.Failure);
        // TVR 0400000000: B1b3 CDA failed.
        Assert.Equal("0400000000", r.TvrHex);
    }

    [Fact]
    public void Cda_bad_generate_ac_signature_sets_cda_failed()
    {
        Run r = Oda("mastercard-cda-bad-signature", AllMethods, Mastercard);
        Assert.True(r.Oda.CdaSelected);
        Assert.Equal("0000000000", r.TvrHex);
        byte[] response = GenerateAcWithCda(r, out byte[] cdol1);
        SignedDynamicApplicationData sdad = r.Oda.VerifyGenerateAcResponse(null, cdol1, null, response, r.Tvr);
        Assert.NotEqual(OdaFailure.None, sdad!.Failure);
        // TVR 0400000000: B1b3 CDA failed.
        Assert.Equal("0400000000", r.TvrHex);
    }

    [Fact]
    public void Cda_bad_certificate_fails_before_generate_ac()
    {
        Run r = Oda("mastercard-cda-bad-certificate", AllMethods, Mastercard);
        Assert.Equal(OdaMethod.Cda, r.Method);
        Assert.False(r.Oda.CdaSelected);
        // TVR 0400000000: B1b3 CDA failed. TSI 8000: B1b8 ODA performed.
        Assert.Equal("0400000000", r.TvrHex);
        Assert.Equal("8000", r.TsiHex);
    }

    [Fact]
    public void Cda_response_without_signature_sets_cda_failed()
    {
        Run r = Oda("mastercard-cda-pass", AllMethods, Mastercard);
        byte[] cdol1 = DataObjectList.Parse(r.Flow.CardData.Get(0x8C)).Build(r.Flow.Terminal);
        // A format 2 response with CID and ATC but no 9F4B.
        SignedDynamicApplicationData sdad = r.Oda.VerifyGenerateAcResponse(null, cdol1, null, Hex.Decode("77099F2701409F36020001"), r.Tvr);
        Assert.Null(sdad);
        // TVR 0400000000: B1b3 CDA failed.
        Assert.Equal("0400000000", r.TvrHex);
    }

    [Fact]
    public void Cda_response_that_is_not_ber_tlv_terminates()
    {
        Run r = Oda("mastercard-cda-pass", AllMethods, Mastercard);
        byte[] cdol1 = DataObjectList.Parse(r.Flow.CardData.Get(0x8C)).Build(r.Flow.Terminal);
        var e = Terminated(() => r.Oda.VerifyGenerateAcResponse(null, cdol1, null, Hex.Decode("77089F2701409F36020001"), r.Tvr));
        Assert.Equal(KernelTerminationReason.InvalidCardResponse, e.Reason);
    }

    [Fact]
    public void Cda_verification_without_cda_selected_is_a_programming_error()
    {
        Run r = Oda("visa-dda-pass");
        Assert.Throws<InvalidOperationException>(() => r.Oda.VerifyGenerateAcResponse(null, new byte[1], null, new byte[] { 0x77, 0x00 }, r.Tvr));
    }

    [Theory]
    [InlineData("visa-sda-unknown-ca", OdaFailure.CaKeyMissing)]
    [InlineData("visa-sda-revoked", OdaFailure.Revoked)]
    public void Sda_issuer_key_failures_set_sda_failed(string name, OdaFailure failure)
    {
        Run r = Oda(name);
        Assert.Equal(OdaMethod.Sda, r.Method);
        Assert.Equal(failure, r.Oda.Failure);
        // TVR 4200000000: B1b7 SDA failed, B1b2 SDA selected (CA key missing is not ICC data missing). TSI 8000.
        Assert.Equal("4200000000", r.TvrHex);
        Assert.Equal("8000", r.TsiHex);
    }
}
