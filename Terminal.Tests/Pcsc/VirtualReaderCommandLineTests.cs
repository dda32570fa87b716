using Terminal.VirtualReader;
using Xunit;

namespace Terminal.Tests.Pcsc;

public class VirtualReaderCommandLineTests
{
    [Fact]
    public void Defaults_to_local_vpcd_port_35963()
    {
        var line = VirtualReaderCommandLine.Parse(new[] { "--card", "visa-cda-online" });
        Assert.Equal("visa-cda-online", line.Card);
        Assert.Equal("127.0.0.1", line.Host);
        Assert.Equal(35963, line.Port);
        Assert.Null(line.Atr);
    }

    [Fact]
    public void Reads_every_option()
    {
        var line = VirtualReaderCommandLine.Parse(new[] { "--card", "x.profile", "--host", "10.0.0.2", "--port", "35964", "--atr", "3B600000", "--connect-timeout", "3" });
        Assert.Equal(("10.0.0.2", 35964, TimeSpan.FromSeconds(3)), (line.Host, line.Port, line.ConnectTimeout));
        Assert.Equal(new byte[] { 0x3B, 0x60, 0x00, 0x00 }, line.Atr);
    }

    [Theory]
    [InlineData(new string[0], "--card (or --transcript) is required")]
    [InlineData(new[] { "--card" }, "--card needs a value")]
    [InlineData(new[] { "--card", "a", "--port", "70000" }, "--port must be 1..65535")]
    [InlineData(new[] { "--card", "a", "--atr", "3B" }, "--atr must be 2 to 33 bytes")]
    [InlineData(new[] { "--card", "a", "--bogus", "1" }, "unknown option --bogus")]
    public void Bad_arguments_give_a_clear_message(string[] args, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => VirtualReaderCommandLine.Parse(args));
        Assert.Contains(message, e.Message);
    }
}
