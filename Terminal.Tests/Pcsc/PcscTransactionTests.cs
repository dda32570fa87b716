#nullable enable
using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Util;
using Terminal.Pc.Pcsc;
using Terminal.Tests.Kernel.Scenarios;
using Terminal.Tests.VirtualCards.Card;
using Terminal.Tests.VirtualCards.Library;
using Terminal.VirtualCards.Card;
using Terminal.VirtualCards.Personalisation;
using Terminal.VirtualReader;
using Xunit;

namespace Terminal.Tests.Pcsc;

/// <summary>
/// A whole contact transaction (ContactTransaction, the reference terminal of the kernel scenarios) over the
/// P/Invoke PC/SC reader (Terminal.Pc.Pcsc) against a library virtual card that the VpcdBridge puts into pcscd's
/// vpcd slot: kernel -> PcscCard -> libpcsclite -> pcscd -> vpcd -> bridge -> VirtualCard. The outcomes are the
/// hand-derived ones of CvmScenarioTests for the same cards run in-process. Needs scripts/install-deps.sh; skips
/// without pcscd/vpcd, fails under CI=true. Shares the one vpcd slot with PcscEndToEndTests (same class collection).
/// </summary>
[Collection(nameof(PcscSlot))]
public class PcscTransactionTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    // visa-pin-offline-plaintext (CVM list 4103 1E03, PIN 1234): VERIFY 9000 -> CVM 410302, TVR 0, TSI E800, TC
    // offline, ARC Y1 (CvmScenarioTests.Plaintext_pin_correct).
    [SkippableFact]
    public async Task Contact_transaction_with_offline_pin_is_approved_offline_through_pcscd()
    {
        PcscEnvironment.RequirePcscd();
        var result = await RunThroughPcsc("visa-pin-offline-plaintext", new ScenarioPinPad((PinEntryResult.Entered, "1234")));
        TransactionOutcome o = result.Outcome;
        Assert.Equal((TransactionDecision.ApprovedOffline, OutcomeReason.CardApprovedOffline), (o.Decision, o.Reason));
        Assert.Equal("0000000000", Hex.Encode(o.Tvr));
        Assert.Equal("E800", Hex.Encode(o.Tsi));
        Assert.Equal("410302", Hex.Encode(o.CvmResults));
        Assert.Equal("Y1", System.Text.Encoding.ASCII.GetString(o.Arc));
        Assert.Equal("476173******0152", o.MaskedPan);
        // The vpcd bridge's default ATR (docs/pcsc.md): the EMV basic T=1 ATR, so pcscd chose T=1.
        Assert.Equal("3BE000008131FE45EB", result.Atr);
        Assert.Equal(PcscNativeProtocolT1, result.Protocol);
        Assert.True(result.Apdus >= 6, "SELECT PSE/AID, GPO, READ RECORD, VERIFY, GENERATE AC at least");
        Assert.Equal(result.Apdus, result.BridgeApdus);  // every kernel APDU crossed pcscd to the card
    }

    // The same card with three wrong PINs: 63C2, 63C1, 63C0 -> TVR 0000200000, signature 1E0300, the card asks to go
    // online, the issuer (ARQC checked with the card's master key) approves: ApprovedOnline, ARC 00
    // (CvmScenarioTests.Plaintext_pin_wrong_until_blocked_falls_to_signature_and_the_card_goes_online).
    [SkippableFact]
    public async Task Contact_transaction_going_online_is_approved_by_the_issuer_through_pcscd()
    {
        PcscEnvironment.RequirePcscd();
        var pad = new ScenarioPinPad((PinEntryResult.Entered, "1111"), (PinEntryResult.Entered, "2222"), (PinEntryResult.Entered, "3333"));
        var result = await RunThroughPcsc("visa-pin-offline-plaintext", pad);
        TransactionOutcome o = result.Outcome;
        Assert.Equal((TransactionDecision.ApprovedOnline, OutcomeReason.HostApproved), (o.Decision, o.Reason));
        Assert.Equal("0000200000", Hex.Encode(o.Tvr));
        Assert.Equal("1E0300", Hex.Encode(o.CvmResults));
        Assert.Equal("00", System.Text.Encoding.ASCII.GetString(o.Arc));
        Assert.True(result.ArqcValid, "the issuer could not verify the ARQC that came through PC/SC");
        Assert.Equal(new[] { 3, 2, 1 }, pad.TriesShown);
    }

    [SkippableFact]
    public async Task Reader_lists_the_vpcd_slot_and_sees_the_card_come_and_go()
    {
        PcscEnvironment.RequirePcscd();
        using var context = PcscContext.Establish();
        Assert.Contains(PcscEnvironment.ReaderName, context.ListReaders());
        using var reader = new PcscContactReader(context, PcscContactReader.FindReader(context, "Virtual PCD 00 00"));
        await WithCardInSlot(CardLibrary.Image("visa-pin-offline-plaintext"), (card, _) =>
        {
            Assert.True(reader.IsCardPresent);
            ICardChannel channel = reader.PowerOn(out byte[] atr);
            Assert.Equal("3BE000008131FE45EB", Hex.Encode(atr));
            // SELECT PSE '1PAY.SYS.DDF01' (Book 1, 12.2.2): the card answers with its FCI and 9000.
            byte[] response = channel.Transmit(Hex.Decode("00A404000E315041592E5359532E444446303100"));
            Assert.Equal("9000", Hex.Encode(response, response.Length - 2, 2));
            reader.PowerOff();
            return Task.CompletedTask;
        });
        // The bridge closed its vpcd connection: pcscd sees the slot empty at its next poll.
        Assert.True(context.WaitForPresence(reader.ReaderName, false, 30_000), "pcscd still reports a card 30 s after removal");
        Assert.False(reader.IsCardPresent);
        Assert.Throws<CardRemovedException>(() => reader.PowerOn(out _));
    }

    private const uint PcscNativeProtocolT1 = 2; // SCARD_PROTOCOL_T1

    private sealed record PcscRun(TransactionOutcome Outcome, string Atr, uint Protocol, int Apdus, int BridgeApdus, bool ArqcValid);

    private static async Task<PcscRun> RunThroughPcsc(string cardName, ScenarioPinPad pad)
    {
        CardImage image = CardLibrary.Image(cardName);
        var app = (CardApplication)image.Applications[0]!;
        var issuer = new ScenarioHost(app, "approve");
        PcscRun? run = null;
        await WithCardInSlot(image, (card, bridge) =>
        {
            using var reader = PcscContactReader.Open("Virtual PCD 00 00");
            Assert.True(reader.IsCardPresent);
            ICardChannel channel = reader.PowerOn(out byte[] atr);
            var kernel = new ContactTransaction(ReferenceTerminal.Configuration(), ReferenceTerminal.CaKeys(), new CountingRandom())
            {
                Cardholder = pad,
                Host = issuer,
            };
            TransactionOutcome outcome = kernel.Run(channel, ReferenceTerminal.Purchase(1000));
            PcscCard pcscCard = reader.Card!;
            int apdus = pcscCard.ApduCount;
            reader.PowerOff();
            run = new PcscRun(outcome, Hex.Encode(atr), pcscCard.Protocol, apdus, (int)bridge.ApduCount, issuer.ArqcValid);
            return Task.CompletedTask;
        });
        return run!;
    }

    // Puts a VirtualCard of the image into the vpcd slot (the bridge in-process), waits until pcscd has powered it,
    // runs the body, then takes the card out. Bounded waits only.
    private static async Task WithCardInSlot(CardImage image, Func<VirtualCard, VpcdBridge, Task> body)
    {
        var card = new VirtualCard(image, new CountingRandom(), CardLibrary.Crypto);
        var poweredOn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = new VpcdBridgeOptions { Port = PcscEnvironment.VpcdPort, ConnectTimeout = Bound };
        using var stop = new CancellationTokenSource();
        var bridge = new VpcdBridge(card, options, () => { card.Reset(); poweredOn.TrySetResult(); });
        var running = bridge.RunAsync(stop.Token);
        try
        {
            var first = await Task.WhenAny(poweredOn.Task, running, Task.Delay(Bound));
            if (first == running) await running; // surfaces a connect error
            Assert.True(first == poweredOn.Task,
                $"pcscd did not power the virtual card on within {Bound.TotalSeconds} s (is another virtual card holding the vpcd slot?)");
            // The kernel's PC/SC calls block: run them off the bridge's thread pool continuations.
            await Task.Run(() => body(card, bridge));
        }
        finally
        {
            stop.Cancel();
            await Task.WhenAny(running, Task.Delay(Bound));
        }
        Assert.Equal(VpcdBridgeStop.Cancelled, await running.WaitAsync(Bound));
    }
}

/// <summary>The PC/SC tests share the one vpcd slot (port 35963): they run one after the other.</summary>
[CollectionDefinition(nameof(PcscSlot))]
public sealed class PcscSlot
{
}
