using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.HostSimulation;
using Xunit;

namespace Terminal.Tests.HostSimulation;

/// <summary>
/// Random and mutated requests into <see cref="HostSimulator.Handle"/> (TERMINAL_FUZZ_ITERATIONS in total per
/// dialect, default 100000): never an exception out of Handle, never an internal error, and never a ledger change.
/// Every seed request was processed once before the fuzzing starts, so a mutation that still parses and keeps its
/// MAC (one in the TPDU, which the MAC does not cover) is a repeat; every other change breaks the MAC.
/// </summary>
public class HandleFuzzTests
{
    private static long Iterations => Terminal.Tests.Tlv.FuzzIterations.Value;

    [Theory]
    [InlineData(HostDialect.Generic)]
    [InlineData(HostDialect.UnionPay)]
    public void Random_and_mutated_requests_never_throw_or_change_the_ledger(HostDialect dialect)
    {
        var host = HostKit.Host(dialect);
        var t = HostKit.Terminal(host);
        var seeds = new List<byte[]>();
        seeds.Add(t.Pack(t.Sale(HostKit.VisaPan, 100, "1234", HostKit.IccData(100))));
        seeds.Add(t.Pack(t.Sale(HostKit.VisaPan, 200, "9999", null)));
        seeds.Add(t.Pack(t.Sale(HostKit.OtherPan, 999_999, null, HostKit.IccData(999_999))));
        seeds.Add(t.Pack(t.Sale("5413339000000999", 300, null, null)));
        if (dialect == HostDialect.Generic)
        {
            var f = t.Fields(HostKit.VisaPan, 450);
            f.AuthorizationCode = "Y1    ";
            f.ResponseCode = "Y1";
            var advice = Generic87Messages.Advice(f);
            t.Pin(advice, HostKit.VisaPan, null);
            seeds.Add(t.Pack(advice));
            var sale = t.Sale(HostKit.VisaPan, 650, null, null);
            seeds.Add(t.Pack(sale));
            var reversal = Generic87Messages.Reversal(sale, t.NextStan(), "0615103001", "98");
            t.Pin(reversal, HostKit.VisaPan, null);
            seeds.Add(t.Pack(reversal));
        }
        else
        {
            var sale = t.Sale(HostKit.VisaPan, 650, null, null);
            seeds.Add(t.Pack(sale));
            seeds.Add(t.Pack(UnionPayMessages.Reversal(sale, UnionPayMessages.ReversalNoResponse)));
        }
        foreach (byte[] s in seeds) host.Handle(s);
        long version = host.Ledger.Version;
        long balance = host.Account(HostKit.VisaPan).Balance;

        var random = new Random(20261126);
        long answered = 0;
        for (long i = 0; i < Iterations; i++)
        {
            byte[] input = (i & 3) == 0 ? RandomBytes(random) : Mutate(seeds[random.Next(seeds.Count)], random);
            if (host.Handle(input) != null) answered++;
        }
        Assert.Equal(0, host.InternalErrors);
        Assert.Equal(version, host.Ledger.Version);
        Assert.Equal(balance, host.Account(HostKit.VisaPan).Balance);
        Assert.True(host.Rejected > 0);
        Assert.True(answered > 0);
    }

    private static byte[] RandomBytes(Random random)
    {
        byte[] b = new byte[random.Next(0, 300)];
        random.NextBytes(b);
        return b;
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = new List<byte>(seed);
        int count = random.Next(1, 4);
        for (int i = 0; i < count; i++)
        {
            int at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0: if (bytes.Count > 0) bytes[at] = (byte)random.Next(256); break;
                case 1: if (bytes.Count > 0) bytes[at] ^= (byte)(1 << random.Next(8)); break;
                case 2: if (bytes.Count > 0) bytes.RemoveRange(at, bytes.Count - at); break;
                case 3: bytes.Insert(at, (byte)random.Next(256)); break;
                case 4: if (bytes.Count > 0) bytes.RemoveAt(at); break;
                default: bytes.AddRange(seed.AsSpan(0, Math.Min(seed.Length, random.Next(1, 16))).ToArray()); break;
            }
        }
        return bytes.ToArray();
    }
}
