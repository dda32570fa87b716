using Terminal.Decode;
using Terminal.EmvKernel.Apdu;

namespace Terminal.Emulator.Output;

/// <summary>
/// --trace: the kernel's APDU trace with commands and data objects named, through the decoder of
/// tools/Terminal.Decode (<see cref="TranscriptDecoder"/>, <see cref="TextOutput"/>). The kernel's trace is already
/// masked (PAN first 6 / last 4, PIN data zeroed); the decoder masks PAN-bearing tags again.
/// </summary>
public static class TracePrinter
{
    /// <summary>Writes the decoded trace.</summary>
    public static void Write(TextWriter w, ApduTrace trace)
    {
        if (trace == null) return;
        var decoder = new TranscriptDecoder();
        var steps = new List<TranscriptStepDecoding>();
        for (int i = 0; i < trace.Count; i++)
        {
            ApduTraceEntry e = trace[i];
            steps.Add(decoder.DecodeStep(i + 1, e.Command, e.Response));
        }
        w.WriteLine("--- APDU trace (" + trace.Count + " exchanges) ---");
        TextOutput.Write(w, steps);
        w.WriteLine("--- end of trace ---");
    }
}
