using Terminal.EmvKernel.DataObjects;
using Xunit;

namespace Terminal.Tests.DataObjects;

public class ApplicationFileLocatorTests
{
    private static byte[] H(string hex) => Convert.FromHexString(hex.Replace(" ", ""));

    [Fact]
    public void Three_entries()
    {
        // 08 = SFI 1 (00001 000), 10 = SFI 2, 18 = SFI 3 (Book 3 10.2).
        var afl = new ApplicationFileLocator(H("08010100 10010100 18030400"));
        Assert.Equal(3, afl.Count);
        AflEntry e1 = afl.EntryAt(0), e2 = afl.EntryAt(1), e3 = afl.EntryAt(2);
        Assert.Equal((1, 1, 1, 0), (e1.Sfi, e1.FirstRecord, e1.LastRecord, e1.OdaRecordCount));
        Assert.Equal((2, 1, 1, 0), (e2.Sfi, e2.FirstRecord, e2.LastRecord, e2.OdaRecordCount));
        Assert.Equal((3, 3, 4, 0), (e3.Sfi, e3.FirstRecord, e3.LastRecord, e3.OdaRecordCount));
        Assert.Equal(2, e3.RecordCount);
        Assert.Equal(4, afl.RecordCount);
        Assert.Equal(0, afl.OdaRecordCount);
        Assert.Equal(new[]
        {
            "SFI 1: records 1-1, 0 for offline data authentication",
            "SFI 2: records 1-1, 0 for offline data authentication",
            "SFI 3: records 3-4, 0 for offline data authentication",
        }, afl.Describe());
    }

    [Fact]
    public void Oda_records_are_counted_from_the_first_record()
    {
        var afl = new ApplicationFileLocator(H("10020402 F0010A0A"));
        AflEntry e = afl.EntryAt(0);
        Assert.False(e.IsOdaRecord(1));
        Assert.True(e.IsOdaRecord(2));
        Assert.True(e.IsOdaRecord(3));
        Assert.False(e.IsOdaRecord(4));
        Assert.Equal(30, afl.EntryAt(1).Sfi);
        Assert.Equal(12, afl.OdaRecordCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => afl.EntryAt(2));
    }

    [Fact]
    public void Empty_afl_has_no_entries()
    {
        Assert.Equal(0, new ApplicationFileLocator(new byte[0]).Count);
    }

    [Theory]
    [InlineData("0801", AflError.LengthNotMultipleOfFour, -1)]
    [InlineData("0801010000", AflError.LengthNotMultipleOfFour, -1)]
    [InlineData("09010100", AflError.SfiByteLowBitsNotZero, 0)]
    [InlineData("00010100", AflError.SfiOutOfRange, 0)]
    [InlineData("F8010100", AflError.SfiOutOfRange, 0)]
    [InlineData("08000100", AflError.FirstRecordZero, 0)]
    [InlineData("08020100", AflError.LastRecordBeforeFirst, 0)]
    [InlineData("08010102", AflError.OdaRecordCountTooLarge, 0)]
    [InlineData("08010100 10030405", AflError.OdaRecordCountTooLarge, 1)]
    public void Broken_rules_are_typed(string hex, AflError error, int entry)
    {
        var e = Assert.Throws<ApplicationFileLocatorException>(() => new ApplicationFileLocator(H(hex)));
        Assert.Equal(error, e.Error);
        Assert.Equal(entry, e.EntryIndex);
        Assert.Equal(0x94, e.Tag);
        Assert.IsAssignableFrom<DataObjectException>(e);
        Assert.Equal(ApplicationFileLocatorException.ErrorText(error), entry < 0 ? e.Reason : e.Reason.Substring(e.Reason.IndexOf(": ") + 2));
    }
}
