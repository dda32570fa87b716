using System.Text;
using Terminal.Firmware.Core.Journal;
using Xunit;

namespace Terminal.Tests.Journal;

public class Crc32Tests
{
    [Fact]
    public void Check_value_of_the_catalogue()
    {
        // CRC-32/ISO-HDLC check value (reveng catalogue of parametrised CRC algorithms): CRC("123456789") = CBF43926.
        byte[] data = Encoding.ASCII.GetBytes("123456789");
        Assert.Equal(0xCBF43926u, Crc32.Compute(data, 0, data.Length));
    }

    [Fact]
    public void Empty_input_and_range()
    {
        // Init FFFFFFFF, no bytes, final XOR FFFFFFFF: 0.
        Assert.Equal(0u, Crc32.Compute(new byte[0], 0, 0));
        // The range form reads only the range: "123456789" inside other bytes.
        byte[] framed = Encoding.ASCII.GetBytes("xx123456789yy");
        Assert.Equal(0xCBF43926u, Crc32.Compute(framed, 2, 9));
        Assert.Throws<JournalException>(() => Crc32.Compute(framed, 10, 9));
    }
}
