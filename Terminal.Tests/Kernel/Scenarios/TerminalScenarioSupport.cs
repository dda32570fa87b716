#nullable enable
using System.Text.RegularExpressions;
using Xunit;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Tlv;
using Terminal.EmvKernel.Util;

namespace Terminal.Tests.Kernel.Scenarios;

/// <summary>Random transaction selection numbers given by the test (Book 3, 10.6.2: 1-99).</summary>
internal sealed class FixedSelectionRandom(int value) : ITransactionRandom
{
    public int Calls { get; private set; }

    public int NextPercent()
    {
        Calls++;
        return value;
    }
}

/// <summary>A terminal exception file of packed PANs (hex) with optional PSN.</summary>
internal sealed class ListExceptionFile(params string[] pans) : IExceptionFile
{
    public List<(string Pan, string? Psn)> Queries { get; } = new();

    public bool Contains(byte[] pan, byte[] psn)
    {
        string p = Hex.Encode(pan);
        Queries.Add((p, psn == null ? null : Hex.Encode(psn)));
        return pans.Contains(p);
    }
}

/// <summary>A transaction log holding one approved amount for one packed PAN (hex).</summary>
internal sealed class OneEntryTransactionLog(string pan, long amount) : ITransactionLog
{
    public int Queries { get; private set; }

    public long RecentApprovedAmount(byte[] cardPan)
    {
        Queries++;
        return Hex.Encode(cardPan) == pan ? amount : 0;
    }
}

/// <summary>Edits of library profile texts and reads of the outcome's APDU trace for the terminal scenarios.</summary>
internal static class TerminalScenario
{
    /// <summary>The profile without its Issuer Action Codes ('9F0D', '9F0E', '9F0F' absent from the card).</summary>
    public static string WithoutIacs(string profile)
    {
        string text = Regex.Replace(profile, @"^iac-(default|denial|online) = .*\r?\n", "", RegexOptions.Multiline);
        return text.Replace(" 9F0D 9F0E 9F0F", "");
    }

    /// <summary>
    /// The profile with '9F14' Lower and '9F23' Upper Consecutive Offline Limit in record 1.2 (terminal velocity
    /// checking only: the simulator's own velocity keys stay unset) and the given ATC and Last Online ATC Register.
    /// </summary>
    public static string WithVelocity(string profile, int lower, int upper, int atc, int lastOnlineAtc)
    {
        string text = SetKey(profile, "atc", atc.ToString());
        text = SetKey(text, "last-online-atc", lastOnlineAtc.ToString());
        text = Regex.Replace(text, @"^\[records\]", "9F14 = " + lower.ToString("X2") + "\n9F23 = " + upper.ToString("X2") + "\n\n[records]",
            RegexOptions.Multiline);
        return Regex.Replace(text, @"^(record\.1\.2 = .*?)\s*$", "$1 9F14 9F23", RegexOptions.Multiline);
    }

    /// <summary>Replaces the value of <paramref name="key"/> (one line "key = value").</summary>
    public static string SetKey(string profile, string key, string value)
    {
        var r = new Regex("^" + Regex.Escape(key) + @" = .*?(\r?)$", RegexOptions.Multiline);
        Assert.Matches(r, profile);
        return r.Replace(profile, key + " = " + value + "$1");
    }

    /// <summary>The commands of the trace with instruction <paramref name="ins"/> (and CLA <paramref name="cla"/>).</summary>
    public static List<byte[]> Commands(TransactionOutcome outcome, byte cla, byte ins)
    {
        var list = new List<byte[]>();
        for (int i = 0; i < outcome.Trace.Count; i++)
        {
            byte[] c = outcome.Trace[i].Command;
            if (c.Length >= 4 && c[0] == cla && c[1] == ins) list.Add(c);
        }
        return list;
    }

    /// <summary>P1 of each GENERATE AC ('80 AE') in the trace, as hex ("40", "90", ...).</summary>
    public static string[] GenerateAcP1(TransactionOutcome outcome) =>
        Commands(outcome, 0x80, 0xAE).Select(c => c[2].ToString("X2")).ToArray();

    /// <summary>The responses (data without SW1 SW2) to the GENERATE AC commands of the trace.</summary>
    public static List<byte[]> GenerateAcResponses(TransactionOutcome outcome)
    {
        var list = new List<byte[]>();
        for (int i = 0; i < outcome.Trace.Count; i++)
        {
            byte[] c = outcome.Trace[i].Command;
            byte[]? r = outcome.Trace[i].Response;
            if (c.Length >= 4 && c[0] == 0x80 && c[1] == 0xAE && r != null) list.Add(r.Take(r.Length - 2).ToArray());
        }
        return list;
    }

    /// <summary>The Application Cryptogram of a format 1 ('80': CID 1, ATC 2, AC 8, IAD) GENERATE AC response.</summary>
    public static string Format1Ac(byte[] response)
    {
        byte[] value = TlvParser.Parse(response).FindValue(0x80)!;
        return Hex.Encode(value, 3, 8);
    }

    /// <summary>The value of <paramref name="tag"/> in field 55, hex, or null.</summary>
    public static string? Field55(OnlineRequest request, int tag)
    {
        byte[]? v = TlvParser.Parse(request.IccData).FindValue(tag);
        return v == null ? null : Hex.Encode(v);
    }

    /// <summary>True when <paramref name="pattern"/> occurs in <paramref name="data"/>.</summary>
    public static bool Contains(byte[]? data, byte[] pattern)
    {
        if (data == null) return false;
        for (int i = 0; i + pattern.Length <= data.Length; i++)
        {
            if (data.AsSpan(i, pattern.Length).SequenceEqual(pattern)) return true;
        }
        return false;
    }
}
