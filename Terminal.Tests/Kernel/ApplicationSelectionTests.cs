using Xunit;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Util;
using static Terminal.Tests.Kernel.KernelTestSupport;

namespace Terminal.Tests.Kernel;

/// <summary>EMV 4.4 Book 1, section 12 against scripted cards (expected C-APDU, canned R-APDU).</summary>
public class ApplicationSelectionTests
{
    private const string Ok = "9000";

    private static string VisaFci(string priority = null) => Fci(Visa, T("50", "5649534120435245444954") + (priority == null ? "" : T("87", priority)));
    private static string McFci(string priority = null) => Fci(Mastercard, T("50", "4D415354455243415244") + (priority == null ? "" : T("87", priority)));

    [Fact]
    public void Pse_directory_gives_candidates_in_priority_order_and_the_highest_is_selected()
    {
        // Book 1, 12.3.2: one directory record with two entries (Visa priority 2, Mastercard priority 1), 6A83 ends it.
        var card = Card(
            SelectPse, PseFci(1) + Ok,
            ReadRecord(1, 1), T("70", Entry(Visa, "02") + Entry(Mastercard, "01")) + Ok,
            ReadRecord(1, 2), "6A83",
            Select(Mastercard), McFci("01") + Ok);
        var selection = new ApplicationSelection(new Terminal.EmvKernel.Apdu.ApduTransport(card), VisaAndMastercard(), null);

        SelectedApplication selected = selection.SelectApplication();

        Assert.True(selection.CandidatesFromPse);
        Assert.Equal(2, selection.Candidates.Count);
        Assert.Equal(Mastercard, Hex.Encode(selection.Candidates[0].AdfName));
        Assert.Equal(Visa, Hex.Encode(selection.Candidates[1].AdfName));
        Assert.Equal(Mastercard, Hex.Encode(selected.DfName));
        card.VerifyComplete();
    }

    [Fact]
    public void Pse_answering_6A81_terminates_as_card_blocked()
    {
        var card = Card(SelectPse, "6A81");
        var e = Terminated(() => new Flow(card, VisaAndMastercard()).Run());
        Assert.Equal(KernelTerminationReason.CardBlocked, e.Reason);
        Assert.Equal(0x6A81, e.StatusWord);
        card.VerifyComplete();
    }

    [Theory]
    [InlineData("6A82")]
    [InlineData("PSE6283")]
    [InlineData("6E00")]
    public void Pse_error_falls_back_to_the_list_of_aids(string pseStatus)
    {
        // '6283' (PSE blocked) comes with its FCI; a bare warning would make the T=0 transport fetch it first.
        var card = Card(
            SelectPse, pseStatus == "PSE6283" ? PseFci(1) + "6283" : pseStatus,
            Select(Visa), VisaFci() + Ok,
            Select(Mastercard), "6A82",
            Select(Visa), VisaFci() + Ok);
        var selection = new ApplicationSelection(new Terminal.EmvKernel.Apdu.ApduTransport(card), VisaAndMastercard(), null);

        SelectedApplication selected = selection.SelectApplication();

        Assert.False(selection.CandidatesFromPse);
        Assert.Equal(Visa, Hex.Encode(selected.DfName));
        card.VerifyComplete();
    }

    [Fact]
    public void Pse_record_that_is_not_a_70_template_falls_back_to_the_list_of_aids()
    {
        var card = Card(
            SelectPse, PseFci(1) + Ok,
            ReadRecord(1, 1), T("61", T("4F", Visa)) + Ok,
            Select(Visa), VisaFci() + Ok,
            Select(Mastercard), "6A82",
            Select(Visa), VisaFci() + Ok);
        var selection = new ApplicationSelection(new Terminal.EmvKernel.Apdu.ApduTransport(card), VisaAndMastercard(), null);
        selection.SelectApplication();
        Assert.False(selection.CandidatesFromPse);
        card.VerifyComplete();
    }

    [Fact]
    public void Pse_without_a_matching_entry_falls_back_to_the_list_of_aids()
    {
        // Book 1, 12.3.2 step 5: no match in the directory, use the list of AIDs.
        var card = Card(
            SelectPse, PseFci(2) + Ok,
            ReadRecord(2, 1), T("70", Entry("A0000000651010")) + Ok,
            ReadRecord(2, 2), "6A83",
            Select(Visa), "6A82",
            Select(Mastercard), McFci() + Ok);
        var selection = new ApplicationSelection(new Terminal.EmvKernel.Apdu.ApduTransport(card), VisaAndMastercard(), null);
        Assert.Equal(Mastercard, Hex.Encode(selection.SelectApplication().DfName));
        card.VerifyComplete();
    }

    [Fact]
    public void Application_select_6A81_terminates()
    {
        var card = Card(SelectPse, "6A82", Select(Visa), "6A81");
        var e = Terminated(() => new Flow(card, VisaAndMastercard()).Run());
        Assert.Equal(KernelTerminationReason.CardBlocked, e.Reason);
    }

    [Fact]
    public void Application_answering_6283_is_skipped()
    {
        // Book 1, 12.3.3: '6283' = application blocked, not added; the Mastercard SELECT is the last one, so
        // final selection uses its FCI without a second SELECT.
        var card = Card(
            SelectPse, "6A82",
            Select(Visa), VisaFci() + "6283",
            Select(Mastercard), McFci() + Ok);
        var selection = new ApplicationSelection(new Terminal.EmvKernel.Apdu.ApduTransport(card), VisaAndMastercard(), null);
        SelectedApplication selected = selection.SelectApplication();
        Assert.Equal(1, selection.Candidates.Count);
        Assert.Equal(Mastercard, Hex.Encode(selected.DfName));
        card.VerifyComplete();
    }

    [Fact]
    public void Only_blocked_applications_give_no_mutual_application()
    {
        var card = Card(SelectPse, "6A82", Select(Visa), VisaFci() + "6283", Select(Mastercard), "6A82");
        var e = Terminated(() => new Flow(card, VisaAndMastercard()).Run());
        Assert.Equal(KernelTerminationReason.NoMutualApplication, e.Reason);
        card.VerifyComplete();
    }

    [Fact]
    public void Priorities_order_the_list_with_no_priority_last()
    {
        // Book 1, 12.4: '87' b4-b1 = 1 highest; 0 / absent = no priority, after every prioritised entry.
        const string Amex = "A00000002501";
        var card = Card(
            SelectPse, "6A82",
            Select(Amex), Fci(Amex, T("50", "414D4558")) + Ok,
            Select(Visa), VisaFci("03") + Ok,
            Select(Mastercard), McFci("01") + Ok);
        var selection = new ApplicationSelection(new Terminal.EmvKernel.Apdu.ApduTransport(card), Aids(false, Amex, Visa, Mastercard), null);
        SelectedApplication selected = selection.SelectApplication();
        Assert.Equal(new[] { Mastercard, Visa, Amex }, Enumerable.Range(0, 3).Select(i => Hex.Encode(selection.Candidates[i].AdfName)));
        Assert.Equal(Mastercard, Hex.Encode(selected.DfName));
        card.VerifyComplete();
    }

    [Fact]
    public void Without_confirmation_support_applications_requiring_confirmation_are_dropped()
    {
        // Book 1, 12.4: Visa '87' = 81 (b8 confirmation required, priority 1) cannot be chosen; Mastercard priority 2 is.
        var card = Card(
            SelectPse, "6A82",
            Select(Visa), VisaFci("81") + Ok,
            Select(Mastercard), McFci("02") + Ok);
        var selection = new ApplicationSelection(new Terminal.EmvKernel.Apdu.ApduTransport(card), VisaAndMastercard(), null);
        Assert.Equal(Mastercard, Hex.Encode(selection.SelectApplication().DfName));
        Assert.Equal(1, selection.Candidates.Count);
        card.VerifyComplete();
    }

    [Fact]
    public void Single_application_requiring_confirmation_on_a_terminal_without_it_is_not_accepted()
    {
        var card = Card(SelectPse, "6A82", Select(Visa), VisaFci("81") + Ok, Select(Mastercard), "6A82");
        var e = Terminated(() => new Flow(card, VisaAndMastercard()).Run());
        Assert.Equal(KernelTerminationReason.NoMutualApplication, e.Reason);
    }

    [Fact]
    public void Cardholder_choice_from_the_list_is_selected()
    {
        var cardholder = new Cardholder(1);
        var card = Card(
            SelectPse, "6A82",
            Select(Visa), VisaFci("01") + Ok,
            Select(Mastercard), McFci("02") + Ok);
        var selection = new ApplicationSelection(new Terminal.EmvKernel.Apdu.ApduTransport(card), VisaAndMastercard(), cardholder);
        SelectedApplication selected = selection.SelectApplication();
        // The list was shown in priority order; index 1 = Mastercard, which is the card's current selection.
        Assert.Equal(new[] { Visa, Mastercard }, cardholder.Shown.Single());
        Assert.Equal(Mastercard, Hex.Encode(selected.DfName));
        card.VerifyComplete();
    }

    [Fact]
    public void Single_application_requiring_confirmation_is_confirmed_by_the_cardholder()
    {
        var cardholder = new Cardholder(0);
        var card = Card(SelectPse, "6A82", Select(Visa), VisaFci("81") + Ok, Select(Mastercard), "6A82", Select(Visa), VisaFci("81") + Ok);
        var selection = new ApplicationSelection(new Terminal.EmvKernel.Apdu.ApduTransport(card), VisaAndMastercard(), cardholder);
        Assert.Equal(Visa, Hex.Encode(selection.SelectApplication().DfName));
        Assert.Single(cardholder.Shown);
        card.VerifyComplete();
    }

    [Fact]
    public void Cardholder_rejecting_the_application_cancels()
    {
        var card = Card(SelectPse, "6A82", Select(Visa), VisaFci("81") + Ok, Select(Mastercard), "6A82");
        var e = Terminated(() => new Flow(card, VisaAndMastercard(), new Cardholder(-1)).Run());
        Assert.Equal(KernelTerminationReason.CardholderCancelled, e.Reason);
    }

    [Fact]
    public void Partial_match_selects_next_occurrences_until_not_found()
    {
        // Book 1, 12.3.3: terminal AID A000000003 with partial matching allowed; two ADFs share the prefix.
        const string Prefix = "A000000003";
        const string VisaElectron = "A0000000032010";
        // Final selection picks Visa Electron (priority 1), which is not the card's current application.
        var full = Card(
            SelectPse, "6A82",
            Select(Prefix), VisaFci("02") + Ok,
            Select(Prefix, next: true), Fci(VisaElectron, T("87", "01")) + Ok,
            Select(Prefix, next: true), "6A82",
            Select(VisaElectron), Fci(VisaElectron, T("87", "01")) + Ok);
        var selection = new ApplicationSelection(new Terminal.EmvKernel.Apdu.ApduTransport(full), Aids(true, Prefix), null);
        SelectedApplication selected = selection.SelectApplication();
        Assert.Equal(2, selection.Candidates.Count);
        Assert.Equal(VisaElectron, Hex.Encode(selected.DfName));
        Assert.Equal("A000000003", Hex.Encode(selected.Candidate.TerminalAid.Aid));
        full.VerifyComplete();
    }

    [Fact]
    public void Longer_adf_name_with_exact_match_asi_is_not_a_candidate()
    {
        var card = Card(SelectPse, "6A82", Select("A000000003"), VisaFci() + Ok);
        var e = Terminated(() => new Flow(card, Aids(false, "A000000003")).Run());
        Assert.Equal(KernelTerminationReason.NoMutualApplication, e.Reason);
        card.VerifyComplete();
    }

    [Fact]
    public void Final_select_failure_removes_the_candidate_and_selects_the_next()
    {
        // Book 1, 12.4: final SELECT answered other than 9000: remove it and go back without rebuilding the list.
        var card = Card(
            SelectPse, PseFci(1) + Ok,
            ReadRecord(1, 1), T("70", Entry(Visa, "01") + Entry(Mastercard, "02")) + Ok,
            ReadRecord(1, 2), "6A83",
            Select(Visa), VisaFci() + "6283",
            Select(Mastercard), McFci() + Ok);
        var selection = new ApplicationSelection(new Terminal.EmvKernel.Apdu.ApduTransport(card), VisaAndMastercard(), null);
        Assert.Equal(Mastercard, Hex.Encode(selection.SelectApplication().DfName));
        card.VerifyComplete();
    }

    [Fact]
    public void Final_select_with_an_fci_without_a5_is_rejected()
    {
        var card = Card(
            SelectPse, PseFci(1) + Ok,
            ReadRecord(1, 1), T("70", Entry(Visa)) + Ok,
            ReadRecord(1, 2), "6A83",
            Select(Visa), T("6F", T("84", Visa)) + Ok);
        var e = Terminated(() => new ApplicationSelection(new Terminal.EmvKernel.Apdu.ApduTransport(card), VisaAndMastercard(), null).SelectApplication());
        Assert.Equal(KernelTerminationReason.NoMutualApplication, e.Reason);
    }
}
