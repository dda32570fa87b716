namespace Terminal.Firmware.Core.Ui
{
    /// <summary>
    /// Every cashier and cardholder message, by identifier. The values index <see cref="MessageCatalog"/>'s table
    /// (0 to <see cref="MessageCatalog.Count"/> - 1, no gaps), so code names a message and the catalog supplies
    /// its text in the configured language.
    /// </summary>
    public enum MessageId
    {
        /// <summary>Idle screen title.</summary>
        Welcome = 0,
        /// <summary>Idle prompt: key an amount.</summary>
        EnterAmount = 1,
        /// <summary>Amount line label.</summary>
        Amount = 2,
        /// <summary>Tap, insert or swipe.</summary>
        PresentCard = 3,
        /// <summary>Contactless asked for the chip (Try Another Interface).</summary>
        InsertCard = 4,
        /// <summary>A chip card was swiped.</summary>
        PleaseInsertChip = 5,
        /// <summary>Chip failed; fallback to the stripe.</summary>
        ChipErrorSwipeCard = 6,
        /// <summary>Card being read.</summary>
        Processing = 7,
        /// <summary>Offline PIN prompt.</summary>
        EnterPin = 8,
        /// <summary>Online PIN prompt.</summary>
        EnterOnlinePin = 9,
        /// <summary>PIN tries left.</summary>
        PinTriesLeft = 10,
        /// <summary>Waiting for the host.</summary>
        Authorising = 11,
        /// <summary>Approved.</summary>
        Approved = 12,
        /// <summary>Declined.</summary>
        Declined = 13,
        /// <summary>Remove the chip card.</summary>
        RemoveCard = 14,
        /// <summary>Transaction cancelled.</summary>
        Cancelled = 15,
        /// <summary>Card removed too early.</summary>
        CardRemoved = 16,
        /// <summary>PIN entry timed out.</summary>
        PinTimeout = 17,
        /// <summary>Host unreachable.</summary>
        HostUnavailable = 18,
        /// <summary>The reversal of an unconfirmed authorisation was sent or is pending.</summary>
        ReversalPending = 19,
        /// <summary>Card could not be read.</summary>
        CardError = 20,
        /// <summary>Over the maximum amount.</summary>
        AmountTooLarge = 21,
        /// <summary>Printing the receipt.</summary>
        PrintingReceipt = 22,
        /// <summary>Function menu title.</summary>
        MenuTitle = 23,
        /// <summary>Menu item: sale.</summary>
        MenuSale = 24,
        /// <summary>Menu item: void.</summary>
        MenuVoid = 25,
        /// <summary>Menu item: refund.</summary>
        MenuRefund = 26,
        /// <summary>Menu item: reprint last receipt.</summary>
        MenuReprint = 27,
        /// <summary>Menu item: settlement.</summary>
        MenuSettlement = 28,
        /// <summary>Menu item: admin.</summary>
        MenuAdmin = 29,
        /// <summary>Void: key the trace number.</summary>
        EnterTraceNumber = 30,
        /// <summary>No such transaction to void.</summary>
        TransactionNotFound = 31,
        /// <summary>Admin passcode prompt.</summary>
        EnterPasscode = 32,
        /// <summary>Wrong passcode.</summary>
        WrongPasscode = 33,
        /// <summary>Settlement running.</summary>
        Settling = 34,
        /// <summary>Settlement notice: funds settled.</summary>
        FundsSettled = 35,
        /// <summary>Settlement failed.</summary>
        SettlementFailed = 36,
        /// <summary>Nothing to reprint.</summary>
        NoReceipt = 37,
        /// <summary>Admin menu title.</summary>
        AdminTitle = 38,
        /// <summary>Admin item: show configuration.</summary>
        AdminShowConfig = 39,
        /// <summary>Admin item: send pending reversals and advices.</summary>
        AdminSendPending = 40,
        /// <summary>Response code line label.</summary>
        ResponseCode = 41,
        /// <summary>Sale.</summary>
        Sale = 42,
        /// <summary>Void.</summary>
        Void = 43,
        /// <summary>Refund.</summary>
        Refund = 44,
        /// <summary>Press OK to confirm.</summary>
        PressEnter = 45,
        /// <summary>Card not accepted (no mutual application, blocked).</summary>
        CardNotSupported = 46,
        /// <summary>Try again.</summary>
        TryAgain = 47,
        /// <summary>Approved, please sign.</summary>
        ApprovedSign = 48,
        /// <summary>Declined by the card.</summary>
        DeclinedByCard = 49,
        /// <summary>Declined by the host.</summary>
        DeclinedByHost = 50,
        /// <summary>Not configured (provisioning incomplete).</summary>
        NotConfigured = 51,
        /// <summary>Use the chip: magstripe fallback not allowed.</summary>
        FallbackNotAllowed = 52,
        /// <summary>Timed out waiting for the card.</summary>
        CardTimeout = 53,
        /// <summary>Trace label.</summary>
        Trace = 54,
        /// <summary>Batch totals label.</summary>
        Totals = 55,
        /// <summary>A reprinted receipt.</summary>
        Duplicate = 56,
        /// <summary>Contactless UI request '20' See Phone for Instructions (EMV Contactless Book A, 9.4).</summary>
        SeePhone = 57,
        /// <summary>Contactless UI request '21' Present Card Again (Book A, 9.4).</summary>
        PresentCardAgain = 58,
        /// <summary>Contactless UI request '19' Please Present One Card Only (Book A, 9.4; Book B 3.2.1.4 collision).</summary>
        PresentOneCardOnly = 59,
        /// <summary>Contactless UI request '1C' Insert, Swipe or Try Another Card (Book A, 9.4).</summary>
        InsertSwipeOrTryAnotherCard = 60,
        /// <summary>Contactless UI request '18' Please Insert or Swipe Card (Book A, 9.4).</summary>
        InsertOrSwipeCard = 61,
        /// <summary>Contactless UI request '0F' Processing Error (Book A, 9.4).</summary>
        ProcessingError = 62,
        /// <summary>Contactless UI request '17' Card Read OK (followed by "remove card", Book A, 9.4).</summary>
        CardReadOk = 63,
        /// <summary>Reason of an offline approval the terminal could not record (no advice journaled): it is declined.</summary>
        OfflineNotRecorded = 64,
        /// <summary>UnionPay refund: key the original sale's reference number (12 digits, from its receipt).</summary>
        EnterOriginalReference = 65,
        /// <summary>UnionPay refund: key the original sale's date as MMDD.</summary>
        EnterOriginalDate = 66
    }
}
