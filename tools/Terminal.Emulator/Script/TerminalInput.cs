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
/// Control steps run when they reach the head (<see cref="Peek"/> with settle): a host step at once; an expectation
/// is checked through <see cref="Check"/> and, while it does not hold yet, stays at the head (the terminal keeps
/// running, time passes) until it holds or <see cref="ExpectationWaitMs"/> have passed since the last input, when
/// it fails. The scripted input ends the run when the terminal asks for more than the scenario holds; the
/// interactive input fills the queue from the console (<see cref="ConsoleInput"/>).
/// </summary>
public abstract class TerminalInput
{
    /// <summary>How long an expectation may wait for the terminal (virtual ms since the last input).</summary>
    public const long ExpectationWaitMs = 60000;

    private readonly LinkedList<ScriptStep> _queue = new();

    /// <summary>The terminal's monotonic clock.</summary>
    public abstract IMonotonicClock Clock { get; }

    /// <summary>Runs a host step.</summary>
    public Action<ScriptStep> Control { get; set; }

    /// <summary>Checks an expectation: true when it holds now.</summary>
    public Func<ScriptStep, bool> Check { get; set; }

    /// <summary>Records an expectation's final verdict.</summary>
    public Action<ScriptStep, bool> Verdict { get; set; }

    /// <summary>Called after an input step was taken by a device.</summary>
    public Action<ScriptStep> Taken { get; set; }

    /// <summary>Input steps taken so far.</summary>
    public int TakenCount { get; private set; }

    /// <summary>Clock time of the last taken input.</summary>
    public long LastTakenAt { get; private set; }

    /// <summary>Adds a step at the end.</summary>
    public void Enqueue(ScriptStep step) => _queue.AddLast(step);

    /// <summary>True when no step is left.</summary>
    public bool IsEmpty => _queue.Count == 0;

    /// <summary>The step at the head (input or control), or null.</summary>
    public ScriptStep Head => _queue.Count > 0 ? _queue.First!.Value : null;

    /// <summary>
    /// The next input step, or null. With <paramref name="settle"/> (the terminal is between actions: the keypad or
    /// the run loop polls) the control steps at the head run first; without (a card reader's poll) a control step at
    /// the head hides what follows.
    /// </summary>
    public ScriptStep Peek(bool settle = false)
    {
        if (settle) Settle();
        return _queue.Count > 0 && _queue.First!.Value.IsInput ? _queue.First.Value : null;
    }

    /// <summary>Runs control steps at the head; stops at an expectation that does not hold yet.</summary>
    public void Settle()
    {
        while (_queue.Count > 0 && !_queue.First!.Value.IsInput)
        {
            ScriptStep control = _queue.First.Value;
            if (control.Kind == StepKind.Host)
            {
                Control?.Invoke(control);
            }
            else
            {
                bool holds = Check == null || Check(control);
                if (!holds && Clock.NowMilliseconds - LastTakenAt < ExpectationWaitMs) return;
                Verdict?.Invoke(control, holds);
            }
            _queue.RemoveFirst();
        }
    }

    /// <summary>Removes and returns the head step without running it (end of run), or null.</summary>
    public ScriptStep DropHead()
    {
        if (_queue.Count == 0) return null;
        ScriptStep s = _queue.First!.Value;
        _queue.RemoveFirst();
        return s;
    }

    /// <summary>Takes the head step (after <see cref="Peek"/> returned it).</summary>
    public void Take()
    {
        ScriptStep s = _queue.First!.Value;
        _queue.RemoveFirst();
        TakenCount++;
        LastTakenAt = Clock.NowMilliseconds;
        Taken?.Invoke(s);
    }

    /// <summary>Nothing for the poller: time passes (at least <paramref name="timeoutMs"/>), controls settle.</summary>
    public abstract void Idle(int timeoutMs);

    /// <summary>A <see cref="StepKind.Wait"/> step was taken: <paramref name="ms"/> pass.</summary>
    public abstract void Elapse(long ms);
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
/// Scripted input: the steps of a scenario file. When nothing is taken the virtual clock moves on by the poller's
/// timeout (at least <see cref="PollMs"/>), so timeouts are deterministic; when nothing is left the run ends
/// (<see cref="ScriptEndException"/>); an input step the terminal does not take for <see cref="StuckAfterMs"/> ends
/// it as stuck.
/// </summary>
public sealed class ScriptedInput : TerminalInput
{
    /// <summary>Virtual time of one poll that finds nothing.</summary>
    public const int PollMs = 10;

    /// <summary>Virtual time after which an input step nobody takes counts as stuck.</summary>
    public const long StuckAfterMs = 10 * 60 * 1000;

    private readonly VirtualClock _clock = new();

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
        Settle();
        ScriptStep head = Head;
        if (head == null) throw new ScriptEndException();
        if (head.IsInput && _clock.NowMilliseconds - LastTakenAt > StuckAfterMs) throw new ScriptStuckException(head);
        _clock.Advance(Math.Max(PollMs, timeoutMs));
    }

    /// <inheritdoc />
    public override void Elapse(long ms) => _clock.Advance(ms);
}
