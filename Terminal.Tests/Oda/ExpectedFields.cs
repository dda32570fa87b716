using System.Text.Json;
using Xunit;

namespace Terminal.Tests.Oda;

/// <summary>
/// Asserts a vector's "expected" object field by field and proves that every field it lists was asserted.
/// Hex strings compare with byte arrays (a byte compares with a one-byte string), numbers with ints,
/// booleans with bools.
/// </summary>
internal sealed class ExpectedFields
{
    private readonly JsonElement _object;
    private readonly string _where;
    private readonly HashSet<string> _used = new();

    public ExpectedFields(JsonElement obj, string where)
    {
        _object = obj;
        _where = where;
    }

    public bool Has(string name) => _object.TryGetProperty(name, out _);

    public JsonElement Raw(string name)
    {
        Assert.True(_object.TryGetProperty(name, out var v), $"{_where}: field '{name}' missing from the vector");
        _used.Add(name);
        return v;
    }

    /// <summary>Marks a field as asserted and compares it with the actual value.</summary>
    public void Equal(string name, object actual)
    {
        var v = Raw(name);
        string label = $"{_where}.{name}";
        switch (v.ValueKind)
        {
            case JsonValueKind.String:
                byte[] expected = Convert.FromHexString(v.GetString()!);
                byte[] got = actual switch
                {
                    byte b => new[] { b },
                    byte[] a => a,
                    null => null,
                    _ => throw new ArgumentException(label + ": compare a hex field with byte or byte[]"),
                };
                Assert.True(got != null, label + ": actual value is null");
                Assert.True(expected.AsSpan().SequenceEqual(got), $"{label}: expected {Convert.ToHexString(expected)}, got {Convert.ToHexString(got)}");
                break;
            case JsonValueKind.Number:
                Assert.True(v.GetInt32() == Convert.ToInt32(actual), $"{label}: expected {v.GetInt32()}, got {actual}");
                break;
            case JsonValueKind.True:
            case JsonValueKind.False:
                Assert.True(v.GetBoolean() == (bool)actual, $"{label}: expected {v.GetBoolean()}, got {actual}");
                break;
            default:
                throw new ArgumentException(label + ": unsupported JSON kind " + v.ValueKind);
        }
    }

    /// <summary>Compares every property of a nested object with the named actual values.</summary>
    public void Object(string name, params (string Field, object Actual)[] fields)
    {
        var nested = new ExpectedFields(Raw(name), $"{_where}.{name}");
        foreach (var (field, actual) in fields) nested.Equal(field, actual);
        nested.AssertAllUsed();
    }

    public void AssertAllUsed()
    {
        var missing = _object.EnumerateObject().Select(p => p.Name).Where(n => !_used.Contains(n)).ToArray();
        Assert.True(missing.Length == 0, $"{_where}: fields not asserted: {string.Join(", ", missing)}");
    }
}
