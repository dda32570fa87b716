using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.DataObjects;
using Terminal.EmvKernel.Tlv;
using Terminal.EmvKernel.Util;

namespace Terminal.Decode;

/// <summary>
/// Argument handling of the decoder: <c>SUBCOMMAND ARGS... [--json]</c>. Exit code 0 when decoded, 1 for bad
/// input (not hex, not TLV, wrong length for a bit map, unreadable transcript), 2 for a usage error.
/// </summary>
public static class DecodeCommandLine
{
    public const string Usage =
        "usage: Terminal.Decode <command> [--json]\n" +
        "  tlv <hex>          BER-TLV tree: tag, name, format, length, value, decoded meaning\n" +
        "  tag <tag> <hex>    one tag's value, e.g. tag 9F27 80\n" +
        "  tvr <hex>          Terminal Verification Results (95)\n" +
        "  tsi <hex>          Transaction Status Information (9B)\n" +
        "  aip <hex>          Application Interchange Profile (82)\n" +
        "  cvm <hex>          CVM List (8E)\n" +
        "  ttq <hex>          Terminal Transaction Qualifiers (9F66)\n" +
        "  ctq <hex>          Card Transaction Qualifiers (9F6C)\n" +
        "  transcript <file>  an APDU transcript, command by command\n" +
        "PANs (5A, 56, 57, 9F6B) are masked: first 6 and last 4 digits shown.";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        bool json = args.Contains("--json");
        string[] rest = args.Where(a => a != "--json").ToArray();
        if (rest.Length == 0 || rest[0] is "-h" or "--help" or "help")
        {
            (rest.Length == 0 ? error : output).WriteLine(Usage);
            return rest.Length == 0 ? 2 : 0;
        }
        string command = rest[0].ToLowerInvariant();
        string[] operands = rest[1..];
        try
        {
            switch (command)
            {
                case "tlv":
                    return Tlv(Bytes(operands, 0), json, output);
                case "tag":
                    if (operands.Length < 1) return UsageError(error, "tag needs a tag and a hex value");
                    return Single(ParseTag(operands[0]), Bytes(operands, 1), json, output, error);
                case "transcript":
                    if (operands.Length != 1) return UsageError(error, "transcript needs one file");
                    return Transcript(File.ReadAllText(operands[0]), json, output);
                default:
                    if (EmvDecoder.NamedObjects.TryGetValue(command, out int tag)) return Single(tag, Bytes(operands, 0), json, output, error);
                    return UsageError(error, "unknown command '" + rest[0] + "'");
            }
        }
        catch (Exception e) when (e is ArgumentException || e is TlvException || e is TranscriptFormatException || e is IOException)
        {
            error.WriteLine("error: " + e.Message);
            return 1;
        }
    }

    private static int Tlv(byte[] data, bool json, TextWriter output)
    {
        var nodes = EmvDecoder.DecodeTlv(data);
        if (json) output.WriteLine(JsonOutput.Serialize(nodes));
        else TextOutput.Write(output, nodes);
        return 0;
    }

    private static int Single(int tag, byte[] value, bool json, TextWriter output, TextWriter error)
    {
        var node = EmvDecoder.DecodeTag(tag, value);
        if (json) output.WriteLine(JsonOutput.Serialize(node));
        else TextOutput.Write(output, node);
        return node.Error == null ? 0 : 1;
    }

    private static int Transcript(string text, bool json, TextWriter output)
    {
        var steps = TranscriptDecoder.Decode(text);
        if (json) output.WriteLine(JsonOutput.Serialize(steps));
        else TextOutput.Write(output, steps);
        return 0;
    }

    /// <summary>The operands from <paramref name="start"/> on, joined, as hex (spaces allowed).</summary>
    private static byte[] Bytes(string[] operands, int start)
    {
        string hex = string.Concat(operands.Skip(start));
        if (hex.Length == 0) throw new ArgumentException("no hex value given");
        return Hex.Decode(hex);
    }

    private static int ParseTag(string text)
    {
        if (!Hex.IsHex(text) || text.Length > 6) throw new ArgumentException("'" + text + "' is not a tag in hex");
        int tag = 0;
        foreach (byte b in Hex.Decode(text)) tag = (tag << 8) | b;
        if (!TlvTag.IsValid(tag)) throw new ArgumentException("'" + text + "' is not a valid BER-TLV tag");
        return tag;
    }

    private static int UsageError(TextWriter error, string message)
    {
        error.WriteLine("error: " + message);
        error.WriteLine(Usage);
        return 2;
    }
}
