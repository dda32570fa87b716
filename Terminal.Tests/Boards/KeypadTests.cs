using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.Keypad;
using Xunit;

namespace Terminal.Tests.Boards;

/// <summary>Matrix keypad layout parsing and debouncing (portable, used by both boards).</summary>
public class KeypadTests
{
    [Theory]
    // The default 4x4 layout "1 2 3 CANCEL / 4 5 6 CLEAR / 7 8 9 ENTER / UP 0 DOWN MENU", read by hand.
    [InlineData(0, 0, KeyCode.Digit1)]
    [InlineData(0, 3, KeyCode.Cancel)]
    [InlineData(1, 3, KeyCode.Clear)]
    [InlineData(2, 2, KeyCode.Digit9)]
    [InlineData(2, 3, KeyCode.Enter)]
    [InlineData(3, 0, KeyCode.Up)]
    [InlineData(3, 1, KeyCode.Digit0)]
    [InlineData(3, 2, KeyCode.Down)]
    [InlineData(3, 3, KeyCode.Menu)]
    public void DefaultLayout(int row, int column, KeyCode expected)
    {
        KeyMap map = KeyMap.Parse(KeyMap.Default4x4);
        Assert.Equal(4, map.Rows);
        Assert.Equal(4, map.Columns);
        Assert.True(map.TryGetKey(row, column, out KeyCode key));
        Assert.Equal(expected, key);
    }

    [Fact]
    public void GapsAndOutsidePositionsHaveNoKey()
    {
        KeyMap map = KeyMap.Parse("1 2 3 / 4 5 6 / 7 8 9 / cancel 0 enter / - clear -");
        Assert.Equal(5, map.Rows);
        Assert.True(map.TryGetKey(3, 0, out KeyCode k));
        Assert.Equal(KeyCode.Cancel, k);
        Assert.False(map.TryGetKey(4, 0, out _));
        Assert.False(map.TryGetKey(5, 0, out _));
        Assert.False(map.TryGetKey(0, -1, out _));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("1 2 / 3", "row 2 has 1 keys, row 1 has 2")]
    [InlineData("1 2 / 3 PAY", "unknown key 'PAY'")]
    [InlineData("1 2 / 3 1", "key '1' appears twice")]
    [InlineData("1 2 / / 3 4", "row 2 is empty")]
    public void BadLayoutsNameTheProblem(string layout, string message)
    {
        var e = Assert.Throws<KeyMapException>(() => KeyMap.Parse(layout));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void BounceInsideTheWindowIsIgnoredAndAHeldKeyDoesNotRepeat()
    {
        var d = new KeyDebouncer(4, 4, 20);
        Assert.True(d.OnEvent(1, 2, true, 1000));   // press
        Assert.False(d.OnEvent(1, 2, false, 1003)); // bounce open, 3 ms < 20 ms
        Assert.False(d.OnEvent(1, 2, true, 1005));  // bounce close: key already down
        Assert.False(d.OnEvent(1, 2, true, 1200));  // still held: no repeat
        Assert.False(d.OnEvent(1, 2, false, 1300)); // real release (not a press)
        Assert.False(d.OnEvent(1, 2, true, 1310));  // bounce after release, 10 ms < 20 ms
        Assert.True(d.OnEvent(1, 2, true, 1330));   // next press, 30 ms after the release
    }

    [Fact]
    public void KeysAreDebouncedSeparately()
    {
        var d = new KeyDebouncer(2, 2, 20);
        Assert.True(d.OnEvent(0, 0, true, 0));
        Assert.True(d.OnEvent(1, 1, true, 1));
        Assert.False(d.OnEvent(2, 0, true, 100)); // outside the matrix
    }
}
