using Terminal.EmvKernel.Tlv;
using Terminal.EmvKernel.Util;
using Terminal.VirtualReader;
using Xunit;

namespace Terminal.Tests.Pcsc;

/// <summary>
/// End to end through the real PC/SC stack: the bridge puts a card into pcscd's vpcd reader and scriptor
/// (a plain PC/SC client) selects the PPSE and then the AID it lists. Needs scripts/install-deps.sh.
/// </summary>
public class PcscEndToEndTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [SkippableFact]
    public async Task Scriptor_reads_ppse_and_application_through_pcscd()
    {
        string scriptor = PcscEnvironment.RequireScriptor();
        var card = new ScriptedCard();
        var poweredOn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = new VpcdBridgeOptions { Port = PcscEnvironment.VpcdPort, ConnectTimeout = Bound };
        using var stop = new CancellationTokenSource();
        var bridge = new VpcdBridge(card, options, () => { card.Reset(); poweredOn.TrySetResult(); });
        var run = bridge.RunAsync(stop.Token);
        try
        {
            // pcscd powers a card on when it detects it in the reader: from then on PC/SC clients can connect.
            var first = await Task.WhenAny(poweredOn.Task, run, Task.Delay(Bound));
            if (first == run) await run; // surfaces the connect error
            Assert.True(first == poweredOn.Task,
                $"pcscd did not power the virtual card on within {Bound.TotalSeconds} s (is another virtual card holding the vpcd slot?)");

            var ppse = await PcscEnvironment.RunScriptorAsync(scriptor, ScriptedCard.SelectPpse);
            Assert.Equal(new[] { ScriptedCard.PpseFci + "9000" }, ppse);

            // The AID comes from the PPSE directory entry (tag 4F) that scriptor read.
            byte[] fci = Hex.Decode(ppse[0].Substring(0, ppse[0].Length - 4));
            byte[] aid = TlvParser.Parse(fci).FindValue(0x4F);
            Assert.Equal(ScriptedCard.Aid, Hex.Encode(aid));
            string select = "00A40400" + aid.Length.ToString("X2") + Hex.Encode(aid) + "00";
            var adf = await PcscEnvironment.RunScriptorAsync(scriptor, select);
            Assert.Equal(new[] { ScriptedCard.AdfFci + "9000" }, adf);
            Assert.Equal(2, card.Selects);
        }
        finally
        {
            stop.Cancel();
            await run.WaitAsync(Bound).ContinueWith(_ => { }); // stop is best effort here; failures were asserted above
        }
        Assert.Equal(VpcdBridgeStop.Cancelled, await run);
    }
}
