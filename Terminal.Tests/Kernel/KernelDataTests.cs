using Xunit;
using Terminal.EmvKernel.Dol;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Util;

namespace Terminal.Tests.Kernel;

/// <summary>The tag stores and the candidate list ordering.</summary>
public class KernelDataTests
{
    [Fact]
    public void Store_sets_replaces_removes_and_grows()
    {
        var store = new CardData();
        for (int tag = 1; tag <= 100; tag++) store.Set(0xDF00 + tag, new[] { (byte)tag });
        Assert.Equal(100, store.Count);
        Assert.Equal(new byte[] { 77 }, store.Get(0xDF00 + 77));
        store.Set(0xDF01, new byte[] { 9, 9 });
        Assert.Equal(new byte[] { 9, 9 }, store.Get(0xDF01));
        store.Set(0xDF02, null);
        store.Remove(0xDF03);
        Assert.Equal(98, store.Count);
        Assert.Null(store.Get(0xDF02));
        Assert.False(store.Contains(0xDF03));
        Assert.Equal(0xDF04, store.TagAt(1));
    }

    [Fact]
    public void Terminal_data_formats_dol_values_by_the_dictionary()
    {
        // Book 3, 5.4: 9F02 is n 12, right-justified with leading zeros; 9F1A n 3 fits; 9F35 absent is zeros.
        var terminal = new TerminalData();
        terminal.Set(0x9F02, Hex.Decode("001000"));
        terminal.Set(0x9F1A, Hex.Decode("0826"));
        byte[] data = DataObjectList.Parse(Hex.Decode("9F02069F1A029F3501")).Build(terminal);
        Assert.Equal("000000001000" + "0826" + "00", Hex.Encode(data));
    }

    [Fact]
    public void Candidate_list_is_stable_within_a_priority_and_puts_no_priority_last()
    {
        var list = new CandidateList();
        var aid = new TerminalAid(Hex.Decode("A000000003"), true);
        int[] indicators = { -1, 0x02, 0x81, 0x00, 0x02, 0x0F, 0x01 };
        for (int i = 0; i < indicators.Length; i++)
            list.Add(new CandidateApplication(Hex.Decode("A00000000310" + i.ToString("X2")), aid, null, null, indicators[i]));
        // Priority 1 (entries 2 and 6, in insertion order), 2 (1, 4), 15 (5), then none (0 and 3).
        string[] order = Enumerable.Range(0, list.Count).Select(i => Hex.Encode(list[i].AdfName).Substring(12)).ToArray();
        Assert.Equal(new[] { "02", "06", "01", "04", "05", "00", "03" }, order);
        Assert.True(list[0].RequiresConfirmation);
        list.RemoveRequiringConfirmation();
        Assert.Equal(6, list.Count);
        Assert.Equal("06", Hex.Encode(list[0].AdfName).Substring(12));
    }
}
