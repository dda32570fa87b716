using Terminal.Boards.Linux;
using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.Keypad;
using Xunit;

namespace Terminal.Tests.Boards.Linux;

/// <summary>The Linux board's logic without hardware: keypad queue, indicator table, settings files.</summary>
public class LinuxBoardLogicTests
{
    [Fact]
    public void MatrixEventsBecomeDebouncedKeys()
    {
        var keypad = new MatrixKeypad(KeyMap.Parse(KeyMap.Default4x4), 20);
        Assert.False(keypad.TryReadKey(0, out _));
        keypad.Feed(2, 3, true, 100);   // row 3, column 4 of the default layout: ENTER
        keypad.Feed(2, 3, false, 105);  // bounce
        keypad.Feed(2, 3, true, 106);   // bounce
        keypad.Feed(2, 3, false, 300);
        keypad.Feed(3, 1, true, 400);   // 0
        Assert.True(keypad.TryReadKey(0, out KeyCode k1));
        Assert.Equal(KeyCode.Enter, k1);
        Assert.True(keypad.TryReadKey(0, out KeyCode k2));
        Assert.Equal(KeyCode.Digit0, k2);
        Assert.False(keypad.TryReadKey(0, out _));
    }

    [Fact]
    public void GapPositionsGiveNoKey()
    {
        var keypad = new MatrixKeypad(KeyMap.Parse("1 - / 2 3"), 0);
        keypad.Feed(0, 1, true, 0);
        Assert.False(keypad.TryReadKey(0, out _));
    }

    [Theory]
    [InlineData(Signal.Success, true, false, true)]
    [InlineData(Signal.Failure, false, true, true)]
    [InlineData(Signal.Ready, true, false, false)]
    [InlineData(Signal.Off, false, false, false)]
    [InlineData(Signal.KeyClick, false, false, true)]
    public void IndicatorTable(Signal signal, bool green, bool red, bool beeps)
    {
        IndicatorPattern p = IndicatorPattern.For(signal);
        Assert.Equal((green, red, beeps), (p.Green, p.Red, p.BeepMs > 0));
    }

    [Fact]
    public void SettingsFilesAreReplacedWhole()
    {
        string dir = Path.Combine(Path.GetTempPath(), "terminal-settings-" + Guid.NewGuid().ToString("N"));
        try
        {
            var s = new FileSettingsStorage(dir);
            Assert.Null(s.Read("terminal.conf"));
            s.Write("terminal.conf", new byte[] { 1, 2, 3 });
            s.Write("terminal.conf", new byte[] { 4 });
            Assert.Equal(new byte[] { 4 }, s.Read("terminal.conf"));
            Assert.Equal(new[] { "terminal.conf" }, Directory.GetFiles(dir).Select(Path.GetFileName).ToArray());
            Assert.Throws<ArgumentException>(() => s.Read("../etc/passwd"));
            Assert.Throws<ArgumentException>(() => s.Write("a/b", new byte[1]));
            Assert.Throws<ArgumentException>(() => s.Read(".."));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
