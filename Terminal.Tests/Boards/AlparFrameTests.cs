using CsCheck;
using Terminal.Firmware.Core.Readers.Alpar;
using Terminal.Tests.Tlv;
using Xunit;

namespace Terminal.Tests.Boards;

/// <summary>
/// ALPAR framing: frame = header (60 ACK / E0 NAK), length MSB LSB, command, data, LRC where the LRC is the XOR of
/// all bytes before it. Expected bytes below are XORed by hand.
/// </summary>
public class AlparFrameTests
{
    [Fact]
    public void PowerUp5VCommandIsHeaderLengthCommandAndLrc()
    {
        // 60 00 00 6E: LRC = 60 ^ 00 ^ 00 ^ 6E = 0E.
        Assert.Equal(new byte[] { 0x60, 0x00, 0x00, 0x6E, 0x0E }, AlparFrame.EncodeCommand(AlparCommand.PowerUp5V, null));
    }

    [Fact]
    public void CardCommandCarriesTheApduAsData()
    {
        // SELECT header 00 A4 04 00: 60 ^ 00 ^ 04 ^ 00 ^ 00 ^ A4 ^ 04 ^ 00 = 60 ^ A4 = C4 (the two 04 cancel).
        byte[] frame = AlparFrame.EncodeCommand(AlparCommand.CardCommand, new byte[] { 0x00, 0xA4, 0x04, 0x00 });
        Assert.Equal(new byte[] { 0x60, 0x00, 0x04, 0x00, 0x00, 0xA4, 0x04, 0x00, 0xC4 }, frame);
    }

    [Fact]
    public void LengthIsMostSignificantByteFirst()
    {
        byte[] frame = AlparFrame.EncodeCommand(AlparCommand.CardCommand, new byte[300]);
        // 300 = 0x012C.
        Assert.Equal(0x01, frame[1]);
        Assert.Equal(0x2C, frame[2]);
        Assert.Equal(4 + 300 + 1, frame.Length);
    }

    [Fact]
    public void NakCarriesTheStatus()
    {
        // E0 00 01 6E C0: LRC = E0 ^ 01 ^ 6E ^ C0 = 4F.
        AlparFrame f = AlparFrame.Decode(new byte[] { 0xE0, 0x00, 0x01, 0x6E, 0xC0, 0x4F }, 0, 6);
        Assert.False(f.IsAck);
        Assert.Equal(0x6E, f.Command);
        Assert.Equal(0xC0, f.Status);
    }

    [Fact]
    public void AckAnswerWithAtr()
    {
        // 60 00 04 6E 3B 02 14 50: 60 ^ 04 = 64, ^ 6E = 0A, ^ 3B = 31, ^ 02 = 33, ^ 14 = 27, ^ 50 = 77.
        AlparFrame f = AlparFrame.Decode(new byte[] { 0x60, 0x00, 0x04, 0x6E, 0x3B, 0x02, 0x14, 0x50, 0x77 }, 0, 9);
        Assert.True(f.IsAck);
        Assert.Equal(new byte[] { 0x3B, 0x02, 0x14, 0x50 }, f.Data);
        Assert.Equal(-1, f.Status);
    }

    [Theory]
    [InlineData("6000006E0F", AlparError.BadLrc)]           // LRC off by one bit
    [InlineData("5500006E3B", AlparError.BadHeader)]        // neither 60 nor E0
    [InlineData("6001FB00", AlparError.LengthMismatch)]     // shorter than header + LRC
    [InlineData("6001FB009A", AlparError.LengthTooLong)]    // 0x01FB = 507 > 506
    [InlineData("600002000062", AlparError.LengthMismatch)] // announces 2 data bytes, carries 1
    public void BadFramesGiveTypedErrors(string hex, AlparError expected)
    {
        byte[] b = Convert.FromHexString(hex);
        var e = Assert.Throws<AlparException>(() => AlparFrame.Decode(b, 0, b.Length));
        Assert.Equal(expected, e.Error);
    }

    [Fact]
    public void DataLongerThanTheChipBufferIsRefused()
    {
        var e = Assert.Throws<AlparException>(() => AlparFrame.EncodeCommand(0x00, new byte[507]));
        Assert.Equal(AlparError.LengthTooLong, e.Error);
    }

    [Fact]
    public void EncodeThenDecodeGivesTheSameFrame()
    {
        Gen.Select(Gen.Bool, Gen.Byte, TlvGen.ArrayOf(Gen.Byte, 0, AlparFrame.MaxDataLength), (ack, cmd, data) => (ack, cmd, data))
            .Sample(c =>
            {
                byte[] wire = new AlparFrame(c.ack, c.cmd, c.data).Encode();
                byte x = 0;
                foreach (byte b in wire) x ^= b;
                AlparFrame back = AlparFrame.Decode(wire, 0, wire.Length);
                return x == 0 && back.IsAck == c.ack && back.Command == c.cmd && back.Data.AsSpan().SequenceEqual(c.data);
            }, iter: FuzzIterations.Value / 10);
    }

    [Fact]
    public void EverySingleBitFlipIsDetected()
    {
        // Flipping one bit changes the XOR of the frame, so the LRC check (or the header/length check before it) fails.
        Gen.Select(TlvGen.ArrayOf(Gen.Byte, 0, 40), Gen.Int[0, 1000], Gen.Int[0, 7], (data, pos, bit) => (data, pos, bit))
            .Sample(c =>
            {
                byte[] wire = AlparFrame.EncodeCommand(AlparCommand.CardCommand, c.data);
                wire[c.pos % wire.Length] ^= (byte)(1 << c.bit);
                Assert.Throws<AlparException>(() => AlparFrame.Decode(wire, 0, wire.Length));
            }, iter: FuzzIterations.Value / 10);
    }

    [Fact]
    public void RandomBytesNeverEscapeAsAnotherException()
    {
        TlvGen.ArrayOf(Gen.Byte, 0, 600).Sample(b =>
        {
            try { AlparFrame.Decode(b, 0, b.Length); }
            catch (AlparException) { }
        }, iter: FuzzIterations.Value);
    }

    [Fact]
    public void RandomChipOutputThroughTheLinkGivesOnlyTypedErrors()
    {
        // Whatever the chip sends (noise, cut frames, frames of other commands), an exchange ends with data or an
        // AlparException, and never hangs: the simulated port times out at once when its bytes run out.
        Gen.Select(TlvGen.ArrayOf(Gen.Byte, 0, 80), Gen.Bool, (noise, framed) => (noise, framed)).Sample(c =>
        {
            var port = new ScriptedPort();
            byte[] bytes = c.framed && c.noise.Length > 0
                ? new AlparFrame((c.noise[0] & 1) == 0, (byte)(c.noise[0] & 0xA9), c.noise.AsSpan(1).ToArray()).Encode()
                : c.noise;
            port.Answer = bytes;
            var link = new AlparLink(port);
            try { link.Exchange(AlparCommand.CardCommand, new byte[] { 0x00, 0xB2, 0x01, 0x0C, 0x00 }, 100); }
            catch (AlparException) { }
        }, iter: FuzzIterations.Value / 10);
    }

    /// <summary>A port that answers every write with fixed bytes.</summary>
    private sealed class ScriptedPort : Terminal.Firmware.Core.Readers.ISerialPort
    {
        private readonly Queue<byte> _out = new();
        public byte[] Answer = Array.Empty<byte>();
        public void Write(byte[] buffer, int offset, int count) { foreach (byte b in Answer) _out.Enqueue(b); }
        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            int n = 0;
            while (n < count && _out.Count > 0) buffer[offset + n++] = _out.Dequeue();
            return n;
        }
        public void DiscardInput() => _out.Clear();
    }
}
