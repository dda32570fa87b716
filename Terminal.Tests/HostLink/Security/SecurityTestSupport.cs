using System.Text.Json;
using Terminal.EmvKernel.Crypto;
using Terminal.Tests.Support;
using Xunit;

namespace Terminal.Tests.HostLink.Security;

/// <summary>Helpers for the security vector tests.</summary>
internal static class SecurityTestSupport
{
    /// <summary>PIN text of a vector ("1234") as digit values 0..9.</summary>
    public static byte[] Digits(string pin) => pin.Select(c => (byte)(c - '0')).ToArray();

    public static string Hex(byte[] b) => Convert.ToHexString(b);

    /// <summary>Asserts an expected hex field equals actual.</summary>
    public static void Field(JsonElement expected, string name, byte[] actual, ISet<string> asserted)
    {
        Assert.True(expected.TryGetProperty(name, out var v), "vector lacks " + name);
        Assert.Equal(v.GetString(), Hex(actual));
        asserted.Add(name);
    }

    /// <summary>Every property of the expected object was asserted.</summary>
    public static void AllAsserted(JsonElement expected, ISet<string> asserted, string id)
    {
        foreach (var p in expected.EnumerateObject())
            Assert.True(asserted.Contains(p.Name), id + ": expected field " + p.Name + " not asserted");
    }
}

/// <summary>A random source replaying fixed bytes (for deterministic fill digits).</summary>
internal sealed class FixedRandom : IRandomSource
{
    private readonly byte[] _bytes;
    private int _next;
    public FixedRandom(byte[] bytes) { _bytes = bytes; }
    public void NextBytes(byte[] buffer, int offset, int length)
    {
        for (int i = 0; i < length; i++) buffer[offset + i] = _bytes[_next++ % _bytes.Length];
    }
}
