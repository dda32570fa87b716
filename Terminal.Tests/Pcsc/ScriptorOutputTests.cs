using Xunit;

namespace Terminal.Tests.Pcsc;

/// <summary>Parsing of scriptor's transcript (pcsc-tools 1.6.2 output, copied from a real run).</summary>
public class ScriptorOutputTests
{
    [Fact]
    public void Reads_wrapped_and_short_responses_in_order()
    {
        const string output =
            "Using T=1 protocol\n" +
            "00A404000E325041592E5359532E444446303100\n" +
            "> 00 A4 04 00 0E 32 50 41 59 2E 53 59 53 2E 44 44 46 30 31 00 \n" +
            "< 6F 23 84 0E 32 50 41 59 2E 53 59 53 2E 44 44 46 \n" +
            "30 31 A5 11 BF 0C 0E 61 0C 4F 07 A0 00 00 00 03 \n" +
            "10 10 87 01 01 90 00 : Normal processing.\n" +
            "00A4040007A000000003101000\n" +
            "> 00 A4 04 00 07 A0 00 00 00 03 10 10 00 \n" +
            "< 90 00 : Normal processing.\n";
        Assert.Equal(
            new[] { "6F23840E325041592E5359532E4444463031A511BF0C0E610C4F07A00000000310108701019000", "9000" },
            PcscEnvironment.ParseResponses(output));
    }
}
