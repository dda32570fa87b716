using BenchmarkDotNet.Attributes;

namespace Terminal.Bench;

/// <summary>
/// One whole contactless tap (Entry Point, PPSE, final selection, the kernel's card phase and deferred phase) per
/// default library card, over the virtual card and the ISO 14443 time model, for CPU time and allocations
/// (the card simulator's own work is included here; the <c>timing</c> command separates kernel and card).
/// Run: dotnet run -c Release --project tools/Terminal.Bench -- --filter '*ContactlessTapBenchmark*' --job short --inProcess
/// </summary>
[MemoryDiagnoser]
public class ContactlessTapBenchmark
{
    private ContactlessTapHarness _harness;

    /// <summary>The library card tapped.</summary>
    [Params("visa-qvsdc-online", "visa-qvsdc-offline-fdda", "unionpay-quics-online", "mastercard-mchip-online", "mastercard-mchip-offline-cda")]
    public string Card { get; set; }

    private ContactlessTapHarness.KernelRow Row => Card.StartsWith("mastercard", StringComparison.Ordinal) ? ContactlessTapHarness.GenerateAc : ContactlessTapHarness.Quick;

    [GlobalSetup]
    public void Setup()
    {
        _harness = new ContactlessTapHarness();
        var m = _harness.Tap(Row, Card);
        if (m.Outcome != Terminal.EmvKernel.Contactless.EntryPoint.ContactlessOutcome.Approved
            && m.Outcome != Terminal.EmvKernel.Contactless.EntryPoint.ContactlessOutcome.OnlineRequest)
            throw new InvalidOperationException(Card + ": unexpected outcome " + m.Outcome);
    }

    [Benchmark]
    public object Tap() => _harness.Tap(Row, Card);
}
