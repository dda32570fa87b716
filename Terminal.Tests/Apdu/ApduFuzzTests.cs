using CsCheck;
using Terminal.EmvKernel.Apdu;
using Terminal.Tests.Tlv;
using Xunit;
using static Terminal.Tests.Apdu.ApduTestSupport;

namespace Terminal.Tests.Apdu;

/// <summary>
/// Random and mutated byte strings into the C-APDU and R-APDU parsers, the transcript reader and the transport:
/// the only exception allowed is the typed one. TERMINAL_FUZZ_ITERATIONS runs each (default 100000).
/// </summary>
public class ApduFuzzTests
{
    // Hand-made valid seeds for mutation: one command of each case and typical responses.
    private static readonly byte[][] CommandSeeds =
    [
        H("80160000"),
        H("00B2011400"),
        H("00820000081122334455667788"),
        H("00A4040007A000000003101000"),
        H("80AE80001D00000000100000000000000000368000008000003612031600D3173A1F00"),
    ];

    private static readonly byte[][] ResponseSeeds =
    [
        H("9000"),
        H("6283"),
        H("6126"),
        H("6F168407A0000000031010A50B5009564953412054455354" + "9000"),
        H("800E1C000801010010010100180304009000"),
        H("00000000"),
    ];

    /// <summary>Random byte strings of 0 to <paramref name="max"/> bytes.</summary>
    private static Gen<byte[]> RandomBytes(int max) => TlvGen.ArrayOf(Gen.Byte, 0, max);

    /// <summary>Random bytes of length 0 to 300, or a seed changed by one to four edits.</summary>
    private static Gen<byte[]> Inputs(byte[][] seeds) => Gen.OneOf<byte[]>(
        RandomBytes(300),
        Gen.Select(Gen.Int[0, seeds.Length - 1], Gen.Int[1, 4], Gen.Int, (i, edits, seed) => Mutate(seeds[i], edits, seed)));

    private static byte[] Mutate(byte[] seed, int edits, int randomSeed)
    {
        var random = new Random(randomSeed);
        var bytes = new List<byte>(seed);
        for (int e = 0; e < edits; e++)
        {
            int op = random.Next(4);
            int at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            if (op == 0 && bytes.Count > 0) bytes[at] = (byte)random.Next(256);           // change a byte
            else if (op == 1) bytes.Insert(at, (byte)random.Next(256));                   // insert a byte
            else if (op == 2 && bytes.Count > 0) bytes.RemoveAt(at);                       // delete a byte
            else if (bytes.Count > 0) bytes.RemoveRange(at, bytes.Count - at);             // truncate
        }
        return bytes.ToArray();
    }

    [Fact]
    public void Command_parser_raises_only_the_typed_error_and_round_trips()
    {
        Inputs(CommandSeeds).Sample(bytes =>
        {
            CommandApdu c;
            try
            {
                c = CommandApdu.Parse(bytes);
            }
            catch (ApduException)
            {
                return;
            }
            // Whatever parses encodes back to the same bytes.
            if (!c.Encode().AsSpan().SequenceEqual(bytes)) throw new Exception("round trip differs");
        }, iter: FuzzIterations.Value);
    }

    [Fact]
    public void Response_parser_raises_only_the_typed_error_and_round_trips()
    {
        Inputs(ResponseSeeds).Sample(bytes =>
        {
            ResponseApdu r;
            try
            {
                r = ResponseApdu.Parse(bytes);
            }
            catch (ApduException)
            {
                return;
            }
            if (!r.Encode().AsSpan().SequenceEqual(bytes)) throw new Exception("round trip differs");
            _ = StatusWord.Describe(r.Sw);
        }, iter: FuzzIterations.Value);
    }

    [Fact]
    public void Transcript_reader_raises_only_the_format_error()
    {
        const string alphabet = "0123456789abcdefABCDEF \r\nxz";
        var texts = Gen.Select(Gen.Int[0, 80], Gen.Int, (n, seed) =>
        {
            var random = new Random(seed);
            return new string(Enumerable.Range(0, n).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
        });
        texts.Sample(text =>
        {
            try
            {
                var t = TranscriptReader.Parse(text);
                for (int i = 0; i < t.Count; i++) _ = t[i].Response;
            }
            catch (TranscriptFormatException)
            {
            }
        }, iter: FuzzIterations.Value);
    }

    [Fact]
    public void Transport_against_a_random_card_ends_with_a_response_or_a_typed_error()
    {
        // A card answering each wire command with random bytes, biased towards 61xx/6Cxx/62xx/63xx to drive the loops.
        byte[] sw1s = [0x61, 0x6C, 0x62, 0x63, 0x90, 0x6A];
        var gen = Gen.Select(Gen.Int[0, CommandSeeds.Length - 1], Gen.Int, (i, seed) =>
        {
            var random = new Random(seed);
            var script = new byte[random.Next(1, 41)][];
            for (int k = 0; k < script.Length; k++)
            {
                byte[] data = new byte[random.Next(0, random.Next(2) == 0 ? 41 : 121)];
                random.NextBytes(data);
                script[k] = random.Next(2) == 0 ? data : data.Concat(new[] { sw1s[random.Next(sw1s.Length)], (byte)random.Next(256) }).ToArray();
            }
            return (i, script);
        });
        gen.Sample(pair =>
        {
            var (commandIndex, script) = pair;
            var card = new ListCard(script);
            var transport = new ApduTransport(card) { MaxExchanges = 8 };
            try
            {
                var r = transport.Exchange(CommandApdu.Parse(CommandSeeds[commandIndex]));
                if (r.DataLength > ResponseApdu.MaxDataLength) throw new Exception("too much data");
            }
            catch (ApduException)
            {
            }
            if (card.Sent > 8) throw new Exception("bound not kept: " + card.Sent);
        }, iter: FuzzIterations.Value / 10);
    }

    /// <summary>Answers with the given byte strings in turn, then with "9000".</summary>
    private sealed class ListCard(byte[][] answers) : ICardChannel
    {
        public int Sent { get; private set; }
        public byte[] Transmit(byte[] command)
        {
            // Every command the transport sends must be a valid short C-APDU (a plain exception, not the typed one).
            try { CommandApdu.Parse(command); }
            catch (ApduException e) { throw new InvalidOperationException("transport sent a malformed command", e); }
            Sent++;
            return Sent <= answers.Length ? answers[Sent - 1] : H("9000");
        }
    }
}
