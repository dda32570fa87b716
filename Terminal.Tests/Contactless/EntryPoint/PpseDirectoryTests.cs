using CsCheck;
using Xunit;
using Terminal.EmvKernel.Contactless.EntryPoint;
using Terminal.EmvKernel.Util;
using Terminal.Tests.Tlv;
using static Terminal.Tests.Contactless.EntryPoint.EntryPointTestSupport;

namespace Terminal.Tests.Contactless.EntryPoint;

/// <summary>PPSE FCI parsing (Book B 3.3.2, Table 3-3) and the kernel identifier rules (3.3.2.5, Table 3-6).</summary>
public class PpseDirectoryTests
{
    [Fact]
    public void Entries_are_read_in_fci_order_with_their_data_objects()
    {
        string fci = PpseFci(
            DirEntry(VisaAid, priority: "02", label: "5649534120435245444954"),
            DirEntry(MastercardAid, priority: "01", kernelId: "02", extended: "0102"));
        var entries = PpseDirectory.Parse(Hex.Decode(fci));
        Assert.Equal(2, entries.Length);
        Assert.Equal(VisaAid, Hex.Encode(entries[0].AdfName));
        Assert.Equal("VISA CREDIT", System.Text.Encoding.ASCII.GetString(entries[0].Label));
        Assert.Equal(2, entries[0].Priority);
        Assert.Null(entries[0].KernelIdentifierValue);
        Assert.Equal(0, entries[0].Index);
        Assert.Equal(MastercardAid, Hex.Encode(entries[1].AdfName));
        Assert.Equal("02", Hex.Encode(entries[1].KernelIdentifierValue));
        Assert.Equal("0102", Hex.Encode(entries[1].ExtendedSelection));
        Assert.Equal(1, entries[1].Index);
    }

    [Fact]
    public void Objects_other_than_directory_entries_are_skipped()
    {
        // BF0C { 9F0A (proprietary), 61 {...} }
        string fci = KernelTestSupportT("6F", KernelTestSupportT("84", PpseNameHex)
            + KernelTestSupportT("A5", KernelTestSupportT("BF0C", KernelTestSupportT("9F0A", "0001") + DirEntry(VisaAid))));
        var entries = PpseDirectory.Parse(Hex.Decode(fci));
        Assert.Single(entries);
        Assert.Equal(0, entries[0].Index);
    }

    private static string KernelTestSupportT(string tag, string value) => Terminal.Tests.Kernel.KernelTestSupport.T(tag, value);

    [Theory]
    [InlineData("")]
    [InlineData("6F00")]                                        // no A5
    [InlineData("6F04A5020101")]                                // A5 without BF0C ('01' 01: a primitive object)
    [InlineData("6F05A503BF0C")]                                // truncated
    [InlineData("6F0AA508BF0C05610380")]                        // inner length runs past the template
    [InlineData("7005A503BF0C00")]                              // not a 6F template
    public void Unreadable_fci_is_a_typed_error(string hex)
    {
        Assert.Throws<PpseFormatException>(() => PpseDirectory.Parse(Hex.Decode(hex)));
    }

    [Theory]
    // Absent or '00': default by RID (Book B Table 3-6, reference notes 4.4).
    [InlineData(null, "A0000000031010", 3)]
    [InlineData(null, "A0000000041010", 2)]
    [InlineData(null, "A00000002501", 4)]
    [InlineData(null, "A0000000651010", 5)]
    [InlineData(null, "A000000333010101", 7)]
    [InlineData("", "A0000000031010", 3)]
    [InlineData("00", "A0000000041010", 2)]
    [InlineData("0000", "A0000000041010", 2)]
    // An RID the table does not list: 0, any kernel.
    [InlineData(null, "A0000009991010", 0)]
    // International kernel ID (b8-b7 = 00): byte 1.
    [InlineData("02", "A0000000031010", 2)]
    [InlineData("03", "A0000000031010", 3)]
    [InlineData("0300", "A0000000031010", 3)]
    // Domestic (b8-b7 = 10 / 11): three bytes.
    [InlineData("C12345", "A0000000031010", 0xC12345)]
    [InlineData("812345", "A0000000031010", 0x812345)]
    // Domestic but shorter than three bytes, or short kernel ID 0: unusable.
    [InlineData("81", "A0000000031010", -1)]
    [InlineData("8100", "A0000000031010", -1)]
    [InlineData("800000", "A0000000031010", -1)]
    public void Requested_kernel_id(string kernelId, string adf, int expected)
    {
        Assert.Equal(expected, KernelIdentifier.Requested(kernelId == null ? null : Hex.Decode(kernelId), Hex.Decode(adf)));
    }

    [Fact]
    public void Fuzzed_fci_gives_entries_or_a_typed_error()
    {
        var valid = Hex.Decode(PpseFci(DirEntry(VisaAid, "01", "03", "0102"), DirEntry(MastercardAid, "02")));
        var mutated = TlvGen.ArrayOf(Gen.Int[0, valid.Length - 1].Select(Gen.Byte, (i, b) => (i, b)), 1, 4)
            .Select(changes =>
            {
                var copy = (byte[])valid.Clone();
                foreach (var (i, b) in changes) copy[i] = b;
                return copy;
            });
        var random = TlvGen.ArrayOf(Gen.Byte, 0, 80);
        var indicators = PreProcessing.Run(DefaultCombinations(), 1000, 0, 100);
        Gen.Frequency((3, (IGen<byte[]>)mutated), (1, random)).Sample(data =>
        {
            DirectoryEntry[] entries;
            try
            {
                entries = PpseDirectory.Parse(data);
            }
            catch (PpseFormatException)
            {
                return;
            }
            // Whatever parsed must be usable by candidate list building without an exception.
            var selection = new CombinationSelection();
            selection.AddCandidates(entries, indicators);
            for (int i = 0; i < selection.Count; i++)
            {
                Assert.True(selection[i].Entry.HasValidAdfName);
                _ = selection[i].SelectName;
            }
        }, iter: FuzzIterations.Value / 2);
    }
}
