using Terminal.EmvKernel.Apdu;
using Xunit;

namespace Terminal.Tests.Apdu;

/// <summary>
/// The APDU trace never keeps a PIN: the data of VERIFY (20), PIN CHANGE (24) and PIN UNBLOCK (2C) is zeroed
/// when recorded; other commands are kept byte for byte.
/// </summary>
public class ApduTraceRedactionTests
{
    private sealed class AlwaysOk : ICardChannel
    {
        public byte[] Transmit(byte[] command) => new byte[] { 0x90, 0x00 };
    }

    [Fact]
    public void Plaintext_pin_block_of_VERIFY_is_zeroed_in_the_trace()
    {
        var transport = new ApduTransport(new AlwaysOk());
        // VERIFY plaintext PIN (P2 80), ISO 9564 format 2 block for PIN 1234: 24 12 34 FF FF FF FF FF.
        byte[] block = Convert.FromHexString("241234FFFFFFFFFF");
        transport.Exchange(EmvCommands.Verify(0x80, block));

        byte[] recorded = transport.Trace[0].Command;
        // Header 00 20 00 80, Lc 08, then eight zero bytes instead of the block.
        Assert.Equal("0020008008" + "0000000000000000", Convert.ToHexString(recorded));
    }

    [Theory]
    [InlineData("8424000210" + "00112233445566778899AABBCCDDEEFF", "8424000210" + "00000000000000000000000000000000")]
    [InlineData("842C000008" + "1122334455667788", "842C000008" + "0000000000000000")]
    [InlineData("00B2010C00", "00B2010C00")]
    [InlineData("80CA9F1700", "80CA9F1700")]
    public void Pin_carrying_commands_are_redacted_and_others_kept(string sent, string expected)
    {
        var trace = new ApduTrace();
        trace.Record(Convert.FromHexString(sent), new byte[] { 0x90, 0x00 }, TraceKind.Command);
        Assert.Equal(expected, Convert.ToHexString(trace[0].Command));
    }
}
