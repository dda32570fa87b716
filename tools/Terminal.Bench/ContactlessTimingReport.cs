using System.Diagnostics;
using System.Globalization;
using Terminal.VirtualCards.Timing;

namespace Terminal.Bench;

/// <summary>
/// The <c>timing</c> command: for each contactless kernel and its default library cards, the modelled card-in-field
/// time (ISO 14443 model: activation plus every exchange), Entry Point and kernel CPU time between commands (wall
/// time outside the channel), the deferred work after "card read OK, remove card" (fDDA / CDA RSA, outcome), the
/// bytes allocated, and the RSA operations counted while the card was in the field. Medians over the measured taps.
/// Run: dotnet run -c Release --project tools/Terminal.Bench -- timing [--taps N] [--warmup N]
/// </summary>
internal static class ContactlessTimingReport
{
    /// <summary>Budget of issue 6: modelled card-in-field time.</summary>
    private const long BudgetMicroseconds = 300_000;
    /// <summary>Target of issue 6: the kernel adds at most 5 ms per command on the PC.</summary>
    private const double PerCommandTargetMs = 5.0;

    public static int Run(string[] args)
    {
        int taps = Option(args, "--taps", 200);
        int warmup = Option(args, "--warmup", 20);
        var harness = new ContactlessTapHarness();
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine("# Contactless timing report");
        Console.WriteLine();
        Console.WriteLine("Machine: " + Environment.ProcessorCount + " logical CPUs, " + System.Runtime.InteropServices.RuntimeInformation.OSDescription
            + ", .NET " + Environment.Version + (Debugger.IsAttached ? " (debugger attached)" : "")
#if DEBUG
            + ", DEBUG build (use -c Release)"
#endif
            );
        Console.WriteLine("Taps per card: " + taps + " measured after " + warmup + " warm-up taps; medians. Kernel RSA: PortableCryptoProvider (the device's).");
        Console.WriteLine();
        Console.WriteLine("| kernel | card | outcome | cmds | modelled in field (ms) | kernel CPU card phase (ms) | max kernel gap before a command (ms) | deferred after removal (ms) | kernel bytes card phase | deferred bytes | RSA in field / total |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        bool ok = true;
        var details = new List<string>();
        foreach (var row in ContactlessTapHarness.Rows)
        {
            foreach (string card in row.Cards)
            {
                for (int i = 0; i < warmup; i++) harness.Tap(row, card);
                var ms = new List<ContactlessTapHarness.TapMeasurement>();
                for (int i = 0; i < taps; i++) ms.Add(harness.Tap(row, card));
                var last = ms[^1];
                double ticksPerMs = Stopwatch.Frequency / 1000.0;
                double phase = Median(ms.Select(x => x.CardPhaseKernelTicks / ticksPerMs));
                double gap = Median(ms.Select(x => x.MaxGapTicks / ticksPerMs));
                double deferred = Median(ms.Select(x => x.DeferredTicks / ticksPerMs));
                long phaseBytes = (long)Median(ms.Select(x => (double)x.CardPhaseKernelBytes));
                long deferredBytes = (long)Median(ms.Select(x => (double)x.DeferredBytes));
                int rsaInField = ms.Max(x => x.RsaInField);
                Console.WriteLine(string.Format(inv, "| {0} | {1} | {2} | {3} | {4:F1} | {5:F2} | {6:F2} | {7:F2} | {8} | {9} | {10} / {11} |",
                    row.Name, card, last.Outcome, last.Commands.Count, last.CardInFieldMicroseconds / 1000.0, phase, gap, deferred,
                    phaseBytes, deferredBytes, rsaInField, last.RsaTotal));
                if (last.CardInFieldMicroseconds >= BudgetMicroseconds || rsaInField != 0 || gap > PerCommandTargetMs) ok = false;
                details.Add(Detail(row.Name, card, last));
            }
        }
        Console.WriteLine();
        Console.WriteLine("Targets: modelled card-in-field < 300 ms; kernel gap before each command <= 5 ms; RSA in field = 0. "
            + (ok ? "All met." : "NOT ALL MET."));
        Console.WriteLine();
        Console.WriteLine("## Modelled time per command (last tap; activation " + new ActivationTiming(null).TotalMicroseconds / 1000.0 + " ms at the defaults)");
        foreach (string d in details) Console.WriteLine(d);
        return ok ? 0 : 1;
    }

    private static string Detail(string kernel, string card, ContactlessTapHarness.TapMeasurement m)
    {
        var inv = CultureInfo.InvariantCulture;
        var lines = new List<string>
        {
            "",
            "### " + card + " (" + kernel + ")",
            "",
            "| # | command | C-APDU bytes | R-APDU bytes | modelled (ms) |",
            "|---|---|---|---|---|",
            string.Format(inv, "| - | activation (guard, REQA..ATS) | | | {0:F2} |", m.ActivationMicroseconds / 1000.0),
        };
        for (int i = 0; i < m.Commands.Count; i++)
        {
            var c = m.Commands[i];
            lines.Add(string.Format(inv, "| {0} | {1} | {2} | {3} | {4:F2} |", i + 1, c.Command, c.CommandBytes, c.ResponseBytes, c.ModelledMicroseconds / 1000.0));
        }
        lines.Add(string.Format(inv, "| | **total** | | | **{0:F2}** |", m.CardInFieldMicroseconds / 1000.0));
        return string.Join(Environment.NewLine, lines);
    }

    private static double Median(IEnumerable<double> values)
    {
        var v = values.OrderBy(x => x).ToArray();
        return v.Length == 0 ? 0 : v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out int v) && v > 0 ? v : fallback;
    }
}
