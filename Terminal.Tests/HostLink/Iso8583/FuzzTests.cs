using CsCheck;
using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Xunit;

namespace Terminal.Tests.HostLink.Iso8583;

/// <summary>
/// Random and mutated byte strings into each dialect's parser (and the frame helper) raise only
/// <see cref="Iso8583Exception"/>. An input that parses must pack back to the same bytes (the parser is
/// canonical). Iterations per dialect and kind: TERMINAL_FUZZ_ITERATIONS (default 100000).
/// </summary>
public class FuzzTests
{
    private static long Iterations => Terminal.Tests.Tlv.FuzzIterations.Value;

    /// <summary>Returns true when the input parsed (and packed back to itself), false when it was rejected.</summary>
    private static bool ParseOrReject(Iso8583Dialect dialect, byte[] input)
    {
        Iso8583Message m;
        try
        {
            m = dialect.Parse(input);
        }
        catch (Iso8583Exception)
        {
            return false;
        }
        byte[] again = dialect.Pack(m);
        if (!again.AsSpan().SequenceEqual(input))
            throw new Xunit.Sdk.XunitException("not canonical: " + Hex.Encode(input) + " packs back as " + Hex.Encode(again));
        return true;
    }

    private static byte[][] Seeds(Iso8583Dialect dialect)
    {
        var seeds = new List<byte[]>();
        var random = new Random(8583);
        if (dialect == Generic87Dialect.Dialect)
            foreach (object[] row in RoundTripTests.GenericMessages()) seeds.Add(dialect.Pack((Iso8583Message)row[1]));
        else
            foreach (object[] row in RoundTripTests.UnionPayMessages_()) seeds.Add(dialect.Pack((Iso8583Message)row[1]));
        for (int i = 0; i < 40; i++) seeds.Add(dialect.Pack(RandomMessages.Valid(dialect, random)));
        return seeds.ToArray();
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = new List<byte>(seed);
        int count = random.Next(1, 5);
        for (int i = 0; i < count; i++)
        {
            int at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0: if (bytes.Count > 0) bytes[at] = (byte)random.Next(256); break;                    // replace a byte
                case 1: if (bytes.Count > 0) bytes[at] ^= (byte)(1 << random.Next(8)); break;              // flip a bit
                case 2: if (bytes.Count > 0) bytes.RemoveRange(at, bytes.Count - at); break;               // truncate
                case 3: bytes.Insert(at, (byte)random.Next(256)); break;                                   // insert a byte
                case 4: if (bytes.Count > 0) bytes.RemoveAt(at); break;                                    // delete a byte
                case 5: bytes.Add((byte)random.Next(256)); break;                                          // trailing byte
                default: if (bytes.Count > 0) bytes[at] = (byte)(random.Next(2) == 0 ? 0x00 : 0xFF); break; // extreme value
            }
        }
        return bytes.ToArray();
    }

    // CsCheck 5 exposes Gen<T>.Array as a C# 14 extension property; at C# 12 byte arrays come from a length and a seed.
    private static Gen<byte[]> Bytes(int min, int max) =>
        Gen.Select(Gen.Int[min, max], Gen.Int, (length, seed) =>
        {
            var bytes = new byte[length];
            new Random(seed).NextBytes(bytes);
            return bytes;
        });

    private static void Random_bytes(Iso8583Dialect dialect)
    {
        Bytes(0, 300).Sample(input => { ParseOrReject(dialect, input); }, iter: Iterations);
    }

    private static void Random_bodies_behind_a_valid_start(Iso8583Dialect dialect)
    {
        // A valid header and MTI, then random bitmap and field bytes: reaches the field decoders on every sample.
        byte[] start = dialect.Header.Length == 0 ? Hex.Decode("0200") : Hex.Decode("6000030000603100000000" + "0200");
        Bytes(8, 300).Sample(body =>
        {
            byte[] input = new byte[start.Length + body.Length];
            start.CopyTo(input, 0);
            body.CopyTo(input, start.Length);
            ParseOrReject(dialect, input);
        }, iter: Iterations);
    }

    private static void Mutated_valid_messages(Iso8583Dialect dialect)
    {
        byte[][] seeds = Seeds(dialect);
        long accepted = 0, rejected = 0;
        Gen.Select(Gen.Int[0, seeds.Length - 1], Gen.Int, (seed, mutation) => Mutate(seeds[seed], new Random(mutation)))
            .Sample(input =>
            {
                if (ParseOrReject(dialect, input)) Interlocked.Increment(ref accepted);
                else Interlocked.Increment(ref rejected);
            }, iter: Iterations);
        // Both outcomes must occur: mutations that keep a valid message (e.g. a changed digit) and ones that break it.
        if (Iterations >= 1000)
        {
            Assert.True(accepted > 0, "no mutated input parsed");
            Assert.True(rejected > 0, "no mutated input was rejected");
        }
    }

    [Fact] public void Generic87_random_bytes() => Random_bytes(Generic87Dialect.Dialect);
    [Fact] public void Generic87_random_bodies() => Random_bodies_behind_a_valid_start(Generic87Dialect.Dialect);
    [Fact] public void Generic87_mutated_messages() => Mutated_valid_messages(Generic87Dialect.Dialect);
    [Fact] public void UnionPay_random_bytes() => Random_bytes(UnionPayDialect.Dialect);
    [Fact] public void UnionPay_random_bodies() => Random_bodies_behind_a_valid_start(UnionPayDialect.Dialect);
    [Fact] public void UnionPay_mutated_messages() => Mutated_valid_messages(UnionPayDialect.Dialect);

    [Fact]
    public void Frames_and_subfields_reject_only_with_the_typed_exception()
    {
        Bytes(0, 70).Sample(input =>
        {
            try { LengthPrefixFrame.Unwrap(input); } catch (Iso8583Exception) { }
            try { UnionPayHeader.FromBytes(input); } catch (Iso8583Exception) { }
            try { UnionPayWorkingKeys.Parse(input); } catch (Iso8583Exception) { }
            string digits = System.Text.Encoding.Latin1.GetString(input);
            try { UnionPayField60.Parse(digits); } catch (Iso8583Exception) { }
            try { UnionPayField53.Parse(digits); } catch (Iso8583Exception) { }
            try { UnionPaySettlementTotals.Parse(digits); } catch (Iso8583Exception) { }
        }, iter: Iterations / 10);
    }
}
