using Xunit;
using CsCheck;
using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Contactless.QuickKernel;
using Terminal.Tests.Tlv;
using static Terminal.Tests.Contactless.QuickKernel.QuickKernelTestSupport;
using QK = Terminal.EmvKernel.Contactless.QuickKernel.QuickKernel;

namespace Terminal.Tests.Contactless.QuickKernel;

/// <summary>
/// GPO and record responses fuzzed (real responses of the offline fDDA card with bytes changed, cut or
/// extended, and random answers): the kernel always ends with one of its typed outcomes, never an exception.
/// </summary>
public class QuickKernelFuzzTests
{
    private static readonly Lazy<(byte[] Fci, byte[][] Responses)> Recorded = new(() =>
    {
        var tap = new Tap(Image("visa-qvsdc-offline-fdda"));
        var responses = new List<byte[]>();
        var recorder = new ReplayCard(c => { byte[] r = tap.Card.Transmit(c); responses.Add(r); return r; });
        QK.Run(new ApduTransport(recorder), tap.Fci, ReferenceTerminal(ReaderTtq), KernelConfiguration());
        return (tap.Fci, responses.ToArray());
    });

    private static void AssertTyped(Func<byte[], byte[]> answer)
    {
        QuickKernelResult r = QK.Run(new ApduTransport(new ReplayCard(answer)) { GetResponseAfterWarning = false },
            Recorded.Value.Fci, ReferenceTerminal(ReaderTtq), KernelConfiguration());
        Assert.InRange((int)r.Outcome, (int)QuickKernelOutcome.Approved, (int)QuickKernelOutcome.TryAgain);
        Assert.NotNull(r.Transaction ?? (object)r.AuthorisationData);
    }

    [Fact]
    public void Mutated_real_responses_give_typed_outcomes()
    {
        byte[][] real = Recorded.Value.Responses;
        Gen.Select(Gen.Int[0, real.Length - 1], Gen.Int[0, 3], Gen.Int[0, 300], Gen.Byte)
            .Sample(t =>
            {
                var (which, how, at, value) = t;
                int n = 0;
                AssertTyped(command =>
                {
                    byte[] r = (byte[])real[Math.Min(n, real.Length - 1)].Clone();
                    if (n++ != which) return r;
                    return how switch
                    {
                        0 => Set(r, at % r.Length, value),
                        1 => r[..(at % r.Length)],
                        2 => [.. r[..^2], value, .. r[^2..]],
                        _ => Set(r, Math.Max(0, r.Length - 3 - at % Math.Max(1, r.Length - 2)), value),
                    };
                });
            }, iter: FuzzIterations.Value / 20);
    }

    [Fact]
    public void Random_answers_give_typed_outcomes()
    {
        TlvGen.ArrayOf(TlvGen.ArrayOf(Gen.Byte, 0, 64), 1, 6).Sample(answers =>
        {
            int n = 0;
            AssertTyped(_ => answers[Math.Min(n++, answers.Length - 1)]);
        }, iter: FuzzIterations.Value / 20);
    }

    [Fact]
    public void Random_gpo_templates_give_typed_outcomes()
    {
        // A '77' template of random primitive objects among the ones the kernel reads, then the real records.
        int[] tags = [0x82, 0x94, 0x9F26, 0x9F27, 0x9F36, 0x9F10, 0x9F6C, 0x9F4B, 0x9F69, 0x57, 0x5F24];
        TlvGen.ArrayOf(Gen.Select(Gen.Int[0, tags.Length - 1], TlvGen.ArrayOf(Gen.Byte, 0, 12)), 0, 10).Sample(items =>
        {
            var w = new Terminal.EmvKernel.Tlv.TlvWriter();
            w.BeginTemplate(0x77);
            foreach (var (t, v) in items) w.Write(tags[t], v);
            w.EndTemplate();
            byte[] gpo = [.. w.ToArray(), 0x90, 0x00];
            byte[][] real = Recorded.Value.Responses;
            int n = 0;
            AssertTyped(_ => n++ == 0 ? gpo : real[Math.Min(n - 1, real.Length - 1)]);
        }, iter: FuzzIterations.Value / 20);
    }

    private static byte[] Set(byte[] r, int at, byte value)
    {
        r[at] = value;
        return r;
    }

    private sealed class ReplayCard(Func<byte[], byte[]> answer) : ICardChannel
    {
        public byte[] Transmit(byte[] command) => answer(command);
    }
}
