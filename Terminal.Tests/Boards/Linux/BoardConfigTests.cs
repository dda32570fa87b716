using Terminal.Boards.Linux;
using Xunit;

namespace Terminal.Tests.Boards.Linux;

/// <summary>The Linux board's configuration file (docs/boards/linux.md): defaults, every key, clear errors.</summary>
public class BoardConfigTests
{
    [Fact]
    public void DefaultsAreTheDocumentedWiring()
    {
        BoardConfig c = BoardConfig.Default();
        Assert.Equal(Pn532Bus.Spi, c.Pn532Bus);
        Assert.Equal(25, c.Pn532SpiChipSelectGpio);
        Assert.Equal(new[] { 5, 6, 13, 19 }, c.KeypadRows);
        Assert.Equal(new[] { 12, 16, 20, 21 }, c.KeypadColumns);
        Assert.Equal(0x3C, c.DisplayI2cAddress);
        Assert.Equal((17, 27, 22), (c.LedGreen, c.LedRed, c.Buzzer));
        Assert.Null(c.ContactUart);
    }

    [Fact]
    public void EveryKeyIsRead()
    {
        BoardConfig c = BoardConfig.Parse("""
            # PN532 on I2C, a 3x4 keypad, a 128x32 display
            pn532.bus = i2c
            pn532.i2c.bus = 3
            pn532.polls = 4
            contact.uart = /dev/ttyAMA1   # TDA8029
            contact.baud = 115200
            keypad.rows = 4, 17, 27, 22
            keypad.columns = 5, 6, 13
            keypad.layout = 1 2 3 / 4 5 6 / 7 8 9 / CANCEL 0 ENTER
            keypad.debounce-ms = 30
            display.i2c.address = 0x3D
            display.height = 32
            led.green = 23
            led.red = none
            buzzer = 24
            data.dir = /tmp/terminal
            """);
        Assert.Equal(Pn532Bus.I2c, c.Pn532Bus);
        Assert.Equal(3, c.Pn532I2cBus);
        Assert.Equal(4, c.Pn532Polls);
        Assert.Equal("/dev/ttyAMA1", c.ContactUart);
        Assert.Equal(115200, c.ContactBaud);
        Assert.Equal(new[] { 4, 17, 27, 22 }, c.KeypadRows);
        Assert.Equal(30, c.KeypadDebounceMs);
        Assert.Equal(0x3D, c.DisplayI2cAddress);
        Assert.Equal(32, c.DisplayHeight);
        Assert.Equal(-1, c.LedRed);
        Assert.Equal("/tmp/terminal", c.DataDirectory);
    }

    [Theory]
    [InlineData("pn532.bus = usb", "line 1: pn532.bus must be spi, i2c, uart or none")]
    [InlineData("\nfoo = 1", "line 2: foo unknown key")]
    [InlineData("buzzer = 5\nbuzzer = 6", "line 2: buzzer given twice")]
    [InlineData("host.port = 5000", "host.port moved to the terminal configuration (set host, set tlspin)")]
    [InlineData("led.green = -3", "led.green must be a number from 0 to 511")]
    [InlineData("display.height = 36", "display.height must be a multiple of 8")]
    [InlineData("data.dir = relative/path", "data.dir must be an absolute path")]
    [InlineData("just text", "line 1: just text expected key = value")]
    [InlineData("keypad.layout = 1 2 / 3 PAY", "keypad.layout keypad layout: unknown key 'PAY'")]
    [InlineData("keypad.layout = 1 2 / 3 4", "keypad.layout is 2x2 but the wiring has 4 rows and 4 columns")]
    [InlineData("buzzer = 5", "buzzer GPIO 5 is already used by keypad.rows")]
    [InlineData("pn532.spi.cs-gpio = 17", "led.green GPIO 17 is already used by pn532.spi.cs-gpio")]
    [InlineData("ca.set = prod", "line 1: ca.set must be test or live")]
    public void BadFilesNameTheLineAndKey(string text, string message)
    {
        var e = Assert.Throws<BoardConfigException>(() => BoardConfig.Parse(text));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void ChipSelectIsFreeWhenThePn532IsNotOnSpi()
    {
        // GPIO 25 is the SPI chip select by default; on I2C it may serve another purpose.
        BoardConfig c = BoardConfig.Parse("pn532.bus = i2c\nbuzzer = 25");
        Assert.Equal(25, c.Buzzer);
    }

    [Fact]
    public void CaSetDefaultsToTestAndReadsLive()
    {
        // docs/boards/linux.md: ca.set defaults to test (development boards run the library's test CA keys).
        Assert.Equal(Terminal.EmvKernel.Capk.CaPublicKeySet.Test, BoardConfig.Default().CaKeySet);
        Assert.Equal(Terminal.EmvKernel.Capk.CaPublicKeySet.Live, BoardConfig.Parse("ca.set = LIVE").CaKeySet);
    }
}
