#nullable enable
using System.Reflection;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Util;
using Terminal.Tests.VirtualCards.Library;
using Xunit;
using Xunit.Sdk;
using static Terminal.EmvKernel.Kernel.OutcomeReason;
using static Terminal.EmvKernel.Kernel.TransactionDecision;

namespace Terminal.Tests.Kernel.Scenarios;

/// <summary>
/// Issue 4 acceptance, part 1: every contact library card (cards/README.md) through the whole kernel
/// (<see cref="ContactTransaction"/>) in the reference transaction of docs/card-profiles.md, against its statement.
/// Each expected value is derived by hand from EMV 4.4 Book 3 (10.3-10.11, Annex C5 TVR, C6 TSI) and the card's
/// profile, never taken from the kernel.
///
/// Facts common to the rows (card profiles and the reference terminal):
/// - Terminal capabilities E0F8C8: byte 2 F8 = plaintext PIN, online PIN, signature, enciphered offline PIN, no CVM;
///   byte 3 C8 = SDA, DDA, CDA. TACs all zero, floor limit 100.00, statement amount 10.00 (below it).
/// - Library IACs: denial 0010000000 (B2b5 service not allowed), online = default DCE004F800, i.e.
///   B1 DC: b8 ODA not performed, b7 SDA failed, b5 exception file, b4 DDA failed, b3 CDA failed;
///   B2 E0: b8 different versions, b7 expired, b6 not yet effective; B3 04: b3 online PIN entered;
///   B4 F8: floor limit, LCOL, UCOL, random selection, merchant forced online; B5 00.
///   So by Book 3 10.7 a TVR hitting only those bits asks an ARQC; a zero TVR asks a TC.
/// - AIP 3800 (DDA, CVM, TRM), 3900 (+CDA), 5800 (SDA, CVM, TRM), 3C00 (+issuer authentication): every card runs
///   ODA, CVM and TRM, and every card sees a GENERATE AC, so the base TSI is
///   E800 = B1b8 ODA performed (80) + b7 CVM performed (40) + b6 card risk management performed (20) + b4 TRM
///   performed (08). F800 adds b5 issuer authentication performed (10: AIP 3C00 cards given a '91');
///   FC00 adds b3 script processing performed (04).
/// - CVM list 1E03 1F03 (most cards): signature if the terminal supports it (it does) -> CVM Results 1E0300
///   (signature: result unknown, Book 4 A4).
/// - ARC '8A': Y1 offline approval, Z1 offline decline, Y3 unable to go online approved (Book 4 A6); the test issuer
///   answers "00" (approve) or "05" (decline).
/// </summary>
public class LibraryCardScenarioTests
{
    private const string Signature = "1E0300";

    [Theory]
    // --- Offline approvals: nothing in the TVR, TAA asks a TC, the card gives it. TVR 0000000000; TSI E800.
    [InlineData("visa-dda-pass", ApprovedOffline, CardApprovedOffline, "0000000000", "E800", Signature, "Y1")]
    [InlineData("visa-offline-tc", ApprovedOffline, CardApprovedOffline, "0000000000", "E800", Signature, "Y1")]
    [InlineData("visa-no-pse", ApprovedOffline, CardApprovedOffline, "0000000000", "E800", Signature, "Y1")]
    [InlineData("visa-t0-61xx", ApprovedOffline, CardApprovedOffline, "0000000000", "E800", Signature, "Y1")]
    [InlineData("visa-t0-6cxx", ApprovedOffline, CardApprovedOffline, "0000000000", "E800", Signature, "Y1")]
    [InlineData("visa-chip-magstripe-201", ApprovedOffline, CardApprovedOffline, "0000000000", "E800", Signature, "Y1")]
    [InlineData("visa-blocked-application", ApprovedOffline, CardApprovedOffline, "0000000000", "E800", Signature, "Y1")]
    [InlineData("visa-cvm-signature", ApprovedOffline, CardApprovedOffline, "0000000000", "E800", Signature, "Y1")]
    // AIP 3900 and CDA in both: CDA selected, signature over the TC verifies.
    [InlineData("mastercard-cda-pass", ApprovedOffline, CardApprovedOffline, "0000000000", "E800", Signature, "Y1")]
    // UnionPay A000000333010101, application version 0030 on both sides, DDA.
    [InlineData("unionpay-pboc-debit", ApprovedOffline, CardApprovedOffline, "0000000000", "E800", Signature, "Y1")]
    // CVM list 1F03 only: no CVM required, successful -> 1F0302.
    [InlineData("visa-cvm-no-cvm", ApprovedOffline, CardApprovedOffline, "0000000000", "E800", "1F0302", "Y1")]
    // CVM list X 50.00 Y 200.00, 4209 4107 1F06 1E03; 10.00 is under X (Annex C3 condition 06) -> 1F0602.
    [InlineData("visa-cvm-amount-xy", ApprovedOffline, CardApprovedOffline, "0000000000", "E800", "1F0602", "Y1")]
    // 5A00: CVM code 1A is RFU -> B3b7 unrecognised CVM (40), fails, b7 of 5A set -> next rule 1E03 signature.
    // TVR 0000400000: not in IAC-online byte 3 (04) -> TC.
    [InlineData("visa-cvm-unsupported", ApprovedOffline, CardApprovedOffline, "0000400000", "E800", Signature, "Y1")]
    // AIP 5800: SDA selected -> TVR B1b2 (02), SDA verifies. 02 is not in IAC-online byte 1 (DC) -> TC.
    [InlineData("visa-sda-pass", ApprovedOffline, CardApprovedOffline, "0200000000", "E800", Signature, "Y1")]
    // Plaintext PIN 4103 (if supported): VERIFY 9000 -> 410302.
    [InlineData("visa-pin-offline-plaintext", ApprovedOffline, CardApprovedOffline, "0000000000", "E800", "410302", "Y1")]
    // 9F17 = 01: one try shown, correct PIN 9000 -> 410302.
    [InlineData("visa-pin-last-try", ApprovedOffline, CardApprovedOffline, "0000000000", "E800", "410302", "Y1")]
    // Enciphered offline PIN 4403 under the ICC key: GET CHALLENGE, VERIFY (P2 88) 9000 -> 440302.
    [InlineData("visa-pin-offline-enciphered", ApprovedOffline, CardApprovedOffline, "0000000000", "E800", "440302", "Y1")]
    // --- Offline declines.
    // TAA asks a TC (TVR 0) but force-aac: the card answers AAC -> declined by the card, Z1.
    [InlineData("visa-aac-first-gac", DeclinedOffline, CardDeclinedOffline, "0000000000", "E800", Signature, "Z1")]
    // AUC AB80 with issuer country 0840 <> 0156: international goods (B1b5) and services (B1b3) off -> B2b5
    // requested service not allowed (10) -> IAC-denial 0010000000 -> AAC asked, Z1.
    [InlineData("visa-auc-domestic-only", DeclinedOffline, TerminalDenied, "0010000000", "E800", Signature, "Z1")]
    // TVR 0 -> TC with CDA requested; the TC's CDA signature fails -> B1b3 CDA failed (04); a TC with failed CDA is
    // an offline decline (Book 2 6.6.2), Z1.
    [InlineData("mastercard-cda-bad-signature", DeclinedOffline, CdaFailed, "0400000000", "E800", Signature, "Z1")]
    // --- Online approvals asked by the TVR (IAC-online), host approves with a valid ARPC, second GAC TC; AIP 3800
    // or 3900 has no issuer authentication bit, so no EXTERNAL AUTHENTICATE: TSI E800.
    // Different application versions 0001 vs 0096: B2b8 (80).
    [InlineData("visa-app-version-mismatch", ApprovedOnline, HostApproved, "0080000000", "E800", Signature, "00")]
    // Expiry 2025-06-30 < 2026-06-15: B2b7 expired application (40).
    [InlineData("visa-expired-application", ApprovedOnline, HostApproved, "0040000000", "E800", Signature, "00")]
    // Effective 2027-01-01 > 2026-06-15: B2b6 not yet effective (20).
    [InlineData("visa-not-yet-effective", ApprovedOnline, HostApproved, "0020000000", "E800", Signature, "00")]
    // DDA failed: B1b4 (08).
    [InlineData("visa-dda-bad-certificate", ApprovedOnline, HostApproved, "0800000000", "E800", Signature, "00")]
    [InlineData("visa-dda-bad-signature", ApprovedOnline, HostApproved, "0800000000", "E800", Signature, "00")]
    [InlineData("visa-dda-expired-issuer-cert", ApprovedOnline, HostApproved, "0800000000", "E800", Signature, "00")]
    [InlineData("visa-dda-revoked-issuer-cert", ApprovedOnline, HostApproved, "0800000000", "E800", Signature, "00")]
    [InlineData("visa-dda-tampered", ApprovedOnline, HostApproved, "0800000000", "E800", Signature, "00")]
    [InlineData("visa-dda-unknown-ca", ApprovedOnline, HostApproved, "0800000000", "E800", Signature, "00")]
    // SDA failed B1b7 (40) + SDA selected B1b2 (02).
    [InlineData("visa-sda-revoked", ApprovedOnline, HostApproved, "4200000000", "E800", Signature, "00")]
    [InlineData("visa-sda-tampered", ApprovedOnline, HostApproved, "4200000000", "E800", Signature, "00")]
    [InlineData("visa-sda-unknown-ca", ApprovedOnline, HostApproved, "4200000000", "E800", Signature, "00")]
    // CDA fails before GENERATE AC (issuer certificate): B1b3 (04) -> ARQC without a CDA request; host approves.
    [InlineData("mastercard-cda-bad-certificate", ApprovedOnline, HostApproved, "0400000000", "E800", Signature, "00")]
    // Online PIN 4203: entered -> B3b3 online PIN entered (04), CVM Results 420300 (unknown) -> IAC-online B3 04 -> ARQC.
    [InlineData("visa-cvm-online-pin", ApprovedOnline, HostApproved, "0000040000", "E800", "420300", "00")]
    // 9F17 = 00: no prompt, B3b6 PIN try limit exceeded (20), 4103 fails, next rule signature. 20 is not in IAC-online
    // byte 3, so TAA asks a TC; the card (CVR PIN try limit exceeded) answers ARQC; host approves.
    [InlineData("visa-pin-blocked", ApprovedOnline, HostApproved, "0000200000", "E800", Signature, "00")]
    // --- Card-initiated online (force-online: TC asked, ARQC given), AIP 3C00: '91' -> EXTERNAL AUTHENTICATE.
    // Valid ARPC: TVR 0, TSI F800 (+ b5 issuer authentication performed).
    [InlineData("visa-online-host-approves", ApprovedOnline, HostApproved, "0000000000", "F800", Signature, "00")]
    // Host declines ARC 05 with a valid ARPC: second GAC asks AAC -> declined online, TSI F800.
    [InlineData("visa-online-host-declines", DeclinedOnline, HostDeclined, "0000000000", "F800", Signature, "05")]
    // ARPC corrupted: EXTERNAL AUTHENTICATE fails -> B5b7 issuer authentication failed (40), TSI F800; the card
    // answers the TC request with an AAC -> declined after host approval (reversal needed), ARC stays the host's 00.
    [InlineData("visa-issuer-auth-failure", DeclinedOnline, CardDeclinedAfterHostApproval, "0000000040", "F800", Signature, "00")]
    // Host unreachable: default action, TVR 0 vs IAC-default and TAC-default -> TC with Y3, card TC; no issuer
    // authentication: TSI E800.
    [InlineData("visa-online-host-unreachable", ApprovedOffline, UnableToGoOnlineApproved, "0000000000", "E800", Signature, "Y3")]
    public void Library_card_reaches_its_statement(string card, TransactionDecision decision, OutcomeReason reason, string tvr, string tsi,
        string cvm, string arc)
    {
        Scenario s = Scenario.Run(card);

        ScenarioExpect.Outcome(s, decision, reason, tvr, tsi, cvm, arc);
        // The card's own statement names the same decision ("approved-offline", "declined-online", ...).
        Assert.Contains(OutcomeNames.Of(decision), s.Profile.Card.Text("decision") ?? "");
        bool online = reason is HostApproved or HostDeclined or CardDeclinedAfterHostApproval or UnableToGoOnlineApproved;
        if (online)
        {
            // Field 55 is built before the online response: byte 5 (issuer authentication / scripts) is still 00.
            ScenarioExpect.OneOnlineRequest(s, tvr.Substring(0, 8) + "00", cvm, 1000, arqcChecked: reason != UnableToGoOnlineApproved);
        }
        else
        {
            ScenarioExpect.NoOnlineRequest(s);
        }
        // Book 4: an approval the card refused afterwards must be reversed; nothing else is.
        Assert.Equal(reason == CardDeclinedAfterHostApproval, s.Outcome.ReversalRequired);
    }

    // Cardholder confirmation (Book 1, 12.4): both applications need it ('87' b8); the list is shown in priority
    // order, VISA DEBIT A0000000032010 (81: priority 1) before VISA CREDIT A0000000031010 (82); the cardholder takes
    // the first. Offline approval as visa-dda-pass: TVR 0000000000, TSI E800, CVM 1E0300, Y1.
    [Fact]
    public void Two_applications_the_cardholder_confirms_the_first_listed()
    {
        var cardholder = new KernelTestSupport.Cardholder(0);
        Scenario s = Scenario.Run("visa-two-apps-priority", setup: k => k.Confirmation = cardholder);

        ScenarioExpect.Outcome(s, ApprovedOffline, CardApprovedOffline, "0000000000", "E800", Signature, "Y1");
        ScenarioExpect.NoOnlineRequest(s);
        Assert.Equal(new[] { "A0000000032010", "A0000000031010" }, Assert.Single(cardholder.Shown));
        Assert.Equal("A0000000032010", Hex.Encode(s.Outcome.Get(0x84)!));
    }

    // visa-blocked-application: SELECT A0000000031010 answers 6283 (blocked) so it is not a candidate (Book 1, 12.3.3);
    // the transaction runs on A0000000032010.
    [Fact]
    public void Blocked_application_is_left_out_and_the_other_is_used()
    {
        Scenario s = Scenario.Run("visa-blocked-application");

        Assert.Equal("A0000000032010", Hex.Encode(s.Outcome.Get(0x84)!));
    }

    // visa-issuer-scripts: the host answers with '71' (PUT DATA 9F14 = 07, script id 00000071) and '72'
    // (APPLICATION BLOCK, id 00000072), both MACed with this ARQC's SMI session key. Book 3 10.10 / Book 4 A5:
    // 9F5B = 20 00000071 20 00000072 (b8-b5 = 2 successful, b4-b1 = 0). TVR 0000000000; TSI FC00 = E800 + b5 issuer
    // authentication (10) + b3 script processing performed (04). The card applied both: lower consecutive offline
    // limit 7 and the application blocked after the TC.
    [Fact]
    public void Issuer_scripts_71_and_72_are_applied()
    {
        Scenario s = Scenario.Run("visa-issuer-scripts", scripts: (host, app) => host.OnArqc = (h, arqc, atc) =>
        {
            h.Scripts71 = h.Script(0x71, "00000071", arqc, atc, ("84DA9F14", "07"));
            h.Scripts72 = h.Script(0x72, "00000072", arqc, atc, ("841E0000", null));
        });

        ScenarioExpect.Outcome(s, ApprovedOnline, HostApproved, "0000000000", "FC00", Signature, "00");
        ScenarioExpect.OneOnlineRequest(s, "0000000000", Signature, 1000);
        Assert.Equal("2000000071" + "2000000072", Hex.Encode(s.Outcome.IssuerScriptResults!));
        Assert.Equal(7, s.Application.LowerConsecutiveOfflineLimit);
        Assert.True(s.Application.Blocked);
        Assert.False(s.Outcome.ReversalRequired);
        // Order on the wire (Book 3 10.10): PUT DATA ('DA'), then the second GENERATE AC ('AE'), then APPLICATION
        // BLOCK ('1E').
        int putData = ScenarioExpect.IndexOf(s, 0xDA, 1), secondAc = ScenarioExpect.IndexOf(s, 0xAE, 2),
            block = ScenarioExpect.IndexOf(s, 0x1E, 1);
        Assert.True(putData >= 0 && putData < secondAc && secondAc < block, putData + " " + secondAc + " " + block);
    }

    // visa-issuer-scripts with one script whose MAC is corrupted (last byte of its command): the card refuses it
    // (SW1 not 90/62/63), so the script failed at command 1: 9F5B byte 1 = 11 (b8-b5 1 failed, b4-b1 1 = first
    // command), Book 4 A5. A '71' failure sets TVR B5b6 (20, before the final GENERATE AC), a '72' failure B5b5 (10,
    // after it); Book 3 10.10. The approval stands (the card's TC does not depend on scripts): approved online,
    // TSI FC00. The refused command changed nothing on the card.
    [Theory]
    [InlineData(0x71, "1100000071", "0000000020")]
    [InlineData(0x72, "1100000072", "0000000010")]
    public void Issuer_script_with_a_bad_mac_fails(int template, string results, string tvr)
    {
        Scenario s = Scenario.Run("visa-issuer-scripts", scripts: (host, app) => host.OnArqc = (h, arqc, atc) =>
        {
            byte[] script = template == 0x71
                ? h.Script(0x71, "00000071", arqc, atc, ("84DA9F14", "07"))
                : h.Script(0x72, "00000072", arqc, atc, ("841E0000", null));
            script[^1] ^= 0x01;
            if (template == 0x71) h.Scripts71 = script; else h.Scripts72 = script;
        });

        ScenarioExpect.Outcome(s, ApprovedOnline, HostApproved, tvr, "FC00", Signature, "00");
        Assert.Equal(results, Hex.Encode(s.Outcome.IssuerScriptResults!));
        Assert.Equal(0, s.Application.LowerConsecutiveOfflineLimit);
        Assert.False(s.Application.Blocked);
    }

    // visa-issuer-auth-failure: '91' with AIP 3C00 -> exactly one EXTERNAL AUTHENTICATE ('82', Book 3 10.9: at most
    // once), which fails; the card records the failure for its next transaction (CVR "issuer authentication
    // failed last time") and the approval must be reversed.
    [Fact]
    public void Issuer_authentication_failure_sends_one_external_authenticate()
    {
        Scenario s = Scenario.Run("visa-issuer-auth-failure");

        Assert.Equal(1, ScenarioExpect.Commands(s, 0x82));
        Assert.True(s.Application.IssuerAuthenticationFailedLastTime);
        Assert.True(s.Outcome.ReversalRequired);
        Assert.Equal(2, ScenarioExpect.Commands(s, 0xAE));
    }

    // mastercard-cda-bad-signature: the first GENERATE AC already gave a TC (TVR 0 -> TC asked with CDA); its CDA
    // fails, so the terminal declines offline (Book 2 6.6.2) without a second GENERATE AC: after a TC the card's
    // transaction is over (Book 3 9.3: a second GENERATE AC follows only an ARQC).
    [Fact]
    public void Cda_failure_on_a_tc_declines_with_one_generate_ac()
    {
        Scenario s = Scenario.Run("mastercard-cda-bad-signature");

        Assert.Equal(1, ScenarioExpect.Commands(s, 0xAE));
        Assert.Equal("40", Hex.Encode(s.Outcome.Cid!));                              // the card's CID: TC
        Assert.Equal(DeclinedOffline, s.Outcome.Decision);
    }

    // The theory covers every contact card of the library (interface contact, contact+contactless,
    // contact+magstripe); contactless-only and magstripe-only cards are the contactless and magstripe suites'.
    [Fact]
    public void Every_contact_library_card_has_a_scenario()
    {
        MethodInfo theory = typeof(LibraryCardScenarioTests).GetMethod(nameof(Library_card_reaches_its_statement))!;
        var covered = theory.GetCustomAttributes<InlineDataAttribute>().SelectMany(a => a.GetData(theory)).Select(row => (string)row[0])
            .ToHashSet();
        covered.Add("visa-two-apps-priority");
        covered.Add("visa-issuer-scripts");
        var contact = CardLibrary.CardNames()
            .Where(n => (CardLibrary.Profile(n).Card.Text("interface") ?? "").Split('+').Contains("contact"))
            .ToArray();
        Assert.Equal(41, contact.Length);
        Assert.Equal(Array.Empty<string>(), contact.Where(n => !covered.Contains(n)).ToArray());
    }
}
