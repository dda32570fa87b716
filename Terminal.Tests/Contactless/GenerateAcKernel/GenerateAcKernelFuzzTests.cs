using Xunit;
using CsCheck;
using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Contactless.GenerateAcKernel;
using Terminal.Tests.Tlv;
using Terminal.Tests.VirtualCards.Library;
using static Terminal.Tests.Contactless.GenerateAcKernel.GenerateAcKernelTestSupport;
using GK = Terminal.EmvKernel.Contactless.GenerateAcKernel.GenerateAcKernel;

namespace Terminal.Tests.Contactless.GenerateAcKernel;

/// <summary>
/// Card answers fuzzed (the real answers of the relay resistance card with bytes changed, cut or extended, and
/// random answers): both phases always end with one of the kernel's typed outcomes, never an exception.
/// </summary>
public class GenerateAcKernelFuzzTests
{
    private static readonly Lazy<(byte[] Fci, byte[][] Responses)> Recorded = new(() =>
    {
        var tap = new Tap(NewCard(CardLibrary.Image("mastercard-mchip-relay-resistance")));
        var responses = new List<byte[]>();
        var recorder = new AnswerChannel(c => { byte[] r = tap.Channel.Transmit(c); responses.Add(r); return r; });
        GK.Run(new ApduTransport(recorder), tap.Fci, ReferenceTerminal(), Indicators(1000), ReaderConfiguration(tap.Clock));
        return (tap.Fci, responses.ToArray());
    });

    private static void AssertTyped(Func<byte[], byte[]> answer)
    {
        GenerateAcKernelResult r = GK.Run(new ApduTransport(new AnswerChannel(answer)) { GetResponseAfterWarning = false },
            Recorded.Value.Fci, ReferenceTerminal(), Indicators(1000), ReaderConfiguration());
        Assert.InRange((int)r.Outcome, (int)GenerateAcKernelOutcome.Approved, (int)GenerateAcKernelOutcome.TryAgain);
        Assert.NotNull(r.Transaction ?? (object)r.AuthorisationData);
        Assert.NotNull(GenerateAcKernelActivation.Map(r));
    }

    [Fact]
    public void Mutated_real_responses_give_typed_outcomes()
    {
        byte[][] real = Recorded.Value.Responses;
        Gen.Select(Gen.Int[0, real.Length - 1], Gen.Int[0, 2], Gen.Int[0, 300], Gen.Byte)
            .Sample(t =>
            {
                var (which, how, at, value) = t;
                int n = 0;
                AssertTyped(command =>
                {
                    byte[] r = (byte[])real[Math.Min(n, real.Length - 1)].Clone();
                    if (n++ != which) return r;
                    if (how == 0) { r[at % r.Length] = value; return r; }
                    if (how == 1) return r[..(at % r.Length)];
                    return [.. r[..^2], value, .. r[^2..]];
                });
            }, iter: FuzzIterations.Value / 20);
    }

    [Fact]
    public void Random_answers_give_typed_outcomes()
    {
        TlvGen.ArrayOf(TlvGen.ArrayOf(Gen.Byte, 0, 64), 1, 8).Sample(answers =>
        {
            int n = 0;
            AssertTyped(_ => answers[Math.Min(n++, answers.Length - 1)]);
        }, iter: FuzzIterations.Value / 20);
    }

    private sealed class AnswerChannel(Func<byte[], byte[]> answer) : ICardChannel
    {
        public byte[] Transmit(byte[] command) => answer(command);
    }
}
