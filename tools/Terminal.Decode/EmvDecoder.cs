using System.Collections;
using Terminal.EmvKernel.DataObjects;
using Terminal.EmvKernel.Dictionary;
using Terminal.EmvKernel.Tlv;
using Terminal.EmvKernel.Util;

namespace Terminal.Decode;

/// <summary>
/// The decoder's logic, free of console and argument handling so tests can call it: BER-TLV trees with names
/// and formats from <see cref="EmvDictionary"/>, nested decoding of the bit-mapped and structured objects of
/// <c>Terminal.EmvKernel.DataObjects</c>, and PAN masking.
/// </summary>
public static class EmvDecoder
{
    /// <summary>The bit-map subcommands and the tag each decodes.</summary>
    public static readonly IReadOnlyDictionary<string, int> NamedObjects = new Dictionary<string, int>
    {
        ["tvr"] = TerminalVerificationResults.TagValue,    // 95
        ["tsi"] = TransactionStatusInformation.TagValue,   // 9B
        ["aip"] = ApplicationInterchangeProfile.TagValue,  // 82
        ["cvm"] = CvmList.TagValue,                        // 8E
        ["ttq"] = TerminalTransactionQualifiers.TagValue,  // 9F66
        ["ctq"] = CardTransactionQualifiers.TagValue,      // 9F6C
    };

    /// <summary>Decodes BER-TLV data (padding skipped). Malformed data raises <see cref="TlvException"/>.</summary>
    public static List<TlvNode> DecodeTlv(byte[] data) => Nodes(TlvParser.Parse(data));

    /// <summary>Decodes one tag's value (a constructed tag's value is decoded as its content).</summary>
    public static TlvNode DecodeTag(int tag, byte[] value)
    {
        var node = Header(tag, value.Length);
        if (TlvTag.IsConstructed(tag))
        {
            try
            {
                node.Children = Nodes(TlvParser.Parse(value));
            }
            catch (TlvException e)
            {
                node.Value = Hex.Encode(value);
                node.Error = e.Message;
            }
            return node;
        }
        FillPrimitive(node, tag, value);
        return node;
    }

    /// <summary>
    /// The fields of a Response Message Template Format 1 ('80'), which the command defines: GET PROCESSING
    /// OPTIONS = AIP and AFL (Book 3, 6.5.8.4); GENERATE AC = CID, ATC, AC, optional IAD (6.5.5.4); INTERNAL
    /// AUTHENTICATE = Signed Dynamic Application Data (6.5.9.4). Null for other commands or a value too short.
    /// </summary>
    public static List<TlvNode> Format1Fields(byte ins, byte[] value)
    {
        switch (ins)
        {
            case 0xA8 when value.Length >= 2:
                return [DecodeTag(0x82, value[..2]), DecodeTag(0x94, value[2..])];
            case 0xAE when value.Length >= 11:
                var fields = new List<TlvNode> { DecodeTag(0x9F27, value[..1]), DecodeTag(0x9F36, value[1..3]), DecodeTag(0x9F26, value[3..11]) };
                if (value.Length > 11) fields.Add(DecodeTag(0x9F10, value[11..]));
                return fields;
            case 0x88 when value.Length > 0:
                return [DecodeTag(0x9F4B, value)];
            default:
                return null;
        }
    }

    /// <summary>Splits DOL-related data by its DOL (Book 3, 5.4) into one node per entry; null when lengths disagree.</summary>
    public static List<TlvNode> SplitByDol(byte[] dol, byte[] data)
    {
        var list = Terminal.EmvKernel.Dol.DataObjectList.Parse(dol);
        if (list.DataLength != data.Length) return null;
        var nodes = new List<TlvNode>();
        int offset = 0;
        for (int i = 0; i < list.Count; i++)
        {
            int length = list.LengthAt(i);
            nodes.Add(DecodeTag(list.TagAt(i), data[offset..(offset + length)]));
            offset += length;
        }
        return nodes;
    }

    private static List<TlvNode> Nodes(TlvList list)
    {
        var nodes = new List<TlvNode>();
        for (int i = 0; i < list.Count; i++)
        {
            TlvObject item = list[i];
            if (item.IsConstructed)
            {
                var node = Header(item.Tag, item.ValueLength);
                node.Children = Nodes(item.Children);
                nodes.Add(node);
            }
            else
            {
                nodes.Add(DecodeTag(item.Tag, item.CopyValue()));
            }
        }
        return nodes;
    }

    private static TlvNode Header(int tag, int length)
    {
        DataElement element = EmvDictionary.Find(tag);
        return new TlvNode
        {
            Tag = TlvTag.ToHex(tag),
            Name = element?.Name ?? "Unknown",
            Format = element == null ? "?" : DataElement.FormatAbbreviation(element.Format),
            Length = length,
        };
    }

    private static void FillPrimitive(TlvNode node, int tag, byte[] value)
    {
        if (PanMasking.IsPanTag(tag))
        {
            node.Value = PanMasking.MaskValue(tag, value);
            node.Masked = true;
            return;
        }
        node.Value = Hex.Encode(value);
        DataFormat? format = EmvDictionary.Find(tag)?.Format;
        bool alphanumeric = format == DataFormat.Alphabetic || format == DataFormat.Alphanumeric || format == DataFormat.AlphanumericSpecial;
        // DF Name and AID are binary but are often ASCII (e.g. "1PAY.SYS.DDF01").
        bool printableName = (tag == 0x84 || tag == 0x4F) && value.Length > 0 && value.All(b => b >= 0x20 && b <= 0x7E);
        if (alphanumeric || printableName) node.Text = Text(value);
        try
        {
            string[] lines = Describe(tag, value);
            if (lines != null) node.Decoded = [.. lines];
        }
        catch (DataObjectException e)
        {
            node.Error = e.Message;
        }
    }

    /// <summary>Readable lines of the data objects the kernel knows how to decode; null for others.</summary>
    private static string[] Describe(int tag, byte[] value)
    {
        switch (tag)
        {
            case 0x82: return new ApplicationInterchangeProfile(value).Describe();
            case 0x8E: return new CvmList(value).Describe();
            case 0x94: return new ApplicationFileLocator(value).Describe();
            case 0x95: return new TerminalVerificationResults(value).Describe();
            case 0x9B: return new TransactionStatusInformation(value).Describe();
            case 0x9F07: return new ApplicationUsageControl(value).Describe();
            case 0x9F10: return IssuerApplicationData.Decode(value).Describe();
            case 0x9F27: return new CryptogramInformationData(value).Describe();
            case 0x9F33: return new TerminalCapabilities(value).Describe();
            case 0x9F34: return new CvmResults(value).Describe();
            case 0x9F35: return new TerminalType(value).Describe();
            case 0x9F40: return new AdditionalTerminalCapabilities(value).Describe();
            case 0x9F66: return new TerminalTransactionQualifiers(value).Describe();
            case 0x9F6C: return new CardTransactionQualifiers(value).Describe();
            default: return null;
        }
    }

    private static string Text(byte[] value)
    {
        var chars = new char[value.Length];
        for (int i = 0; i < value.Length; i++) chars[i] = value[i] >= 0x20 && value[i] <= 0x7E ? (char)value[i] : '.';
        return new string(chars);
    }
}
