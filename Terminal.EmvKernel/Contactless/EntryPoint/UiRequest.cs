namespace Terminal.EmvKernel.Contactless.EntryPoint
{
    /// <summary>
    /// The standard message identifiers of a User Interface Request (EMV Contactless Book A, 9.4, Table 9-x), as
    /// listed in the reference notes (emv-kernel.md, 4.3, taken from libpay's emv.h).
    /// </summary>
    public static class UiMessage
    {
        /// <summary>'03' Approved.</summary>
        public const byte Approved = 0x03;
        /// <summary>'07' Not Authorised.</summary>
        public const byte NotAuthorised = 0x07;
        /// <summary>'09' Please enter your PIN.</summary>
        public const byte EnterPin = 0x09;
        /// <summary>'0F' Processing Error.</summary>
        public const byte ProcessingError = 0x0F;
        /// <summary>'10' Remove Card.</summary>
        public const byte RemoveCard = 0x10;
        /// <summary>'14' Welcome.</summary>
        public const byte Welcome = 0x14;
        /// <summary>'15' Present Card.</summary>
        public const byte PresentCard = 0x15;
        /// <summary>'16' Processing.</summary>
        public const byte Processing = 0x16;
        /// <summary>'17' Card Read OK, Please Remove Card.</summary>
        public const byte CardReadOkRemoveCard = 0x17;
        /// <summary>'18' Please Insert or Swipe Card.</summary>
        public const byte InsertOrSwipeCard = 0x18;
        /// <summary>'19' Please Present One Card Only.</summary>
        public const byte PresentOneCardOnly = 0x19;
        /// <summary>'1A' Approved, Please Sign.</summary>
        public const byte ApprovedPleaseSign = 0x1A;
        /// <summary>'1B' Authorising, Please Wait.</summary>
        public const byte AuthorisingPleaseWait = 0x1B;
        /// <summary>'1C' Insert, Swipe or Try Another Card.</summary>
        public const byte InsertSwipeOrTryAnotherCard = 0x1C;
        /// <summary>'1D' Please Insert Card.</summary>
        public const byte InsertCard = 0x1D;
        /// <summary>'1E' Clear display.</summary>
        public const byte ClearDisplay = 0x1E;
        /// <summary>'20' See Phone for Instructions.</summary>
        public const byte SeePhone = 0x20;
        /// <summary>'21' Present Card Again.</summary>
        public const byte PresentCardAgain = 0x21;
    }

    /// <summary>The reader status of a User Interface Request (Book A, 9.4).</summary>
    public enum UiStatus
    {
        /// <summary>Not Ready.</summary>
        NotReady = 0,
        /// <summary>Idle.</summary>
        Idle = 1,
        /// <summary>Ready to Read (field on, waiting for a card).</summary>
        ReadyToRead = 2,
        /// <summary>Processing.</summary>
        Processing = 3,
        /// <summary>Card Read Successfully.</summary>
        CardReadSuccessfully = 4,
        /// <summary>Processing Error.</summary>
        ProcessingError = 5
    }

    /// <summary>
    /// A User Interface Request (Book A, 9.4): message identifier, status and hold time (100 ms units). The
    /// optional value (an amount or balance in minor units) is shown with the message.
    /// </summary>
    public sealed class UiRequest
    {
        /// <summary>A request without hold time and value.</summary>
        public UiRequest(byte messageId, UiStatus status) : this(messageId, status, 0)
        {
        }

        /// <summary>A request held for <paramref name="holdTime"/> units of 100 ms (0 to 0xFFFFFF, 3 bytes in Book A).</summary>
        public UiRequest(byte messageId, UiStatus status, int holdTime)
        {
            if (holdTime < 0 || holdTime > 0xFFFFFF) throw new System.ArgumentOutOfRangeException("holdTime", "the hold time is 3 bytes of 100 ms units");
            MessageId = messageId;
            Status = status;
            HoldTime = holdTime;
            Value = -1;
        }

        /// <summary>The message identifier (<see cref="UiMessage"/>).</summary>
        public byte MessageId { get; private set; }

        /// <summary>The reader status.</summary>
        public UiStatus Status { get; private set; }

        /// <summary>Hold time in 100 ms units.</summary>
        public int HoldTime { get; private set; }

        /// <summary>An amount or balance to show with the message (minor units), or -1.</summary>
        public long Value { get; set; }
    }
}
