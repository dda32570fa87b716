using Xunit;
using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Contactless.EntryPoint;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Util;
using static Terminal.Tests.Kernel.KernelTestSupport;
using static Terminal.Tests.Contactless.EntryPoint.EntryPointTestSupport;

namespace Terminal.Tests.Contactless.EntryPoint;

/// <summary>Book B 3.3: candidate list from the PPSE and final selection, against scripted cards.</summary>
public class CombinationSelectionTests
{
    private static PreProcessingIndicators[] Allowed(params ContactlessCombination[] combinations) => PreProcessing.Run(combinations, 1000, 0, 100);

    private static (CombinationSelection Selection, SelectedCombination Selected, ReplayChannel Card) SelectWith(
        PreProcessingIndicators[] indicators, params string[] script)
    {
        var card = Card(script);
        var transport = new ApduTransport(card) { GetResponseAfterWarning = false };
        var selection = new CombinationSelection();
        selection.BuildCandidateList(transport, indicators);
        var selected = selection.FinalSelection(transport);
        card.VerifyComplete();
        return (selection, selected, card);
    }

    [Fact]
    public void Highest_priority_is_selected_first()
    {
        // Priority 01 beats 02 whatever the PPSE order.
        var (selection, selected, _) = SelectWith(Allowed(DefaultCombinations()),
            SelectPpse, PpseResponse(DirEntry(VisaAid, "02"), DirEntry(MastercardAid, "01")),
            Select(MastercardAid), AdfResponse(MastercardAid));
        Assert.Equal(2, selection.Count);
        Assert.Equal(MastercardAid, Hex.Encode(selected.AdfName));
        Assert.Equal(2, selected.KernelId);
    }

    [Fact]
    public void Equal_priorities_keep_ppse_order_and_absent_or_zero_priority_ranks_last()
    {
        // Entry 1 has no priority, entry 2 priority '00', entry 3 and 4 priority 0F (lowest real priority),
        // low nibble only ('8F' has b8 "confirmation" set, priority 15).
        var visa2 = "A0000000032020";
        var visa3 = "A0000000033030";
        var visa4 = "A0000000034040";
        var (selection, selected, _) = SelectWith(Allowed(Combination("A000000003", 3)),
            SelectPpse, PpseResponse(DirEntry(VisaAid), DirEntry(visa2, "00"), DirEntry(visa3, "8F"), DirEntry(visa4, "0F")),
            Select(visa3), AdfResponse(visa3));
        Assert.Equal(visa3, Hex.Encode(selected.AdfName));
        Assert.Equal([visa3, visa4, VisaAid, visa2], Enumerable.Range(0, selection.Count).Select(i => Hex.Encode(selection[i].Entry.AdfName)));
    }

    [Fact]
    public void Failed_select_removes_the_candidate_and_selects_the_next()
    {
        // 3.3.3.5: SELECT answered 6A82 -> removed, Start C: the next candidate.
        var (selection, selected, _) = SelectWith(Allowed(DefaultCombinations()),
            SelectPpse, PpseResponse(DirEntry(VisaAid, "01"), DirEntry(MastercardAid, "02")),
            Select(VisaAid), "6A82",
            Select(MastercardAid), AdfResponse(MastercardAid));
        Assert.Equal(MastercardAid, Hex.Encode(selected.AdfName));
        Assert.Equal(1, selection.Count);
    }

    [Fact]
    public void Kernel_identifier_must_match_the_combination_kernel()
    {
        // A Visa AID whose entry asks for kernel 2 does not match the {Visa, kernel 3} combination; kernel 3 does.
        var (selection, selected, _) = SelectWith(Allowed(Combination("A000000003", 3)),
            SelectPpse, PpseResponse(DirEntry(VisaAid, "01", kernelId: "02"), DirEntry("A0000000032010", "02", kernelId: "03")),
            Select("A0000000032010"), AdfResponse("A0000000032010"));
        Assert.Equal(1, selection.Count);
        Assert.Equal(3, selected.KernelId);
    }

    [Fact]
    public void Default_kernel_by_rid_picks_the_combination_for_that_kernel()
    {
        // The same AID configured with kernels 2 and 3: the absent 9F2A defaults to kernel 3 for A000000003.
        var indicators = Allowed(Combination(VisaAid, 2), Combination(VisaAid, 3));
        var (selection, selected, _) = SelectWith(indicators,
            SelectPpse, PpseResponse(DirEntry(VisaAid)),
            Select(VisaAid), AdfResponse(VisaAid));
        Assert.Equal(1, selection.Count);
        Assert.Equal(3, selected.KernelId);
    }

    [Fact]
    public void Requested_kernel_zero_matches_every_combination_of_the_aid()
    {
        // An unlisted RID with no 9F2A: requested kernel 0: both combinations of that AID become candidates, in
        // combination order for the same entry.
        var aid = "A0000009991010";
        var indicators = Allowed(Combination(aid, 2), Combination(aid, 3));
        var (selection, selected, _) = SelectWith(indicators,
            SelectPpse, PpseResponse(DirEntry(aid)),
            Select(aid), AdfResponse(aid));
        Assert.Equal(2, selection.Count);
        Assert.Equal(2, selected.KernelId);
    }

    [Fact]
    public void Partial_aid_matching_and_invalid_adf_names()
    {
        // Combination AID A000000003 (the RID): ADF names beginning with it match; a 4-byte ADF name is skipped.
        var (selection, selected, _) = SelectWith(Allowed(Combination("A000000003", 3)),
            SelectPpse, PpseResponse(DirEntry("A0000000", "01"), DirEntry(VisaAid, "02")),
            Select(VisaAid), AdfResponse(VisaAid));
        Assert.Equal(1, selection.Count);
        Assert.Equal(VisaAid, Hex.Encode(selected.AdfName));
    }

    [Fact]
    public void Combinations_not_allowed_take_no_part()
    {
        var visa = Combination(VisaAid, 3);
        visa.TransactionLimit = 500;   // 10.00 >= 5.00: not allowed
        var (selection, selected, _) = SelectWith(PreProcessing.Run([visa, Combination(MastercardAid, 2)], 1000, 0, 100),
            SelectPpse, PpseResponse(DirEntry(VisaAid, "01"), DirEntry(MastercardAid, "02")),
            Select(MastercardAid), AdfResponse(MastercardAid));
        Assert.Equal(1, selection.Count);
        Assert.Equal(2, selected.KernelId);
    }

    [Fact]
    public void Extended_selection_is_appended_only_when_supported()
    {
        // 3.3.3.3: SELECT with ADF name || 9F29.
        var supported = Combination(VisaAid, 3);
        supported.ExtendedSelectionSupported = true;
        var (_, selected, _) = SelectWith(Allowed(supported),
            SelectPpse, PpseResponse(DirEntry(VisaAid, "01", extended: "0102")),
            Select(VisaAid + "0102"), AdfResponse(VisaAid + "0102"));
        Assert.Equal("0102", Hex.Encode(selected.Candidate.ExtendedSelection));

        var (_, plain, _) = SelectWith(Allowed(Combination(VisaAid, 3)),
            SelectPpse, PpseResponse(DirEntry(VisaAid, "01", extended: "0102")),
            Select(VisaAid), AdfResponse(VisaAid));
        Assert.Null(plain.Candidate.ExtendedSelection);
    }

    [Fact]
    public void Extended_selection_too_long_for_a_select_removes_the_candidate()
    {
        var supported = Combination(VisaAid, 3);
        supported.ExtendedSelectionSupported = true;
        // 7-byte ADF name + 10 bytes = 17 > 16: not selectable; nothing else is sent.
        var (selection, selected, _) = SelectWith(Allowed(supported),
            SelectPpse, PpseResponse(DirEntry(VisaAid, "01", extended: "00112233445566778899")));
        Assert.Null(selected);
        Assert.Equal(0, selection.Count);
    }

    [Theory]
    [InlineData("6A82")]
    [InlineData("6A81")]
    [InlineData("6F00")]
    public void Ppse_not_found_gives_no_candidates(string sw)
    {
        var (selection, selected, _) = SelectWith(Allowed(DefaultCombinations()), SelectPpse, sw);
        Assert.Equal(0, selection.Count);
        Assert.Null(selected);
    }

    [Fact]
    public void Malformed_ppse_gives_no_candidates()
    {
        var (selection, selected, _) = SelectWith(Allowed(DefaultCombinations()), SelectPpse, "6F03A501009000");
        Assert.Equal(0, selection.Count);
        Assert.Null(selected);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Card_removed_at_a_selection_command_is_a_communication_error(int step)
    {
        var card = Card(SelectPpse, PpseResponse(DirEntry(VisaAid, "01")), Select(VisaAid), AdfResponse(VisaAid));
        card.RemoveCardBeforeStep(step);
        var transport = new ApduTransport(card);
        var selection = new CombinationSelection();
        var e = Assert.Throws<KernelTerminatedException>(() =>
        {
            selection.BuildCandidateList(transport, Allowed(DefaultCombinations()));
            selection.FinalSelection(transport);
        });
        Assert.Equal(KernelTerminationReason.CardRemoved, e.Reason);
    }

    [Fact]
    public void Legacy_kernel_1_card_is_recognised_by_its_pdol()
    {
        // 3.3.3.6: Visa RID and kernel 3 with no PDOL, or a PDOL without 9F66.
        var (_, noPdol, _) = SelectWith(Allowed(DefaultCombinations()),
            SelectPpse, PpseResponse(DirEntry(VisaAid)), Select(VisaAid), Fci(VisaAid, T("50", "56495341")) + "9000");
        Assert.True(CombinationSelection.IsLegacyKernel1Card(noPdol));
        var (_, noTtq, _) = SelectWith(Allowed(DefaultCombinations()),
            SelectPpse, PpseResponse(DirEntry(VisaAid)), Select(VisaAid), Fci(VisaAid, T("9F38", "9F0206")) + "9000");
        Assert.True(CombinationSelection.IsLegacyKernel1Card(noTtq));
        var (_, withTtq, _) = SelectWith(Allowed(DefaultCombinations()),
            SelectPpse, PpseResponse(DirEntry(VisaAid)), Select(VisaAid), AdfResponse(VisaAid));
        Assert.False(CombinationSelection.IsLegacyKernel1Card(withTtq));
        var (_, mastercard, _) = SelectWith(Allowed(DefaultCombinations()),
            SelectPpse, PpseResponse(DirEntry(MastercardAid)), Select(MastercardAid), Fci(MastercardAid, "") + "9000");
        Assert.False(CombinationSelection.IsLegacyKernel1Card(mastercard));
    }
}
