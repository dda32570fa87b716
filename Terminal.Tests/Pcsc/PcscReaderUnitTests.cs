using Terminal.Pc.Pcsc;
using Xunit;

namespace Terminal.Tests.Pcsc;

/// <summary>The parts of the PC/SC reader that need no pcscd: multi-string parsing and return code names.</summary>
public class PcscReaderUnitTests
{
    // PC/SC multi-string (SCardListReaders): each name NUL-terminated, an empty name ends the list.
    [Fact]
    public void Reader_list_multi_string()
    {
        byte[] buffer = "Virtual PCD 00 00\0Virtual PCD 00 01\0\0"u8.ToArray();
        Assert.Equal(new[] { "Virtual PCD 00 00", "Virtual PCD 00 01" }, PcscContext.ParseMultiString(buffer, buffer.Length));
        Assert.Empty(PcscContext.ParseMultiString(new byte[] { 0 }, 1));
    }

    // pcsclite.h values: SCARD_W_REMOVED_CARD 0x80100069, SCARD_E_NO_SMARTCARD 0x8010000C mean the card is gone;
    // SCARD_E_NO_SERVICE 0x8010001D (no pcscd) does not.
    [Theory]
    [InlineData(0x80100069u, true)]
    [InlineData(0x8010000Cu, true)]
    [InlineData(0x80100068u, true)]
    [InlineData(0x8010001Du, false)]
    [InlineData(0x8010000Au, false)]
    public void Card_gone_codes(uint code, bool gone)
    {
        Assert.Equal(gone, PcscError.MeansCardGone(code));
    }

    [Fact]
    public void Exception_names_the_function_and_the_code()
    {
        var e = new PcscException("SCardEstablishContext", PcscError.NoService);
        Assert.Equal("SCardEstablishContext failed: SCARD_E_NO_SERVICE (is pcscd running?)", e.Message);
    }
}
