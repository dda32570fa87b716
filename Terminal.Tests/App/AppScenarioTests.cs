#nullable enable
using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.App;
using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.HostLink.Security;
using Terminal.Firmware.Core.Journal;
using Terminal.Firmware.Core.Ui;
using Xunit;

namespace Terminal.Tests.App;

/// <summary>
/// Issue 7 acceptance at app level: key presses, card events and host answers through the state machine, with
/// library cards (their statements in cards/README.md give the expected decisions) and the kernel scenarios'
/// independent issuer.
/// </summary>
public class AppScenarioTests
{
    private static bool Has(string[] lines, string text) => lines.Any(l => l.Contains(text, StringComparison.Ordinal));

    [Fact]
    public void Approved_contactless_offline_tap_prints_merchant_and_customer_copies()
    {
        var rig = new AppRig();
        rig.Amount("1000");
        rig.Field.Tap(AppRig.Card("visa-qvsdc-offline-fdda"));
        rig.App.Step();

        TransactionRecord r = rig.App.LastTransaction!;
        // Statement: TC from GPO and fDDA verified -> approved offline, no CVM (10.00 < the 50.00 CVM limit).
        Assert.True(r.Approved);
        Assert.Equal(EntryMode.Contactless, r.EntryMode);
        Assert.Equal("approved-offline", r.KernelDecision);
        Assert.Equal("476173******0418", r.MaskedPan);
        Assert.Empty(rig.Fake.Requests);
        Assert.Single(rig.Fake.OfflineApprovals);                   // goes to the host as an advice
        // The receipt numbers an offline approval with its advice's trace and the open batch (the fake host gives
        // trace 901 to the first advice and batch 7), so the cashier can find and void it.
        Assert.Equal(901, r.Trace);
        Assert.Equal(7, r.Batch);
        Assert.True(Has(rig.Printer.Printed[0], "000901"));
        Assert.True(rig.ScreenShows(MessageId.Approved));
        Assert.Equal(2, rig.Printer.Printed.Count);
        Assert.True(Has(rig.Printer.Printed[0], "MERCHANT COPY"));
        Assert.True(Has(rig.Printer.Printed[1], "CUSTOMER COPY"));
        Assert.True(Has(rig.Printer.Printed[0], "476173******0418"));
        Assert.True(Has(rig.Printer.Printed[0], "CONTACTLESS"));
        Assert.DoesNotContain(rig.Printer.Printed.SelectMany(p => p), l => l.Contains("4761739000000418"));
        Assert.Contains(Signal.Success, rig.Indicators.Signals);
        // Any key returns to idle.
        rig.Keypad.Type("\n");
        rig.App.Step();
        Assert.Equal(AppState.Idle, rig.App.State);
    }

    [Fact]
    public void Approved_contactless_online_goes_to_the_host_with_field_55()
    {
        var rig = new AppRig();
        rig.Amount("1000");
        rig.Field.Tap(AppRig.Card("visa-qvsdc-online"));
        rig.App.Step();

        TransactionRecord r = rig.App.LastTransaction!;
        Assert.True(r.Approved);
        Assert.Equal("approved-online", r.KernelDecision);
        PaymentRequest sent = Assert.Single(rig.Fake.Requests);
        Assert.Equal(EntryMode.Contactless, sent.EntryMode);
        Assert.Equal(1000, sent.Amount);
        Assert.NotNull(sent.Chip!.IccData);
        Assert.Equal("00", r.ResponseCode);
        Assert.Equal((1, true), Assert.Single(rig.Fake.Completions));
    }

    [Fact]
    public void Contactless_try_another_interface_asks_to_insert_and_the_chip_completes()
    {
        var rig = new AppRig();
        rig.Amount("1000");
        rig.Field.Tap(AppRig.Card("visa-qvsdc-try-another-interface"));
        rig.App.Step();

        // GPO 6984 -> Try Another Interface -> "insert card", still waiting for a card; contactless now off.
        Assert.Equal(AppState.PresentCard, rig.App.State);
        Assert.True(rig.ScreenShows(MessageId.InsertCard));
        rig.Field.Tap(AppRig.Card("visa-qvsdc-offline-fdda"));
        rig.App.Step();
        Assert.Equal(AppState.PresentCard, rig.App.State);
        Assert.Equal(1, rig.Field.Activations);
    }

    [Fact]
    public void Approved_contact_with_offline_pin_waits_for_card_removal_then_prints()
    {
        var rig = new AppRig();
        rig.Amount("1000");
        rig.Keypad.When(rig.Text(MessageId.EnterPin), "1234\n");
        rig.Slot.Insert(AppRig.Card("visa-pin-offline-plaintext"));
        rig.App.Step();

        TransactionRecord r = rig.App.LastTransaction!;
        // Statement: plaintext PIN 1234 verified (CVM results 41 03 02), offline TC.
        Assert.True(r.Approved);
        Assert.Equal("approved-offline", r.KernelDecision);
        Assert.Equal(EntryMode.Contact, r.EntryMode);
        Assert.Equal("0000000000", r.Tvr);
        Assert.Equal("A0000000031010", r.Aid);
        Assert.Equal("VISA CREDIT", r.ApplicationLabel);
        // The PIN prompt showed the amount and one '*' per digit, never the digits.
        Assert.True(rig.Display.EverShowed("****"));
        Assert.True(rig.Display.EverShowed("\u00A510.00"));
        Assert.DoesNotContain(rig.Display.Shown.SelectMany(s => s), l => l.Contains("1234"));
        // Result, then "remove card"; receipts once the card is out.
        Assert.Equal(AppState.RemoveCard, rig.App.State);
        Assert.True(rig.ScreenShows(MessageId.RemoveCard));
        Assert.Empty(rig.Printer.Printed);
        rig.App.Step();
        Assert.Equal(AppState.RemoveCard, rig.App.State);
        rig.Slot.Remove();
        rig.App.Step();
        Assert.Equal(2, rig.Printer.Printed.Count);
        Assert.True(Has(rig.Printer.Printed[0], "0000000000"));     // the TVR
        Assert.True(Has(rig.Printer.Printed[0], "VISA CREDIT"));
        Assert.Contains(rig.Log, l => l.Contains("476173******0152") && l.Contains("approved"));
        Assert.DoesNotContain(rig.Log, l => l.Contains("4761739000000152"));
    }

    [Fact]
    public void Declined_by_the_host_shows_the_reason_and_response_code()
    {
        var rig = new AppRig();
        var card = AppRig.Card("visa-online-host-declines");
        rig.Fake.Issuer = AppRig.Application(card);
        rig.Fake.Mode = "decline";
        rig.Amount("1000");
        rig.Slot.Insert(card);
        rig.App.Step();

        TransactionRecord r = rig.App.LastTransaction!;
        // Statement: ARQC, host ARC 05 with a valid ARPC, second GENERATE AC AAC -> declined online.
        Assert.False(r.Approved);
        Assert.Equal("declined-online", r.KernelDecision);
        Assert.Equal(MessageId.DeclinedByHost, r.Reason);
        Assert.Equal("05", r.ResponseCode);
        Assert.Equal(new[] { rig.Text(MessageId.Declined), rig.Text(MessageId.DeclinedByHost), rig.Text(MessageId.ResponseCode) + " 05",
            rig.Text(MessageId.RemoveCard) }, rig.App.Screen.Lines);
        Assert.Empty(rig.Fake.Completions);                         // nothing approved to confirm or reverse
        Assert.Contains(Signal.Failure, rig.Indicators.Signals);
    }

    [Fact]
    public void Approved_online_contact_is_confirmed_to_the_host()
    {
        var rig = new AppRig();
        var card = AppRig.Card("visa-online-host-approves");
        rig.Fake.Issuer = AppRig.Application(card);
        rig.Amount("1000");
        rig.Slot.Insert(card);
        rig.App.Step();

        TransactionRecord r = rig.App.LastTransaction!;
        Assert.True(r.Approved);
        Assert.Equal("approved-online", r.KernelDecision);
        Assert.Equal("00", r.ResponseCode);
        Assert.Equal("A00001", r.AuthorisationCode);
        Assert.Equal((1, true), Assert.Single(rig.Fake.Completions));
        Assert.Equal(EntryMode.Contact, rig.Fake.Requests[0].EntryMode);
    }

    [Fact]
    public void Online_pin_is_enciphered_at_once_under_dukpt()
    {
        var rig = new AppRig();
        var card = AppRig.Card("visa-cvm-online-pin");
        rig.Fake.Issuer = AppRig.Application(card);
        rig.Amount("1000");
        rig.Keypad.When(rig.Text(MessageId.EnterOnlinePin), "1234\n");
        rig.Slot.Insert(card);
        rig.App.Step();

        Assert.True(rig.App.LastTransaction!.Approved);
        Assert.True(rig.App.LastTransaction.OnlinePin);
        PaymentRequest sent = Assert.Single(rig.Fake.Requests);
        // First DUKPT transaction: KSN counter 1 (X9.24-1 A.2: counters from 1).
        Assert.Equal("FFFF9876543210E00001", Hex.Encode(sent.PinKsn!));
        // The host side: the transaction key derived from the IPEK and KSN, its PIN variant, format 0 with the PAN.
        byte[] key = TdesDukpt.PinKey(TdesDukpt.DeriveTransactionKey(Hex.Decode("6AC292FAA1315B4D858AB3A3D7D5933A"), sent.PinKsn!));
        byte[] clear = Terminal.EmvKernel.Crypto.DesCipher.Decrypt(key, null, sent.EncipheredPinBlock!, 0, 8);
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, PinBlock.Decode(PinBlock.Format0, clear, "4761739000000236"));
    }

    [Fact]
    public void Swiped_chip_card_is_asked_to_insert_then_the_chip_is_used()
    {
        var rig = new AppRig();
        rig.Amount("1000");
        rig.Head.Swipe("4761739000000475D30122010000000000");
        rig.App.Step();

        // Service code 201: first digit 2 = chip card (ISO/IEC 7813): no magstripe transaction.
        Assert.Equal(AppState.PresentCard, rig.App.State);
        Assert.True(rig.ScreenShows(MessageId.PleaseInsertChip));
        Assert.Empty(rig.Fake.Requests);
        rig.Slot.Insert(AppRig.Card("visa-chip-magstripe-201"));
        rig.App.Step();
        TransactionRecord r = rig.App.LastTransaction!;
        // Statement: inserted, DDA and offline TC; CVM results 1E 03 00 = signature -> a signature line.
        Assert.True(r.Approved);
        Assert.Equal(EntryMode.Contact, r.EntryMode);
        Assert.True(r.SignatureRequired);
        Assert.Equal(MessageId.ApprovedSign, r.Headline);
        rig.Slot.Remove();
        rig.App.Step();
        Assert.True(Has(rig.Printer.Printed[0], "CARDHOLDER SIGNATURE:"));
        Assert.False(Has(rig.Printer.Printed[1], "SIGNATURE"));
    }

    [Fact]
    public void Magstripe_only_card_is_authorised_online_as_a_swipe()
    {
        var rig = new AppRig();
        rig.Amount("1000");
        rig.Head.Swipe("4761739900000013D30121010000000000");
        rig.App.Step();

        PaymentRequest sent = Assert.Single(rig.Fake.Requests);
        Assert.Equal(EntryMode.Magstripe, sent.EntryMode);
        Assert.Equal("4761739900000013=30121010000000000", sent.Track2);
        Assert.Equal("476173******0013", sent.MaskedPan);
        Assert.True(rig.App.LastTransaction!.Approved);
    }

    [Fact]
    public void Chip_failure_falls_back_to_the_stripe_when_configured()
    {
        var rig = new AppRig();
        rig.Amount("1000");
        rig.Slot.Mute = true;                                       // no answer to reset
        rig.Slot.Insert(AppRig.Card("visa-chip-magstripe-201"));
        rig.App.Step();

        Assert.Equal(AppState.PresentCard, rig.App.State);
        Assert.True(rig.ScreenShows(MessageId.ChipErrorSwipeCard));
        rig.Slot.Remove();
        rig.Head.Swipe("4761739000000475D30122010000000000");
        rig.App.Step();
        PaymentRequest sent = Assert.Single(rig.Fake.Requests);
        // DE 22 "80": magstripe after a chip failure.
        Assert.Equal(EntryMode.Fallback, sent.EntryMode);
        Assert.Equal("80", EntryModeNames.Code(sent.EntryMode));
        Assert.True(rig.App.LastTransaction!.Approved);
    }

    [Fact]
    public void Chip_failure_without_fallback_ends_with_card_error()
    {
        var rig = new AppRig(configure: c => c.FallbackAllowed = false);
        rig.Amount("1000");
        rig.Slot.Mute = true;
        rig.Slot.Insert(AppRig.Card("visa-chip-magstripe-201"));
        rig.App.Step();

        Assert.Equal(MessageId.CardError, rig.App.LastTransaction!.Reason);
        Assert.Empty(rig.Fake.Requests);
    }

    [Fact]
    public void Garbled_swipe_is_retried_and_a_chip_card_still_asked_for_the_chip()
    {
        var rig = new AppRig();
        rig.Amount("1000");
        rig.Head.Swipe("4761739000000475D30122010000000000");
        rig.App.Step();
        Assert.True(rig.ScreenShows(MessageId.PleaseInsertChip));
        // A garbled swipe is simply retried.
        rig.Head.Swipe("garbage");
        rig.App.Step();
        Assert.Equal(AppState.PresentCard, rig.App.State);
        Assert.True(rig.ScreenShows(MessageId.TryAgain));
        Assert.Empty(rig.Fake.Requests);
    }

    [Fact]
    public void Cancel_during_amount_entry_returns_to_idle()
    {
        var rig = new AppRig();
        rig.Keypad.Type("12c");
        rig.Drain();
        Assert.Equal(MessageId.Cancelled, rig.App.LastTransaction!.Headline);
        rig.Keypad.Type("\n");
        rig.App.Step();
        Assert.Equal(AppState.Idle, rig.App.State);
        Assert.Equal(0, rig.App.Amount);
    }

    [Fact]
    public void Cancel_while_waiting_for_the_card()
    {
        var rig = new AppRig();
        rig.Amount("1000");
        rig.Keypad.Type("c");
        rig.App.Step();
        Assert.Equal(MessageId.Cancelled, rig.App.LastTransaction!.Reason);
        Assert.Empty(rig.Printer.Printed);
        Assert.Empty(rig.Fake.Requests);
    }

    [Fact]
    public void Cancel_at_the_pin_prompt_ends_the_transaction()
    {
        var rig = new AppRig();
        rig.Amount("1000");
        rig.Keypad.When(rig.Text(MessageId.EnterPin), "12c");
        rig.Slot.Insert(AppRig.Card("visa-pin-offline-plaintext"));
        rig.App.Step();

        TransactionRecord r = rig.App.LastTransaction!;
        Assert.False(r.Approved);
        Assert.Equal(MessageId.Cancelled, r.Headline);
        Assert.Equal(MessageId.Cancelled, r.Reason);
        Assert.Equal("terminated", r.KernelDecision);
    }

    [Fact]
    public void Pin_timeout_ends_the_transaction()
    {
        var rig = new AppRig();
        rig.Amount("1000");
        long before = rig.Clock.NowMilliseconds;
        rig.Slot.Insert(AppRig.Card("visa-pin-offline-plaintext"));
        rig.App.Step();

        Assert.Equal(MessageId.PinTimeout, rig.App.LastTransaction!.Reason);
        // Configured 30 s without a key press.
        Assert.True(rig.Clock.NowMilliseconds - before >= 30000);
    }

    [Fact]
    public void Cancel_in_the_menu_and_at_the_passcode_returns_to_idle()
    {
        var rig = new AppRig();
        rig.Keypad.Type("mc");
        rig.Drain();
        Assert.Equal(AppState.Idle, rig.App.State);
        rig.Keypad.Type("m612c");
        rig.Drain();
        Assert.Equal(AppState.Idle, rig.App.State);
    }

    [Fact]
    public void Card_pulled_out_during_the_kernel()
    {
        var rig = new AppRig();
        rig.Amount("1000");
        rig.Slot.RemoveAfterCommands = 3;
        rig.Slot.Insert(AppRig.Card("visa-offline-tc"));
        rig.App.Step();

        Assert.Equal(MessageId.CardRemoved, rig.App.LastTransaction!.Reason);
        Assert.False(rig.App.LastTransaction.Approved);
        Assert.Empty(rig.Printer.Printed);
    }

    [Fact]
    public void Host_down_the_kernel_completes_offline_and_the_reversal_is_flagged()
    {
        var rig = new AppRig();
        var card = AppRig.Card("visa-online-host-unreachable");
        rig.Fake.Mode = "unreachable";
        rig.Amount("1000");
        rig.Slot.Insert(card);
        rig.App.Step();

        TransactionRecord r = rig.App.LastTransaction!;
        // Statement: unable to go online, default action asks a TC (Y3), card TC.
        Assert.Equal("approved-offline", r.KernelDecision);
        Assert.Equal("Y3", r.ResponseCode);
        Assert.True(r.Reversal);                                   // the unanswered request is reversed
        Assert.Single(rig.Fake.Requests);
        Assert.Single(rig.Fake.OfflineApprovals);                  // and the offline approval advised
    }

    [Fact]
    public void Void_of_an_approved_sale_by_trace_number()
    {
        var rig = new AppRig();
        rig.Amount("2500");
        rig.Head.Swipe("4761739900000013D30121010000000000");
        rig.App.Step();
        Assert.Equal(1, rig.App.LastTransaction!.Trace);
        rig.Keypad.Type("\n");
        rig.App.Step();

        rig.Keypad.Type("m21\n");
        rig.Drain();
        PaymentRequest v = rig.Fake.Requests[^1];
        Assert.Equal(TransactionKind.Void, v.Kind);
        Assert.Equal(1, v.OriginalTrace);
        Assert.Equal(2500, v.Amount);
        Assert.Equal(TransactionKind.Void, rig.App.LastTransaction!.Kind);
        Assert.True(rig.App.LastTransaction.Approved);
        Assert.True(Has(rig.Printer.Printed[^2], "VOID"));
        Assert.True(Has(rig.Printer.Printed[^2], "ORIG TRACE NO."));
    }

    [Fact]
    public void Void_of_an_unknown_trace_is_refused()
    {
        var rig = new AppRig();
        rig.Keypad.Type("m29\n");
        rig.Drain();
        Assert.True(rig.ScreenShows(MessageId.TransactionNotFound));
        Assert.Empty(rig.Fake.Requests);
    }

    [Fact]
    public void Refund_takes_an_amount_and_a_card()
    {
        var rig = new AppRig();
        rig.Keypad.Type("m3");
        rig.Drain();
        Assert.True(rig.ScreenShows(MessageId.Refund));
        rig.Amount("500");
        rig.Head.Swipe("4761739900000013D30121010000000000");
        rig.App.Step();
        PaymentRequest sent = Assert.Single(rig.Fake.Requests);
        Assert.Equal(TransactionKind.Refund, sent.Kind);
        Assert.Equal(500, sent.Amount);
        Assert.True(rig.App.LastTransaction!.Approved);
        Assert.True(Has(rig.Printer.Printed[0], "REFUND"));
    }

    [Fact]
    public void Settlement_prints_the_funds_settled_notice()
    {
        var rig = new AppRig();
        rig.Keypad.Type("m5");
        rig.Drain();
        Assert.True(rig.App.LastSettlement!.FundsSettled);
        Assert.True(rig.ScreenShows(MessageId.FundsSettled));
        string[] notice = Assert.Single(rig.Printer.Printed);
        Assert.Equal(new[] { "TEST SHOP", "TERMINAL NO TERM0001", "FUNDS SETTLED", "Sales 0", "Net 0" }, notice);
    }

    [Fact]
    public void Failed_settlement_shows_its_reason()
    {
        var rig = new AppRig();
        rig.Fake.SettleFails = true;
        rig.Keypad.Type("m5");
        rig.Drain();
        Assert.False(rig.App.LastSettlement!.FundsSettled);
        Assert.True(rig.ScreenShows(MessageId.SettlementFailed));
        Assert.Contains("Reason: host unreachable", rig.App.Screen.Lines);
    }

    [Fact]
    public void Reprint_gives_a_duplicate_of_the_last_merchant_copy()
    {
        var rig = new AppRig();
        rig.Keypad.Type("m4");
        rig.Drain();
        Assert.True(rig.ScreenShows(MessageId.NoReceipt));
        rig.Keypad.Type("\n");
        rig.App.Step();
        rig.Amount("1000");
        rig.Head.Swipe("4761739900000013D30121010000000000");
        rig.App.Step();
        rig.Keypad.Type("\nm4");
        rig.Drain();
        Assert.Equal(3, rig.Printer.Printed.Count);
        Assert.True(Has(rig.Printer.Printed[2], "DUPLICATE"));
        Assert.True(Has(rig.Printer.Printed[2], "MERCHANT COPY"));
    }

    [Fact]
    public void Admin_menu_needs_the_passcode_and_shows_keys_only_as_check_values()
    {
        var rig = new AppRig();
        rig.Keypad.Type("m6111111\n");
        rig.Drain();
        Assert.True(rig.ScreenShows(MessageId.WrongPasscode));
        Assert.DoesNotContain(rig.Display.Shown.SelectMany(s => s), l => l.Contains("111111"));
        rig.Keypad.Type("\nm6314159\n");
        rig.Drain();
        Assert.Equal(AppState.AdminMenu, rig.App.State);
        rig.Keypad.Type("1");
        rig.App.Step();
        string[] printed = Assert.Single(rig.Printer.Printed);
        Assert.DoesNotContain(printed, l => l.Contains("6AC292FAA1315B4D858AB3A3D7D5933A"));
        Assert.Contains(printed, l => l.StartsWith("dukpt KCV ", StringComparison.Ordinal));
    }

    [Fact]
    public void Amount_entry_with_correction_and_maximum()
    {
        var rig = new AppRig();
        rig.Keypad.Type("1234");
        rig.Drain();
        // Digits fill from the right in minor units: 1234 -> 12.34 (exponent 2 of '5F36'), yuan symbol.
        Assert.Contains("\u00A512.34", rig.App.Screen.Lines);
        rig.Keypad.Type("x");
        rig.App.Step();
        Assert.Equal(123, rig.App.Amount);
        // Maximum 1000.00 (100000 minor units): 123 -> 1230 -> 12300 -> 123000 refused.
        rig.Keypad.Type("000");
        rig.Drain();
        Assert.Equal(12300, rig.App.Amount);
        Assert.True(rig.ScreenShows(MessageId.AmountTooLarge));
        // OK with an amount of zero does nothing.
        rig.Keypad.Type("xxxxx\n");
        rig.Drain();
        Assert.Equal(AppState.AmountEntry, rig.App.State);
    }

    [Fact]
    public void No_card_within_the_timeout_ends_the_wait()
    {
        var rig = new AppRig();
        rig.Amount("1000");
        rig.Clock.Advance(60000);
        rig.App.Step();
        Assert.Equal(MessageId.CardTimeout, rig.App.LastTransaction!.Reason);
    }

    [Fact]
    public void Chinese_configuration_speaks_chinese()
    {
        var rig = new AppRig(configure: c => c.Language = Language.SimplifiedChinese);
        Assert.Equal(new[] { "欢迎使用", "请输入金额" }, rig.Display.Lines);
        rig.Amount("1000");
        Assert.Contains("请插卡或挥卡或刷卡", rig.Display.Lines);
        rig.Field.Tap(AppRig.Card("visa-qvsdc-offline-fdda"));
        rig.App.Step();
        Assert.Equal("交易成功", rig.Display.Lines[0]);
    }
}
