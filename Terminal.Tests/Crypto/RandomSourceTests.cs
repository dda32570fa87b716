using Terminal.EmvKernel.Crypto;
using Terminal.Pc.Crypto;
using Xunit;

namespace Terminal.Tests.Crypto;

public class RandomSourceTests
{
    public static TheoryData<IRandomSource> Sources => [new PlatformRandomSource(), new SystemRandomSource()];

    [Theory]
    [MemberData(nameof(Sources))]
    public void Fills_exactly_the_requested_range(IRandomSource source)
    {
        byte[] buffer = new byte[100];
        Array.Fill(buffer, (byte)0x5A);
        source.NextBytes(buffer, 10, 64);
        Assert.All(buffer[..10], b => Assert.Equal(0x5A, b));
        Assert.All(buffer[74..], b => Assert.Equal(0x5A, b));
        // 64 bytes all equal to the fill value would happen with probability 2^-512.
        Assert.Contains(buffer[10..74], b => b != 0x5A);

        byte[] whole = new byte[32];
        source.NextBytes(whole, 0, whole.Length);
        Assert.Contains(whole, b => b != 0);
        source.NextBytes(whole, 32, 0);
    }
}
