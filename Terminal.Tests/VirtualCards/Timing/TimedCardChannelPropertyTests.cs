using CsCheck;
using Terminal.EmvKernel.Apdu;
using Terminal.VirtualCards.Timing;
using Xunit;

namespace Terminal.Tests.VirtualCards.Timing;

/// <summary>
/// Properties of the time model over random APDU and response lengths and frame sizes: without chaining the frames
/// are 9 etu per byte plus 2 per frame (ISO/IEC 14443-3 6.2.3.2) over the APDU, the response and 3 block bytes
/// each; a smaller frame size never makes an exchange cheaper; a longer response never makes it cheaper.
/// Iterations: TERMINAL_FUZZ_ITERATIONS / 100.
/// </summary>
public class TimedCardChannelPropertyTests
{
    private static long Iterations => Terminal.Tests.Tlv.FuzzIterations.Value / 100;

    private sealed class LengthCard(int length) : ICardChannel
    {
        public byte[] Transmit(byte[] command)
        {
            var r = new byte[length];
            r[^2] = 0x90;
            return r;
        }
    }

    private static ModelledExchange Exchange(int commandLength, int responseLength, int fsci, int fsdi)
    {
        var channel = new TimedCardChannel(new LengthCard(responseLength), new CardTimingProfile { Fsci = fsci }) { Fsdi = fsdi };
        var command = new byte[commandLength];
        command[1] = 0xB2; // READ RECORD: 2 ms processing
        channel.Transmit(command);
        return channel.ExchangeAt(0);
    }

    [Fact]
    public void Unchained_exchange_is_nine_etu_a_byte_plus_two_a_frame()
    {
        Gen.Select(Gen.Int[4, 253], Gen.Int[2, 253]).Sample((n, m) =>
        {
            ModelledExchange e = Exchange(n, m, 8, 8);
            Assert.Equal(1, e.CommandBlocks);
            Assert.Equal(1, e.ResponseBlocks);
            // (n + 3) and (m + 3) bytes in two frames: 9 x (n + m + 6) + 2 x 2 etu of 128/fc; two minimum FDT.
            Assert.Equal(128L * (9 * (n + m + 6) + 4), e.FrameCycles);
            Assert.Equal(2 * 1172, e.DelayCycles);
        }, iter: Iterations);
    }

    [Fact]
    public void Smaller_frames_never_make_an_exchange_cheaper()
    {
        Gen.Select(Gen.Int[4, 600], Gen.Int[2, 600], Gen.Int[0, 7], Gen.Int[0, 7]).Sample((n, m, fsci, fsdi) =>
        {
            long big = Exchange(n, m, 8, 8).TotalCycles;
            long small = Exchange(n, m, fsci, fsdi).TotalCycles;
            Assert.True(small >= big);
            // Blocks needed: ceil(length / (frame size - 3)).
            int fsc = Iso14443Timing.FrameSize(fsci) - 3, fsd = Iso14443Timing.FrameSize(fsdi) - 3;
            ModelledExchange e = Exchange(n, m, fsci, fsdi);
            Assert.Equal((n + fsc - 1) / fsc, e.CommandBlocks);
            Assert.Equal((m + fsd - 1) / fsd, e.ResponseBlocks);
        }, iter: Iterations);
    }

    [Fact]
    public void A_longer_response_never_makes_an_exchange_cheaper()
    {
        Gen.Select(Gen.Int[4, 300], Gen.Int[2, 600], Gen.Int[0, 8]).Sample((n, m, fsdi) =>
        {
            Assert.True(Exchange(n, m + 1, 8, fsdi).TotalCycles > Exchange(n, m, 8, fsdi).TotalCycles);
        }, iter: Iterations);
    }
}
