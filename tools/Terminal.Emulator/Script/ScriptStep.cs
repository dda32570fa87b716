using Terminal.Firmware.Core.Hardware;

namespace Terminal.Emulator.Script;

/// <summary>What one scenario line does.</summary>
public enum StepKind
{
    /// <summary>A keypad key (<see cref="ScriptStep.Key"/>).</summary>
    Key,
    /// <summary>A card tapped on the contactless reader (<see cref="ScriptStep.Text"/> = library card).</summary>
    Tap,
    /// <summary>A card inserted in the contact reader.</summary>
    Insert,
    /// <summary>A card swiped through the magstripe reader.</summary>
    Swipe,
    /// <summary>The inserted card taken out.</summary>
    Remove,
    /// <summary>Nobody touches anything for <see cref="ScriptStep.Number"/> ms (the virtual clock moves on).</summary>
    Wait,
    /// <summary>Host control: "down", "up", "approve", "decline" (<see cref="ScriptStep.Text"/>).</summary>
    Host,
    /// <summary>Expect a screen since the previous input to contain <see cref="ScriptStep.Text"/>.</summary>
    ExpectScreen,
    /// <summary>Expect the last transaction record's <see cref="ScriptStep.Field"/> to be <see cref="ScriptStep.Text"/>.</summary>
    ExpectField,
}

/// <summary>One step of a scenario, with the line it came from (for messages).</summary>
public sealed class ScriptStep
{
    /// <summary>Creates a step.</summary>
    public ScriptStep(int line, StepKind kind, string source)
    {
        Line = line;
        Kind = kind;
        Source = source;
    }

    /// <summary>1-based line in the scenario file.</summary>
    public int Line { get; }

    /// <summary>What the step does.</summary>
    public StepKind Kind { get; }

    /// <summary>The scenario line as written (trimmed).</summary>
    public string Source { get; }

    /// <summary>The key of a <see cref="StepKind.Key"/> step.</summary>
    public KeyCode Key { get; init; }

    /// <summary>Card name, host mode or expected text/value.</summary>
    public string Text { get; init; }

    /// <summary>Milliseconds of a <see cref="StepKind.Wait"/> step.</summary>
    public long Number { get; init; }

    /// <summary>Record field of an <see cref="StepKind.ExpectField"/> step.</summary>
    public string Field { get; init; }

    /// <summary>True for the steps a device consumes (keys, card events, waits).</summary>
    public bool IsInput => Kind is StepKind.Key or StepKind.Tap or StepKind.Insert or StepKind.Swipe or StepKind.Remove or StepKind.Wait;

    /// <inheritdoc />
    public override string ToString() => "line " + Line + ": " + Source;
}
