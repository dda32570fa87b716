using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Tlv;
using Terminal.EmvKernel.Util;
using Terminal.VirtualReader;
using Xunit;

namespace Terminal.Tests.Pcsc;

/// <summary>
/// End to end through the real PC/SC stack: the bridge puts a card into pcscd's vpcd reader and scriptor
/// (a plain PC/SC client) selects the PPSE and then the AID listed in it. Needs scripts/install-deps.sh.
/// The tests of this class share the one vpcd slot; xunit runs them one after the other.
/// </summary>
[Collection(nameof(PcscSlot))]
public class PcscEndToEndTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [SkippableFact]
    public async Task Scriptor_reads_ppse_and_application_of_a_scripted_card_through_pcscd()
    {
        string scriptor = PcscEnvironment.RequireScriptor();
        var card = new ScriptedCard();
        var (ppse, adf) = await SelectPpseThenListedAid(scriptor, card, card.Reset);
        Assert.Equal(ScriptedCard.PpseFci + "9000", ppse);
        Assert.Equal(ScriptedCard.AdfFci + "9000", adf);
        Assert.Equal(2, card.Selects);
    }

    /// <summary>
    /// The library card cards/visa-qvsdc-online.card as a personalised VirtualCard. Expected FCIs written by hand
    /// from its profile (AID A0000000031010, label "VISA CREDIT", priority 01, the profile's PDOL) per
    /// EMV Book B 3.3 (PPSE directory entry) and Book 1 11.3.4 (ADF FCI with PDOL 9F38).
    /// </summary>
    [SkippableFact]
    public async Task Scriptor_reads_ppse_and_application_of_a_library_virtual_card_through_pcscd()
    {
        string scriptor = PcscEnvironment.RequireScriptor();
        string library = CardLoader.FindLibrary();
        Assert.True(library != null, "cards/ library not found above the test directory");
        var card = CardLoader.Load("visa-qvsdc-online", library);
        var (ppse, adf) = await SelectPpseThenListedAid(scriptor, card.Channel, card.Reset);
        Assert.Equal(
            "6F30" + "840E325041592E5359532E4444463031" + "A51E" + "BF0C1B" + "6119" +
            "4F07A0000000031010" + "500B5649534120435245444954" + "870101" + "9000", ppse);
        Assert.Equal(
            "6F36" + "8407A0000000031010" + "A52B" + "500B5649534120435245444954" + "870101" +
            "9F3818" + "9F66049F02069F03069F1A0295055F2A029A039C019F3704" + "9000", adf);
    }

    // Runs the bridge with the card, waits for pcscd to power it on, then has scriptor send SELECT PPSE and
    // SELECT of the AID (tag 4F) found in the PPSE response. Returns both R-APDUs as scriptor printed them.
    private static async Task<(string Ppse, string Adf)> SelectPpseThenListedAid(string scriptor, ICardChannel card, Action reset)
    {
        var poweredOn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = new VpcdBridgeOptions { Port = PcscEnvironment.VpcdPort, ConnectTimeout = Bound };
        using var stop = new CancellationTokenSource();
        var bridge = new VpcdBridge(card, options, () => { reset?.Invoke(); poweredOn.TrySetResult(); });
        var run = bridge.RunAsync(stop.Token);
        string ppse, adf;
        try
        {
            // pcscd powers a card on when it detects it in the reader: from then on PC/SC clients can connect.
            var first = await Task.WhenAny(poweredOn.Task, run, Task.Delay(Bound));
            if (first == run) await run; // surfaces a connect error
            Assert.True(first == poweredOn.Task,
                $"pcscd did not power the virtual card on within {Bound.TotalSeconds} s (is another virtual card holding the vpcd slot?)");

            var responses = await PcscEnvironment.RunScriptorAsync(scriptor, ScriptedCard.SelectPpse);
            Assert.Single(responses);
            ppse = responses[0];
            Assert.EndsWith("9000", ppse);
            byte[] aid = TlvParser.Parse(Hex.Decode(ppse.Substring(0, ppse.Length - 4))).FindValue(0x4F);
            Assert.NotNull(aid);

            responses = await PcscEnvironment.RunScriptorAsync(scriptor, "00A40400" + aid.Length.ToString("X2") + Hex.Encode(aid) + "00");
            Assert.Single(responses);
            adf = responses[0];
        }
        finally
        {
            stop.Cancel();
            await Task.WhenAny(run, Task.Delay(Bound)); // bounded; the outcome is asserted below when the body passed
        }
        Assert.Equal(VpcdBridgeStop.Cancelled, await run.WaitAsync(Bound));
        Assert.Equal(2, bridge.ApduCount);
        return (ppse, adf);
    }
}
