namespace Terminal.Decode;

/// <summary>
/// One decoded data object: tag, dictionary name and format, length, value, and what is known about the value
/// (text, bit meanings, nested objects). PANs and track data carry a masked <see cref="Value"/>.
/// </summary>
public sealed class TlvNode
{
    /// <summary>Tag in hex, e.g. "9F27".</summary>
    public string Tag { get; set; }
    /// <summary>Name from the EMV dictionary, or "Unknown".</summary>
    public string Name { get; set; }
    /// <summary>Annex A format: b, n, cn, a, an, ans, var; "?" for a tag not in the dictionary.</summary>
    public string Format { get; set; }
    /// <summary>Length of the value in bytes.</summary>
    public int Length { get; set; }
    /// <summary>Value in hex (masked digits for PAN and track data); null for a template.</summary>
    public string Value { get; set; }
    /// <summary>The value as text for alphanumeric formats and printable DF names; otherwise null.</summary>
    public string Text { get; set; }
    /// <summary>True when <see cref="Value"/> is masked.</summary>
    public bool? Masked { get; set; }
    /// <summary>Readable meaning of the value (bits set, AFL entries, CV rules, ...); null when none.</summary>
    public List<string> Decoded { get; set; }
    /// <summary>Why the value could not be decoded; null when it could.</summary>
    public string Error { get; set; }
    /// <summary>Objects inside a template, or the fields of a format 1 response; null when none.</summary>
    public List<TlvNode> Children { get; set; }
}

/// <summary>A decoded C-APDU of a transcript.</summary>
public sealed class CommandDecoding
{
    /// <summary>The command in hex; the data of VERIFY and PIN CHANGE is withheld.</summary>
    public string Apdu { get; set; }
    /// <summary>Command name, e.g. "SELECT".</summary>
    public string Name { get; set; }
    /// <summary>ISO 7816-4 case 1 to 4.</summary>
    public int Case { get; set; }
    /// <summary>Meaning of P1 and P2, one line each where it matters.</summary>
    public List<string> Parameters { get; set; }
    /// <summary>Number of data bytes (Lc).</summary>
    public int DataLength { get; set; }
    /// <summary>Command data in hex, "withheld" for PIN data; null without data.</summary>
    public string Data { get; set; }
    /// <summary>The command data split into data objects (command template, or PDOL/CDOL/DDOL data); null when unknown.</summary>
    public List<TlvNode> DataObjects { get; set; }
    /// <summary>Le in hex; null when absent.</summary>
    public string Le { get; set; }
    /// <summary>Why the command is not a valid short C-APDU; null when it is.</summary>
    public string Error { get; set; }
}

/// <summary>A decoded R-APDU of a transcript.</summary>
public sealed class ResponseDecoding
{
    /// <summary>SW1 SW2 in hex.</summary>
    public string Sw { get; set; }
    /// <summary>Meaning of the status word.</summary>
    public string Status { get; set; }
    /// <summary>Number of response data bytes (or raw bytes when the response is invalid).</summary>
    public int DataLength { get; set; }
    /// <summary>The response data as BER-TLV; null when there is none or it is not TLV.</summary>
    public List<TlvNode> DataObjects { get; set; }
    /// <summary>Why the response (or its data) could not be decoded; null when it could.</summary>
    public string Error { get; set; }
}

/// <summary>One command/response pair of a transcript.</summary>
public sealed class TranscriptStepDecoding
{
    /// <summary>1-based step number.</summary>
    public int Step { get; set; }
    public CommandDecoding Command { get; set; }
    public ResponseDecoding Response { get; set; }
}
