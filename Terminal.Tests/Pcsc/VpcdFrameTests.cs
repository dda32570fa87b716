using Terminal.EmvKernel.Util;
using Terminal.VirtualReader;
using Xunit;

namespace Terminal.Tests.Pcsc;

/// <summary>vpcd framing: 2-byte big-endian length + payload (vsmartcard vpcd.c sendToVICC/recvFromVICC).</summary>
public class VpcdFrameTests
{
    private static Task<byte[]> Read(string hex) => VpcdFrame.ReadAsync(new MemoryStream(Hex.Decode(hex)), CancellationToken.None);

    [Fact]
    public async Task Reads_length_prefixed_payload()
    {
        Assert.Equal(Hex.Decode("04"), await Read("000104"));
        Assert.Equal(Hex.Decode("00A4040000"), await Read("000500A4040000"));
    }

    [Fact]
    public async Task Reads_consecutive_frames_and_null_at_clean_end()
    {
        var stream = new MemoryStream(Hex.Decode("0001010002AABB"));
        Assert.Equal(Hex.Decode("01"), await VpcdFrame.ReadAsync(stream, CancellationToken.None));
        Assert.Equal(Hex.Decode("AABB"), await VpcdFrame.ReadAsync(stream, CancellationToken.None));
        Assert.Null(await VpcdFrame.ReadAsync(stream, CancellationToken.None));
    }

    [Fact]
    public async Task Length_above_255_is_big_endian()
    {
        var payload = new byte[0x0102];
        payload[0x0101] = 0x5A;
        var frame = new byte[0x0104];
        frame[0] = 0x01; frame[1] = 0x02; frame[0x0103] = 0x5A;
        Assert.Equal(payload, await VpcdFrame.ReadAsync(new MemoryStream(frame), CancellationToken.None));
    }

    [Theory]
    [InlineData("0000", "zero-length frame")]
    [InlineData("00", "inside a frame length")]
    [InlineData("0005010203", "after 3 of 5 frame bytes")]
    public async Task Malformed_frames_throw_protocol_exception(string hex, string message)
    {
        var e = await Assert.ThrowsAsync<VpcdProtocolException>(() => Read(hex));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public async Task Writes_length_prefix_and_payload()
    {
        var stream = new MemoryStream();
        await VpcdFrame.WriteAsync(stream, Hex.Decode("3BE000008131FE45EB"), CancellationToken.None);
        Assert.Equal("00093BE000008131FE45EB", Hex.Encode(stream.ToArray()));
    }

    [Fact]
    public async Task Refuses_payload_over_65535_bytes()
    {
        await Assert.ThrowsAsync<VpcdProtocolException>(() =>
            VpcdFrame.WriteAsync(new MemoryStream(), new byte[0x10000], CancellationToken.None));
    }

    [Fact]
    public void Default_atr_is_the_emv_basic_t1_atr_with_valid_tck()
    {
        var atr = EmvAtr.BasicT1();
        Assert.Equal("3BE000008131FE45EB", Hex.Encode(atr));
        byte x = 0; // ISO 7816-3 8.2.5: XOR of T0..TCK is zero
        for (int i = 1; i < atr.Length; i++) x ^= atr[i];
        Assert.Equal(0, x);
    }
}
