using Terminal.Firmware.Core.HostLink.Transport;

namespace Terminal.Emulator.Script;

/// <summary>The scenario has no more input: the run is over.</summary>
public sealed class ScriptEndException() : Exception("end of input");

/// <summary>The terminal waits for something the next scenario step does not give (a wrong order of steps).</summary>
public sealed class ScriptStuckException(ScriptStep step) : Exception("the terminal never took " + step + " (it waits for something else)")
{
    /// <summary>The step that was never taken.</summary>
    public ScriptStep Step { get; } = step;
}

/// <summary>
/// The queue of input events the emulated devices take from: keys, card events and waits, in scenario order.
/// Control steps (host mode, expectations) run as soon as they reach the head, through <see cref="Control"/>.
/// The scripted input ends the run when the terminal asks for more than the scenario holds; the interactive input
/// fills the queue from the console (<see cref="Console.ConsoleInput"/>).
/// </summary>
public abstract class TerminalInput
{
    private readonly LinkedList<ScriptStep> _queue = new();

    /// <summary>The terminal's monotonic clock.</summary>
    public abstract IMonotonicClock Clock { get; }

    /// <summary>Runs host and expectation steps when they reach the head.</summary>
    public Action<ScriptStep> Control { get; set; }

    /// <summary>Called after an input step was taken by a device.</summary>
    public Action<ScriptStep> Taken { get; set; }

    /// <summary>Adds a step at the end.</summary>
    public void Enqueue(ScriptStep step) => _queue.AddLast(step);

    /// <summary>True when no step is left.</summary>
    public bool IsEmpty => _queue.Count == 0;

    /// <summary>
    /// The next input step, or null. With <paramref name="settle"/> (the keypad: the terminal waits for a person)
    /// the control steps before it run first; without (the card readers' polling) a control step at the head hides
    /// what follows, so expectations are checked only when the terminal has finished reacting to the last input.
    /// </summary>
    public ScriptStep Peek(bool settle = false)
    {
        if (!settle) return _queue.Count > 0 && _queue.First!.Value.IsInput ? _queue.First.Value : null;
        while (_queue.Count > 0 && !_queue.First!.Value.IsInput)
        {
            ScriptStep control = _queue.First.Value;
            _queue.RemoveFirst();
            Control?.Invoke(control);
        }
        return _queue.Count > 0 ? _queue.First!.Value : null;
    }

    /// <summary>Takes the head step (after <see cref="Peek"/> returned it).</summary>
    public void Take()
    {
        ScriptStep s = _queue.First!.Value;
        _queue.RemoveFirst();
        OnTaken();
        Taken?.Invoke(s);
    }

    /// <summary>Called by the keypad when the head is nothing for it: time passes (up to <paramref name="timeoutMs"/>).</summary>
    public abstract void Idle(int timeoutMs);

    /// <summary>A <see cref="StepKind.Wait"/> step was taken: <paramref name="ms"/> pass.</summary>
    public abstract void Elapse(long ms);

    /// <summary>Hook after a step was taken.</summary>
    protected virtual void OnTaken()
    {
    }
}

/// <summary>The virtual monotonic clock of the scripted mode: it moves only when the scenario lets time pass.</summary>
public sealed class VirtualClock : IMonotonicClock
{
    /// <inheritdoc />
    public long NowMilliseconds { get; private set; }

    /// <summary>Moves the clock on.</summary>
    public void Advance(long ms)
    {
        if (ms > 0) NowMilliseconds += ms;
    }
}

/// <summary>
/// Scripted input: the steps of a scenario file. When the keypad finds no key at the head the virtual clock moves on
/// by the keypad's timeout, so timeouts are deterministic; when nothing is left the run ends
/// (<see cref="ScriptEndException"/>); a head step that the terminal keeps not taking ends it as stuck.
/// </summary>
public sealed class ScriptedInput : TerminalInput
{
    /// <summary>Polls without a taker after which the head step counts as stuck.</summary>
    public const int StuckAfterPolls = 5000;

    private readonly VirtualClock _clock = new();
    private int _idlePolls;

    /// <summary>Queues the scenario's steps.</summary>
    public ScriptedInput(IEnumerable<ScriptStep> steps)
    {
        foreach (ScriptStep s in steps) Enqueue(s);
    }

    /// <inheritdoc />
    public override IMonotonicClock Clock => _clock;

    /// <inheritdoc />
    public override void Idle(int timeoutMs)
    {
        ScriptStep head = Peek(true);
        if (head == null) throw new ScriptEndException();
        if (++_idlePolls > StuckAfterPolls) throw new ScriptStuckException(head);
        _clock.Advance(Math.Max(1, timeoutMs));
    }

    /// <inheritdoc />
    public override void Elapse(long ms) => _clock.Advance(ms);

    /// <inheritdoc />
    protected override void OnTaken() => _idlePolls = 0;
}
