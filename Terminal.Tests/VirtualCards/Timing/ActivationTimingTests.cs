using Xunit;
using Terminal.VirtualCards.Timing;

namespace Terminal.Tests.VirtualCards.Timing;

/// <summary>The fixed activation cost, derived frame by frame (Type A, 106 kbit/s, 128 cycles per etu).</summary>
public class ActivationTimingTests
{
    [Fact]
    public void Default_activation_is_guard_plus_eight_frames_and_their_fdt()
    {
        var a = new ActivationTiming(null);

        // Guard 5100 us x 13.56 = 69156 cycles.
        // REQA short frame 9 etu = 1152; ATQA 2 bytes 20 etu = 2560; ANTICOLLISION 2 bytes 2560; UID+BCC 5 bytes
        // 47 etu = 6016; SELECT 9 bytes 83 etu = 10624; SAK+CRC 3 bytes 29 etu = 3712; RATS 4 bytes 38 etu = 4864;
        // ATS 5+2 bytes 65 etu = 8320. Frames: 39808. FDT after each of the 8 frames: 8 x 1172 = 9376.
        Assert.Equal(9, a.StepCount);
        Assert.Equal("power-up guard time", a.StepAt(0).Name);
        Assert.Equal(69156, a.StepAt(0).FrameCycles);
        Assert.Equal(1152, a.StepAt(1).FrameCycles);
        Assert.Equal(8320, a.StepAt(8).FrameCycles);
        Assert.Equal(69156 + 39808 + 9376, a.TotalCycles);
        // 118340 / 13.56 = 8727.1 us.
        Assert.Equal(8727, a.TotalMicroseconds);
    }

    [Fact]
    public void Above_106_kbits_the_activation_adds_pps()
    {
        var a = new ActivationTiming(new CardTimingProfile { BitRateKbps = 212 });

        // PPS request 5 bytes 47 etu = 6016; PPS response 3 bytes 29 etu = 3712; two FDT 2344 (still at 106 kbit/s).
        Assert.Equal(11, a.StepCount);
        Assert.Equal(118340 + 6016 + 3712 + 2344, a.TotalCycles);
    }

    [Fact]
    public void A_longer_ats_costs_nine_etu_a_byte()
    {
        var a = new ActivationTiming(new CardTimingProfile { AtsLength = 10 });
        // 5 more bytes x 9 etu x 128 = 5760.
        Assert.Equal(118340 + 5760, a.TotalCycles);
    }
}
