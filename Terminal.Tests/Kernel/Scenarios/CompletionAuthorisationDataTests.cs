#nullable enable
using System.Text;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Tlv;
using Terminal.EmvKernel.Util;
using Xunit;

namespace Terminal.Tests.Kernel.Scenarios;

/// <summary>
/// The authorisation data (field 55 and the PAN fields) and the protection of the PAN and PIN in the outcome,
/// on visa-online-host-approves (PAN 4761739000000301, PSN 01, expiry 2030-12-31, AIP 3C00, ATC 1 -> 2 at GPO,
/// CDOL1 ends with '9F37' 04) with the reference terminal: the kernel's random source is a CountingRandom, so the
/// terminal Unpredictable Number, its first 4 bytes, is 01020304.
/// </summary>
public sealed class CompletionAuthorisationDataTests
{
    private const string Pan = "4761739000000301";

    private static Scenario Approved() => Scenario.Run("visa-online-host-approves");

    private static string? F55(OnlineRequest r, int tag) => TerminalScenario.Field55(r, tag);

    [Fact]
    public void AuthorisationRequestCarriesTheCardsArqcAndTheTerminalData()
    {
        var s = Approved();
        OnlineRequest request = Assert.Single(s.Host.Requests);
        byte[] firstResponse = TerminalScenario.GenerateAcResponses(s.Outcome)[0];
        byte[] format1 = TlvParser.Parse(firstResponse).FindValue(0x80)!;
        // Card values, from the first GENERATE AC response (format 1: CID || ATC || AC || IAD).
        Assert.Equal(Hex.Encode(format1, 3, 8), F55(request, 0x9F26));
        Assert.Equal("80", F55(request, 0x9F27));
        Assert.Equal("0002", F55(request, 0x9F36));
        Assert.Equal(Hex.Encode(format1, 11, format1.Length - 11), F55(request, 0x9F10));
        Assert.Equal("3C00", F55(request, 0x82));
        Assert.Equal("A0000000031010", F55(request, 0x84));
        // Terminal values: UN from the counting random source, also the last 4 bytes of the CDOL1 data sent.
        Assert.Equal("01020304", F55(request, 0x9F37));
        byte[] gac1 = TerminalScenario.Commands(s.Outcome, 0x80, 0xAE)[0];
        Assert.Equal("01020304", Hex.Encode(gac1, 5 + gac1[4] - 4, 4));
        Assert.Equal("0000000000", F55(request, 0x95));        // TVR at the request: nothing set
        Assert.Equal("260615", F55(request, 0x9A));
        Assert.Equal("00", F55(request, 0x9C));
        Assert.Equal("000000001000", F55(request, 0x9F02));    // 10.00, n 12
        Assert.Equal("000000000000", F55(request, 0x9F03));
        Assert.Equal("0156", F55(request, 0x5F2A));
        Assert.Equal("0156", F55(request, 0x9F1A));
        Assert.Equal("E0F8C8", F55(request, 0x9F33));
        Assert.Equal("1E0300", F55(request, 0x9F34));          // signature, result unknown
        Assert.Equal("22", F55(request, 0x9F35));
        Assert.Equal("3030303030303031", F55(request, 0x9F1E)); // "00000001"
        Assert.Equal("0096", F55(request, 0x9F09));
        Assert.Equal("00000001", F55(request, 0x9F41));         // sequence counter 1, n 8
        Assert.Null(F55(request, 0x9F5B));                      // no script results yet
        Assert.True(s.Host.ArqcValid);
    }

    [Fact]
    public void PanTravelsOnlyInThePanFields()
    {
        var s = Approved();
        OnlineRequest request = s.Host.Requests[0];
        Assert.Equal(Pan, Hex.Encode(request.Pan));
        Assert.Equal("01", Hex.Encode(request.PanSequenceNumber));
        Assert.Equal("301231", Hex.Encode(request.ExpiryDate));
        Assert.StartsWith(Pan + "D3012", Hex.Encode(request.Track2Equivalent));
        // Field 55 holds no PAN-bearing object and not the PAN bytes.
        TlvList icc = TlvParser.Parse(request.IccData);
        Assert.Null(icc.FindValue(0x5A));
        Assert.Null(icc.FindValue(0x57));
        Assert.False(TerminalScenario.Contains(request.IccData, Hex.Decode(Pan)));
        Assert.Equal(Pan, Hex.Encode(s.Outcome.AuthorisationData.Pan));
    }

    [Fact]
    public void FinalAuthorisationDataHoldsTheSecondCryptogramAndFinalTvr()
    {
        // After completion field 55 (for the advice or reversal) carries the TC of the second GENERATE AC,
        // CID 40 and the final TVR.
        var s = Approved();
        byte[] second = TerminalScenario.GenerateAcResponses(s.Outcome)[1];
        byte[] format1 = TlvParser.Parse(second).FindValue(0x80)!;
        Assert.Equal(Hex.Encode(format1, 3, 8), F55(s.Outcome.AuthorisationData, 0x9F26));
        Assert.Equal(Hex.Encode(s.Outcome.ApplicationCryptogram), F55(s.Outcome.AuthorisationData, 0x9F26));
        Assert.Equal("40", F55(s.Outcome.AuthorisationData, 0x9F27));
        Assert.Equal(s.Tvr, F55(s.Outcome.AuthorisationData, 0x95));
        Assert.NotEqual(F55(s.Host.Requests[0], 0x9F26), F55(s.Outcome.AuthorisationData, 0x9F26));
    }

    [Fact]
    public void OutcomeRefusesPanBearingTagsAndMasksThePan()
    {
        var s = Approved();
        Assert.Null(s.Outcome.Get(0x5A));
        Assert.Null(s.Outcome.Get(0x57));
        // First 6, last 4: 476173 ****** 0301.
        Assert.Equal("476173******0301", s.Outcome.MaskedPan);
        // A non-PAN tag is still readable: AIP.
        Assert.Equal("3C00", Hex.Encode(s.Outcome.Get(0x82)));
    }

    [Fact]
    public void TraceHoldsNoFullPan()
    {
        var s = Approved();
        byte[] packed = Hex.Decode(Pan);
        byte[] ascii = Encoding.ASCII.GetBytes(Pan);
        // The masked form (first 6 and last 4 kept, 'F' nibbles between) shows the PAN records were traced.
        byte[] masked = Hex.Decode("476173FFFFFF0301");
        bool sawMasked = false;
        for (int i = 0; i < s.Outcome.Trace.Count; i++)
        {
            byte[] c = s.Outcome.Trace[i].Command;
            byte[]? r = s.Outcome.Trace[i].Response;
            Assert.False(TerminalScenario.Contains(c, packed), "packed PAN in command " + i);
            Assert.False(TerminalScenario.Contains(r, packed), "packed PAN in response " + i);
            Assert.False(TerminalScenario.Contains(c, ascii), "ASCII PAN in command " + i);
            Assert.False(TerminalScenario.Contains(r, ascii), "ASCII PAN in response " + i);
            sawMasked |= TerminalScenario.Contains(r, masked);
        }
        Assert.True(sawMasked);
    }

    [Fact]
    public void TraceHoldsNoPinBlock()
    {
        // visa-pin-offline-plaintext: VERIFY 00 20 00 80 08 <241234FFFFFFFFFF> (format 2 block of PIN 1234).
        // In the trace the 8 data bytes are zero; the block appears nowhere.
        var s = Scenario.Run("visa-pin-offline-plaintext");
        Assert.Equal(TransactionDecision.ApprovedOffline, s.Outcome.Decision);
        byte[] verify = Assert.Single(TerminalScenario.Commands(s.Outcome, 0x00, 0x20));
        Assert.Equal("0020008008" + "0000000000000000", Hex.Encode(verify, 0, 13));
        byte[] block = Hex.Decode("241234FFFFFFFFFF");
        for (int i = 0; i < s.Outcome.Trace.Count; i++)
        {
            Assert.False(TerminalScenario.Contains(s.Outcome.Trace[i].Command, block));
            Assert.False(TerminalScenario.Contains(s.Outcome.Trace[i].Response, block));
        }
    }

    [Fact]
    public void OfflineDeclineStillGivesAuthorisationDataForTheAdvice()
    {
        // Terminal denial (TAC-denial on the expired bit): field 55 carries the AAC, CID 00, TVR 0040000000 and
        // ARC is Z1 in the outcome; no request went to the host.
        var s = Scenario.Run("visa-expired-application",
            configuration: ReferenceTerminal.Configuration(aid: a => a.TacDenial = Hex.Decode("0040000000")));
        Assert.Empty(s.Host.Requests);
        Assert.NotNull(s.Outcome.AuthorisationData);
        Assert.Equal("00", F55(s.Outcome.AuthorisationData, 0x9F27));
        Assert.Equal("0040000000", F55(s.Outcome.AuthorisationData, 0x95));
        Assert.Equal(Hex.Encode(s.Outcome.ApplicationCryptogram), F55(s.Outcome.AuthorisationData, 0x9F26));
    }
}
