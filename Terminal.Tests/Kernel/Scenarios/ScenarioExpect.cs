#nullable enable
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Tlv;
using Terminal.EmvKernel.Util;
using Xunit;

namespace Terminal.Tests.Kernel.Scenarios;

/// <summary>
/// Assertions shared by the library-card scenario tests: the outcome against hand-derived values, and the
/// authorisation request the test issuer saw.
/// </summary>
internal static class ScenarioExpect
{
    /// <summary>
    /// The field 55 tags every online request of the reference terminal carries: all of
    /// <see cref="ContactTransaction.OnlineRequestTags"/> except '9F5B' (issuer script results exist only after
    /// an online response). The reference terminal has '9F1E' (IFD serial number), '9F09' per AID and '9F41'.
    /// </summary>
    public static int[] RequestTags => ContactTransaction.OnlineRequestTags.Where(t => t != 0x9F5B).ToArray();

    /// <summary>Decision, reason, TVR, TSI, CVM Results and ARC ('8A' as ASCII) of the outcome.</summary>
    public static void Outcome(Scenario s, TransactionDecision decision, OutcomeReason reason, string tvr, string tsi, string cvm, string arc)
    {
        Assert.Equal((decision, reason), (s.Outcome.Decision, s.Outcome.Reason));
        Assert.Equal(tvr, s.Tvr);
        Assert.Equal(tsi, s.Tsi);
        Assert.Equal(cvm, s.Cvm);
        Assert.Equal(arc, s.Arc);
        // The last cryptogram matches the decision (CID b8-b7, Book 3 Annex C / emv-kernel.md 3.3): TC '40' for an
        // approval, AAC '00' for a decline.
        // A TC whose CDA failed is declined by the terminal although the card's CID says TC.
        if (decision != TransactionDecision.Terminated && reason != OutcomeReason.CdaFailed)
        {
            int expectedType = decision is TransactionDecision.ApprovedOffline or TransactionDecision.ApprovedOnline ? 0x40 : 0x00;
            Assert.Equal(expectedType, s.Outcome.Cid![0] & 0xC0);
        }
    }

    /// <summary>
    /// The host saw exactly one authorisation request: field 55 holds every <see cref="RequestTags"/> tag and no
    /// tag outside <see cref="ContactTransaction.OnlineRequestTags"/>, the ARQC verifies with the card's master key,
    /// CID '80', and '95' / '9F34' / '9F02' are the transaction's at the time of the request.
    /// </summary>
    public static void OneOnlineRequest(Scenario s, string tvrAtRequest, string cvm, long amount, bool arqcChecked = true)
    {
        Assert.True(s.Outcome.WentOnline);
        OnlineRequest request = Assert.Single(s.Host.Requests);
        TlvList icc = TlvParser.Parse(request.IccData);
        var present = new List<int>();
        for (int i = 0; i < icc.Count; i++) present.Add(icc[i].Tag);
        foreach (int tag in RequestTags) Assert.True(present.Contains(tag), "field 55 lacks " + tag.ToString("X"));
        foreach (int tag in present) Assert.Contains(tag, ContactTransaction.OnlineRequestTags);
        if (arqcChecked) Assert.True(s.Host.ArqcValid, "the issuer could not verify the ARQC");
        Assert.Equal("80", Hex.Encode(icc.FindValue(0x9F27)!));
        Assert.Equal(tvrAtRequest, Hex.Encode(icc.FindValue(0x95)!));
        Assert.Equal(cvm, Hex.Encode(icc.FindValue(0x9F34)!));
        Assert.Equal(amount.ToString("D12"), Hex.Encode(icc.FindValue(0x9F02)!));
    }

    /// <summary>No authorisation request: an offline outcome.</summary>
    public static void NoOnlineRequest(Scenario s)
    {
        Assert.False(s.Outcome.WentOnline);
        Assert.Empty(s.Host.Requests);
        Assert.False(s.Outcome.ReversalRequired);
    }

    /// <summary>The number of commands with instruction byte <paramref name="ins"/> in the outcome's trace.</summary>
    public static int Commands(Scenario s, byte ins)
    {
        int n = 0;
        for (int i = 0; i < s.Outcome.Trace.Count; i++)
        {
            byte[] c = s.Outcome.Trace[i].Command;
            if (c.Length >= 2 && c[1] == ins) n++;
        }
        return n;
    }

    /// <summary>Trace index of the <paramref name="occurrence"/>-th (1-based) command with instruction <paramref name="ins"/>, or -1.</summary>
    public static int IndexOf(Scenario s, byte ins, int occurrence)
    {
        for (int i = 0; i < s.Outcome.Trace.Count; i++)
        {
            byte[] c = s.Outcome.Trace[i].Command;
            if (c.Length >= 2 && c[1] == ins && --occurrence == 0) return i;
        }
        return -1;
    }

    /// <summary>The status words the card gave to VERIFY ('20'), in order.</summary>
    public static string[] VerifyStatusWords(Scenario s)
    {
        var sws = new List<string>();
        for (int i = 0; i < s.Outcome.Trace.Count; i++)
        {
            byte[] c = s.Outcome.Trace[i].Command;
            byte[] r = s.Outcome.Trace[i].Response;
            if (r == null || r.Length < 2) continue;
            if (c.Length >= 2 && c[1] == 0x20) sws.Add(Hex.Encode(Bytes.Slice(r, r.Length - 2, 2)));
        }
        return sws.ToArray();
    }
}
