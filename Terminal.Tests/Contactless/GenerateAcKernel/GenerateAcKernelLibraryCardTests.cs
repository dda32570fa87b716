using Xunit;
using Terminal.EmvKernel.Contactless.EntryPoint;
using Terminal.EmvKernel.Contactless.GenerateAcKernel;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Oda;
using Terminal.EmvKernel.Util;
using Terminal.Tests.VirtualCards.Library;
using Terminal.VirtualCards.Personalisation;
using static Terminal.Tests.Contactless.GenerateAcKernel.GenerateAcKernelTestSupport;

namespace Terminal.Tests.Contactless.GenerateAcKernel;

/// <summary>
/// Every M/Chip-style card of the library (personality mastercard-mchip) runs to the outcome its statement gives
/// (cards/README.md), with the commands sent, the TVR, the CVM Results and the decision derived by hand from the
/// card profiles and the reference reader of <see cref="GenerateAcKernelTestSupport"/>.
/// </summary>
public class GenerateAcKernelLibraryCardTests
{
    private static readonly string[] Covered =
    [
        "mastercard-mchip-offline-cda", "mastercard-mchip-online", "mastercard-mchip-phone-cdcvm",
        "mastercard-mchip-phone-see-phone", "mastercard-mchip-relay-resistance", "mastercard-mchip-torn-recovery",
    ];

    /// <summary>GPO without PDOL: 80 A8 00 00, Lc 02, '83' 00, Le 00.</summary>
    private const string Gpo = "80A8000002830000";

    /// <summary>The library cards' AFL: SFI 1 records 1-2 (P2 0C), SFI 2 records 1-2 (P2 14).</summary>
    private static readonly string[] Reads = ["00B2010C00", "00B2020C00", "00B2011400", "00B2021400"];

    /// <summary>GENERATE AC P1 50 = TC (40) | CDA requested (10), Lc 2B (43 bytes of CDOL1 data), Le 00.</summary>
    private static string GenerateAcTcCda(string cdol1) => "80AE50002B" + cdol1 + "00";

    [Fact]
    public void Every_mchip_card_of_the_library_is_covered_here()
    {
        string[] mchip = CardLibrary.CardNames().Where(n =>
        {
            CardProfile p = CardLibrary.Profile(n);
            return Enumerable.Range(0, p.ApplicationCount).Any(i => p.ApplicationAt(i).Application.Text("personality") == "mastercard-mchip");
        }).ToArray();
        Assert.Equal(Covered, mchip);
    }

    [Fact]
    public void Offline_cda_card_is_approved_offline_after_cda_verified_without_the_card()
    {
        var tap = new Tap(NewCard(CardLibrary.Image("mastercard-mchip-offline-cda")));
        GenerateAcKernelCardRead read = GK(tap).ReadCard(tap, ReferenceTerminal(), Indicators(1000), ReaderConfiguration());
        // The card phase ends after GENERATE AC: AIP 1980 has no relay resistance (B2b1 clear), so no EXCHANGE RELAY
        // RESISTANCE DATA; TVR at GENERATE AC is all zero (RRP not supported = 00). 10.00 < 50.00: '9F33' byte 2 = 08
        // (no CVM), CVM List 1E03 (signature if supported: no) then 1F03 (no CVM if supported: yes) -> 1F 03 02.
        Assert.True(read.CardReadComplete);
        Assert.Equal([Gpo, .. Reads, GenerateAcTcCda(Cdol1(1000, "0000000000", "1F0302"))], tap.Commands);
        // Nothing was verified yet: the ICC dynamic number is unknown until the deferred phase recovers it.
        Assert.False(read.Card.Contains(0x9F4C));

        GenerateAcKernelResult r = Terminal.EmvKernel.Contactless.GenerateAcKernel.GenerateAcKernel.Complete(read, ReaderConfiguration());
        Assert.Equal(GenerateAcKernelOutcome.Approved, r.Outcome);
        Assert.True(r.CdaPerformed);
        Assert.Equal(OdaFailure.None, r.CdaFailure);
        Assert.True(read.Card.Contains(0x9F4C));
        Assert.Equal("0000000000", Hex.Encode(r.Tvr));
        Assert.Equal("1F0302", Hex.Encode(r.CvmResults));
        Assert.Equal(OutcomeCvm.NoCvm, r.Cvm);
        Assert.Equal(TransactionDecision.ApprovedOffline, r.Transaction.Decision);
        Assert.Equal("Y1", System.Text.Encoding.ASCII.GetString(r.Transaction.Arc));
        // The same field 55 object as the contact kernel: it holds the cryptogram recovered from the CDA signature.
        Assert.Equal(r.Transaction.ApplicationCryptogram, FindTag(r.AuthorisationData.IccData, 0x9F26));
        Assert.Equal(tap.Commands.Length, tap.Channel.Commands.Count);
    }

    [Fact]
    public void Online_card_is_an_online_request_the_host_approves()
    {
        var tap = new Tap(NewCard(CardLibrary.Image("mastercard-mchip-online")));
        GenerateAcKernelResult r = tap.Run(ReferenceTerminal(), Indicators(1000), ReaderConfiguration());
        // The kernel asked for a TC with CDA (TVR zero), the card (force-online) answered ARQC with CDA.
        Assert.Equal(GenerateAcTcCda(Cdol1(1000, "0000000000", "1F0302")), tap.Commands[^1]);
        Assert.Equal(GenerateAcKernelOutcome.OnlineRequest, r.Outcome);
        Assert.True(r.CdaPerformed);
        Assert.Equal(OdaFailure.None, r.CdaFailure);
        Assert.Null(r.Transaction);
        Assert.Equal(0x80, FindTag(r.AuthorisationData.IccData, 0x9F27)[0]);
        TransactionOutcome t = r.CompleteOnline(true, "00"u8.ToArray());
        Assert.Equal(TransactionDecision.ApprovedOnline, t.Decision);
        Assert.Equal("0000000000", Hex.Encode(t.Tvr));
        Assert.Equal("1F0302", Hex.Encode(t.CvmResults));
        OutcomeParameterSet o = GenerateAcKernelActivation.Map(r);
        Assert.Equal(ContactlessOutcome.OnlineRequest, o.Outcome);
        Assert.Equal(UiMessage.AuthorisingPleaseWait, o.UiRequestOnOutcome.MessageId);
        Assert.Equal(r.AuthorisationData.IccData, o.DataRecord);
    }

    [Fact]
    public void Relay_resistance_card_is_timed_and_approved_with_rrp_performed()
    {
        var tap = new Tap(NewCard(CardLibrary.Image("mastercard-mchip-relay-resistance")));
        tap.Channel.RelayMicroseconds = 6000;
        GenerateAcKernelResult r = tap.Run(ReferenceTerminal(), Indicators(1000), ReaderConfiguration());
        // After GPO: 80 EA 00 00 04 <UN> 00 (the entropy is the Unpredictable Number).
        Assert.Equal("80EA000004" + Un + "00", tap.Commands[1]);
        // Round trip 6.0 ms = 60 units: measured = 60 - 18 (DF8134) - min(20 card, 24 DF8135) = 22; card min 10, max 50:
        // 22 >= max(0, 10 - 20) and 22 <= 50 + 50; 20/24 = 83 % and 24/20 = 120 % >= 50 %; 22 - 10 = 12 <= 300.
        // TVR byte 5 = 02 (RRP performed), sent in CDOL1 and kept.
        Assert.Equal("0016", Hex.Encode(r.CardRead.Terminal.Get(RelayResistance.MeasuredProcessingTimeTag)));
        Assert.Equal(GenerateAcTcCda(Cdol1(1000, "0000000002", "1F0302")), tap.Commands[^1]);
        Assert.Equal(GenerateAcKernelOutcome.Approved, r.Outcome);
        Assert.Equal("0000000002", Hex.Encode(r.Tvr));
        Assert.Equal("1F0302", Hex.Encode(r.CvmResults));
        Assert.Equal(TransactionDecision.ApprovedOffline, r.Transaction.Decision);
    }

    [Fact]
    public void Phone_that_verified_the_cardholder_is_approved_with_confirmation_code_verified()
    {
        var tap = new Tap(NewCard(CardLibrary.Image("mastercard-mchip-phone-cdcvm")));
        GenerateAcKernelResult r = tap.Run(ReferenceTerminal(6000), Indicators(6000), ReaderConfiguration());
        // AIP 1BC0: on-device CVM (B1b2) with the reader's on-device CVM support; 60.00 >= 50.00 -> the phone verifies:
        // CVM Results 01 00 02, Outcome CVM "confirmation code verified" (Book C-2 CVM selection).
        Assert.Equal(GenerateAcTcCda(Cdol1(6000, "0000000000", "010002")), tap.Commands[^1]);
        Assert.Equal(GenerateAcKernelOutcome.Approved, r.Outcome);
        Assert.Equal(OutcomeCvm.ConfirmationCodeVerified, r.Cvm);
        Assert.True(r.OnDeviceCvmVerified); // PCII 00 10 00: byte 2 b5 "OD-CVM verification successful"
        Assert.Equal("010002", Hex.Encode(r.CvmResults));
        Assert.Equal("0000000000", Hex.Encode(r.Tvr));
        Assert.True(r.CdaPerformed);
        Assert.Equal(OdaFailure.None, r.CdaFailure); // the signed hash covers DF4B too
        OutcomeParameterSet o = GenerateAcKernelActivation.Map(r);
        Assert.Equal(OutcomeCvm.ConfirmationCodeVerified, o.Cvm);
        Assert.Equal(UiMessage.Approved, o.UiRequestOnOutcome.MessageId);
    }

    [Fact]
    public void Phone_asking_for_verification_gets_see_phone_then_the_second_tap_is_approved()
    {
        var card = NewCard(CardLibrary.Image("mastercard-mchip-phone-see-phone"));
        var first = new Tap(card);
        GenerateAcKernelResult r1 = first.Run(ReferenceTerminal(6000), Indicators(6000), ReaderConfiguration());
        // The phone answers AAC with PCII 00 01 00 (OD-CVM required): End Application, restart at B, "see phone".
        Assert.Equal(GenerateAcKernelOutcome.EndApplication, r1.Outcome);
        Assert.True(r1.SeePhone);
        Assert.True(r1.Restart);
        OutcomeParameterSet o = GenerateAcKernelActivation.Map(r1);
        Assert.Equal(ContactlessOutcome.EndApplication, o.Outcome);
        Assert.Equal(StartPoint.B, o.Start);
        Assert.Equal(UiMessage.SeePhone, o.UiRequestOnOutcome.MessageId);
        Assert.Equal(UiMessage.PresentCardAgain, o.UiRequestOnRestart.MessageId);

        var second = new Tap(card);
        GenerateAcKernelResult r2 = second.Run(ReferenceTerminal(6000, "0A0B0C0D"), Indicators(6000), ReaderConfiguration());
        Assert.Equal(GenerateAcKernelOutcome.Approved, r2.Outcome);
        Assert.Equal(OutcomeCvm.ConfirmationCodeVerified, r2.Cvm);
        Assert.True(r2.OnDeviceCvmVerified);
        Assert.Equal("010002", Hex.Encode(r2.CvmResults));
    }

    [Fact]
    public void Torn_card_is_recovered_on_the_next_tap_with_the_torn_cryptogram()
    {
        var card = NewCard(CardLibrary.Image("mastercard-mchip-torn-recovery"));
        GenerateAcKernelConfiguration configuration = ReaderConfiguration();
        var first = new Tap(card);
        first.Channel.TearAt = 5; // GPO, 4 reads, GENERATE AC (processed, answer lost)
        GenerateAcKernelResult r1 = first.Run(ReferenceTerminal(), Indicators(1000), configuration);
        Assert.Equal(GenerateAcKernelOutcome.EndApplication, r1.Outcome);
        Assert.True(r1.Restart);
        Assert.Equal(1, configuration.TornLog.Count);
        Assert.Equal(StartPoint.B, GenerateAcKernelActivation.Map(r1).Start);

        // Second tap, new Unpredictable Number: after the records the kernel finds PAN + PSN in the torn log and sends
        // RECOVER AC 80 D0 00 00 04 <torn UN> 00 (DRDOL 9F37 04 built from the torn transaction's data).
        var second = new Tap(card);
        GenerateAcKernelResult r2 = second.Run(ReferenceTerminal(1000, "0A0B0C0D"), Indicators(1000), configuration);
        Assert.Equal([Gpo, .. Reads, "80D0000004" + Un + "00"], second.Commands);
        Assert.True(r2.CardRead.Recovered);
        Assert.Equal(0, configuration.TornLog.Count);
        Assert.Equal(GenerateAcKernelOutcome.Approved, r2.Outcome);
        Assert.True(r2.CdaPerformed);
        Assert.Equal(OdaFailure.None, r2.CdaFailure); // verified over the torn transaction's CDOL1 data and UN
        Assert.Equal(Un, Hex.Encode(r2.Transaction.Get(0x9F37)));
        // The ATC of the recovered cryptogram is the torn one's: what the card computed before leaving the field.
        Assert.Equal(FindTag(first.Channel.LostResponse[..^2], 0x9F36), r2.Transaction.Get(0x9F36));
    }

    /// <summary>The value of <paramref name="tag"/> in a BER-TLV list (or inside its first template), or null.</summary>
    internal static byte[] FindTag(byte[] tlv, int tag)
    {
        var list = Terminal.EmvKernel.Tlv.TlvParser.Parse(tlv);
        var v = list.FindValue(tag);
        if (v != null) return v;
        return list.Count > 0 && list[0].IsConstructed ? list[0].Children.FindValue(tag) : null;
    }

    private static Phases GK(Tap tap) => new();

    private sealed class Phases
    {
        public GenerateAcKernelCardRead ReadCard(Tap tap, TerminalData terminal, PreProcessingIndicators indicators, GenerateAcKernelConfiguration c)
        {
            c.Clock = tap.Clock;
            return Terminal.EmvKernel.Contactless.GenerateAcKernel.GenerateAcKernel.ReadCard(tap.Transport, tap.Fci, terminal, indicators, c);
        }
    }
}
