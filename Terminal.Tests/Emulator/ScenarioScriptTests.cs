using Terminal.Emulator.Script;
using Terminal.Firmware.Core.Hardware;
using Xunit;

namespace Terminal.Tests.Emulator;

/// <summary>The scenario format (tools/Terminal.Emulator/README.md).</summary>
public class ScenarioScriptTests
{
    [Theory]
    // Currency exponent 2: the keys are the amount in minor units; leading zeros are not typed.
    [InlineData("12.34", "1234")]
    [InlineData("10", "1000")]
    [InlineData("0.05", "5")]
    [InlineData("999999.99", "99999999")]
    public void Amount_becomes_the_digits_of_its_minor_units(string amount, string digits)
    {
        Assert.Equal(digits, ScenarioScript.AmountDigits(1, amount));
    }

    [Fact]
    public void Amount_and_pin_end_with_enter()
    {
        List<ScriptStep> steps = ScenarioScript.Parse("amount 1.50\npin 1234 # comment\n");

        Assert.Equal([KeyCode.Digit1, KeyCode.Digit5, KeyCode.Digit0, KeyCode.Enter, KeyCode.Digit1, KeyCode.Digit2, KeyCode.Digit3, KeyCode.Digit4, KeyCode.Enter],
            steps.Select(s => s.Key));
        Assert.Equal([1, 1, 1, 1, 2, 2, 2, 2, 2], steps.Select(s => s.Line));
    }

    [Fact]
    public void Every_command_parses()
    {
        List<ScriptStep> steps = ScenarioScript.Parse(
            "key cancel\ntap a\ninsert b\nswipe c\nremove\nwait 1.5\nhost down\nexpect screen \"A # B\"\nexpect tvr 0000000000\n");

        Assert.Equal([StepKind.Key, StepKind.Tap, StepKind.Insert, StepKind.Swipe, StepKind.Remove, StepKind.Wait, StepKind.Host,
            StepKind.ExpectScreen, StepKind.ExpectField], steps.Select(s => s.Kind));
        Assert.Equal(KeyCode.Cancel, steps[0].Key);
        Assert.Equal(1500, steps[5].Number);
        Assert.Equal("A # B", steps[7].Text);                // '#' inside quotes is text
        Assert.Equal(("tvr", "0000000000"), (steps[8].Field, steps[8].Text));
    }

    [Theory]
    [InlineData("amount 1.5", 1)]
    [InlineData("amount 0", 1)]
    [InlineData("\npin 12", 2)]
    [InlineData("key f1", 1)]
    [InlineData("tap", 1)]
    [InlineData("remove now", 1)]
    [InlineData("wait -1", 1)]
    [InlineData("host sideways", 1)]
    [InlineData("expect colour red", 1)]
    [InlineData("expect arc Y1", 1)]
    [InlineData("\n\nbeep", 3)]
    public void Bad_lines_are_refused_with_their_line(string text, int line)
    {
        var e = Assert.Throws<ScriptFormatException>(() => ScenarioScript.Parse(text));
        Assert.Equal(line, e.Line);
    }
}
