using Terminal.EmvKernel.Apdu;
using Xunit;

namespace Terminal.Tests.Apdu;

public class StatusWordTests
{
    [Fact]
    public void Valid_sw1_is_6X_except_60_and_9X()
    {
        // ISO 7816-3, 10.3.3: written as an explicit set, independent of the bit test in the code.
        var valid = new HashSet<int>();
        for (int b = 0x61; b <= 0x6F; b++) valid.Add(b);
        for (int b = 0x90; b <= 0x9F; b++) valid.Add(b);
        for (int b = 0; b < 256; b++)
        {
            Assert.Equal(valid.Contains(b), StatusWord.IsValidSw1((byte)b));
        }
    }

    [Theory]
    [InlineData(0x9000, StatusCategory.Normal)]
    [InlineData(0x6110, StatusCategory.Normal)]
    [InlineData(0x6283, StatusCategory.Warning)]
    [InlineData(0x63C1, StatusCategory.Warning)]
    [InlineData(0x6400, StatusCategory.ExecutionError)]
    [InlineData(0x6581, StatusCategory.ExecutionError)]
    [InlineData(0x6700, StatusCategory.CheckingError)]
    [InlineData(0x6985, StatusCategory.CheckingError)]
    [InlineData(0x6A82, StatusCategory.CheckingError)]
    [InlineData(0x6F00, StatusCategory.CheckingError)]
    [InlineData(0x9001, StatusCategory.Proprietary)]
    [InlineData(0x9F10, StatusCategory.Proprietary)]
    [InlineData(0x0000, StatusCategory.Invalid)]
    [InlineData(0x6000, StatusCategory.Invalid)]
    public void Categories(int sw, StatusCategory category)
    {
        Assert.Equal(category, StatusWord.Category(sw));
    }

    [Theory]
    [InlineData(0x9000, "Process completed normally")]
    [InlineData(0x6126, "38 response bytes still available (GET RESPONSE)")]
    [InlineData(0x6100, "256 response bytes still available (GET RESPONSE)")]
    [InlineData(0x6C1C, "Wrong Le: exact length is 28")]
    [InlineData(0x6283, "Warning: selected file invalidated (application blocked)")]
    [InlineData(0x63C2, "Warning: verification failed, 2 tries left")]
    [InlineData(0x6300, "Warning: authentication failed (state of non-volatile memory changed)")]
    [InlineData(0x6700, "Wrong length")]
    [InlineData(0x6983, "Authentication method blocked")]
    [InlineData(0x6984, "Referenced data invalidated")]
    [InlineData(0x6985, "Conditions of use not satisfied")]
    [InlineData(0x6986, "Command not allowed (no current EF)")]
    [InlineData(0x6A81, "Function not supported")]
    [InlineData(0x6A82, "File or application not found")]
    [InlineData(0x6A83, "Record not found")]
    [InlineData(0x6A88, "Referenced data not found")]
    [InlineData(0x6D00, "Instruction code not supported or invalid")]
    [InlineData(0x6E00, "Class not supported")]
    [InlineData(0x6F00, "No precise diagnosis")]
    [InlineData(0x6299, "Warning (state of non-volatile memory unchanged)")]
    [InlineData(0x6A99, "Wrong parameters P1-P2")]
    [InlineData(0x9123, "Proprietary status")]
    [InlineData(0x0000, "Not a status word")]
    public void Descriptions(int sw, string text)
    {
        Assert.Equal(text, StatusWord.Describe(sw));
    }

    [Fact]
    public void Retry_counter_only_for_63Cx()
    {
        Assert.Equal(0, StatusWord.RetryCounter(0x63C0));
        Assert.Equal(15, StatusWord.RetryCounter(0x63CF));
        Assert.Equal(-1, StatusWord.RetryCounter(0x6300));
        Assert.Equal(-1, StatusWord.RetryCounter(0x9000));
    }

    [Fact]
    public void Warnings_are_62xx_and_63xx()
    {
        Assert.True(StatusWord.IsWarning(0x6200));
        Assert.True(StatusWord.IsWarning(0x63FF));
        Assert.False(StatusWord.IsWarning(0x6400));
        Assert.False(StatusWord.IsWarning(0x9000));
        Assert.Equal("6A82", StatusWord.ToHex(0x6A82));
    }
}
