using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Dictionary;
using Terminal.EmvKernel.Tlv;
using Terminal.EmvKernel.Util;

namespace Terminal.Decode;

/// <summary>
/// Decodes an APDU transcript (shared/vectors/transcripts format) command by command: command name, P1/P2
/// meaning, data, and the response's status word and TLV tree. Data objects the card returned earlier (PDOL,
/// CDOL1, CDOL2, DDOL) are remembered so later command data can be split into its data objects.
/// </summary>
public sealed class TranscriptDecoder
{
    private readonly Dictionary<int, byte[]> _cardData = new();
    private int _generateAcCount;

    /// <summary>Decodes transcript text; a malformed text raises <see cref="TranscriptFormatException"/>.</summary>
    public static List<TranscriptStepDecoding> Decode(string text)
    {
        Transcript transcript = TranscriptReader.Parse(text);
        var decoder = new TranscriptDecoder();
        var steps = new List<TranscriptStepDecoding>();
        for (int i = 0; i < transcript.Count; i++)
        {
            steps.Add(decoder.DecodeStep(i + 1, transcript[i].Command, transcript[i].Response));
        }
        return steps;
    }

    /// <summary>Decodes one command/response pair.</summary>
    public TranscriptStepDecoding DecodeStep(int step, byte[] commandBytes, byte[] responseBytes)
    {
        var result = new TranscriptStepDecoding { Step = step };
        CommandApdu command = null;
        try
        {
            command = CommandApdu.Parse(commandBytes);
        }
        catch (ApduException e)
        {
            result.Command = new CommandDecoding { Apdu = ApduDisplay.Command(commandBytes), Name = "INVALID", Error = e.Message };
        }
        if (command != null) result.Command = DecodeCommand(command);
        result.Response = DecodeResponse(command, responseBytes);
        return result;
    }

    private CommandDecoding DecodeCommand(CommandApdu command)
    {
        byte[] encoded = command.Encode();
        bool pinData = ApduDisplay.IsPinCommand(command.Ins);
        var decoding = new CommandDecoding
        {
            Apdu = ApduDisplay.Command(encoded),
            Name = CommandNames.Of(command),
            Case = (int)command.Case,
            Parameters = Parameters(command),
            DataLength = command.DataLength,
            Le = command.HasLe ? Hex.Encode([command.Le]) : null,
        };
        if (command.DataLength > 0)
        {
            decoding.Data = pinData ? "withheld" : Hex.Encode(command.Data);
            if (!pinData) decoding.DataObjects = CommandDataObjects(command);
        }
        if (decoding.Parameters.Count == 0) decoding.Parameters = null;
        return decoding;
    }

    private static List<string> Parameters(CommandApdu c)
    {
        var lines = new List<string>();
        string p1 = "P1 " + Hex.Encode([c.P1]) + ": ";
        string p2 = "P2 " + Hex.Encode([c.P2]) + ": ";
        switch (CommandNames.Of(c))
        {
            case "SELECT":
                lines.Add(p1 + (c.P1 == 0x04 ? "select by DF name" : "selection control"));
                lines.Add(p2 + (c.P2 == EmvCommands.SelectFirstOccurrence ? "first or only occurrence"
                    : c.P2 == EmvCommands.SelectNextOccurrence ? "next occurrence" : "file occurrence control"));
                break;
            case "READ RECORD":
                lines.Add(p1 + "record " + c.P1);
                lines.Add(p2 + ((c.P2 & 0x07) == 0x04 ? "SFI " + (c.P2 >> 3) + ", P1 is a record number" : "reference control"));
                break;
            case "GET DATA":
                int tag = (c.P1 << 8) | c.P2;
                lines.Add("P1-P2 " + Hex.Encode([c.P1, c.P2]) + ": " + (EmvDictionary.Find(tag)?.Name ?? "data object " + Hex.Encode([c.P1, c.P2])));
                break;
            case "GENERATE AC":
                lines.Add(p1 + GenerateAcReference(c.P1));
                break;
            case "VERIFY":
                lines.Add(p2 + (c.P2 == EmvCommands.VerifyPlaintextPin ? "plaintext PIN"
                    : c.P2 == EmvCommands.VerifyEncipheredPin ? "enciphered PIN" : "qualifier RFU"));
                break;
        }
        return lines;
    }

    /// <summary>GENERATE AC P1 (Book 3, 6.5.5.2): b8-b7 cryptogram type, b5 CDA signature requested.</summary>
    private static string GenerateAcReference(byte p1)
    {
        string type = (p1 & 0xC0) switch { 0x00 => "AAC", 0x40 => "TC", 0x80 => "ARQC", _ => "RFU" };
        return type + " requested" + ((p1 & EmvCommands.GenerateAcCdaRequested) != 0 ? ", CDA signature requested" : "");
    }

    private List<TlvNode> CommandDataObjects(CommandApdu c)
    {
        byte[] data = c.Data;
        try
        {
            switch (CommandNames.Of(c))
            {
                case "GET PROCESSING OPTIONS":
                    // Command template '83' holding the PDOL-related data.
                    var nodes = EmvDecoder.DecodeTlv(data);
                    TlvList template = TlvParser.Parse(data);
                    byte[] pdolData = template.FindValue(0x83);
                    if (nodes.Count == 1 && pdolData != null && pdolData.Length > 0 && _cardData.TryGetValue(0x9F38, out byte[] pdol))
                    {
                        nodes[0].Value = null;
                        nodes[0].Children = EmvDecoder.SplitByDol(pdol, pdolData);
                        if (nodes[0].Children == null) nodes[0].Value = Hex.Encode(pdolData);
                    }
                    return nodes;
                case "GENERATE AC":
                    _generateAcCount++;
                    return SplitKnown(_generateAcCount == 1 ? 0x8C : 0x8D, data);
                case "INTERNAL AUTHENTICATE":
                    return SplitKnown(0x9F49, data);
                default:
                    return null;
            }
        }
        catch (Exception e) when (e is TlvException || e is ArgumentException)
        {
            return null;
        }
    }

    private List<TlvNode> SplitKnown(int dolTag, byte[] data) =>
        _cardData.TryGetValue(dolTag, out byte[] dol) ? EmvDecoder.SplitByDol(dol, data) : null;

    private ResponseDecoding DecodeResponse(CommandApdu command, byte[] bytes)
    {
        ResponseApdu response;
        try
        {
            response = ResponseApdu.Parse(bytes);
        }
        catch (ApduException e)
        {
            return new ResponseDecoding { DataLength = bytes.Length, Error = e.Message };
        }
        var decoding = new ResponseDecoding
        {
            Sw = StatusWord.ToHex(response.Sw),
            Status = StatusWord.Describe(response.Sw),
            DataLength = response.DataLength,
        };
        if (response.DataLength == 0) return decoding;
        byte[] data = response.Data;
        try
        {
            TlvList list = TlvParser.Parse(data);
            Remember(list);
            decoding.DataObjects = EmvDecoder.DecodeTlv(data);
            if (command != null && decoding.DataObjects.Count == 1 && decoding.DataObjects[0].Tag == "80")
            {
                var fields = EmvDecoder.Format1Fields(command.Ins, list[0].CopyValue());
                if (fields != null)
                {
                    decoding.DataObjects[0].Value = null;
                    decoding.DataObjects[0].Children = fields;
                }
            }
        }
        catch (TlvException e)
        {
            decoding.Error = "data is not BER-TLV: " + e.Message;
        }
        return decoding;
    }

    private void Remember(TlvList list)
    {
        for (int i = 0; i < list.Count; i++)
        {
            TlvObject item = list[i];
            if (item.IsConstructed) Remember(item.Children);
            else _cardData[item.Tag] = item.CopyValue();
        }
    }
}
