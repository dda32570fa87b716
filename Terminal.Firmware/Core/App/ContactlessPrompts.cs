using Terminal.EmvKernel.Contactless.EntryPoint;
using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.Ui;

namespace Terminal.Firmware.Core.App
{
    /// <summary>
    /// The contactless User Interface Request (EMV Contactless Book A, 9.4) as the terminal shows it: the standard
    /// message identifier to its catalog message (<see cref="MessageId"/>, English or Simplified Chinese by
    /// configuration) and the reader status to the indicators.
    /// </summary>
    public static class ContactlessPrompts
    {
        /// <summary>
        /// The catalog message of <paramref name="request"/>'s message identifier; false for none (no request,
        /// '1E' clear display, an identifier this terminal does not know).
        /// </summary>
        public static bool TryMap(UiRequest request, out MessageId message)
        {
            message = MessageId.Processing;
            if (request == null) return false;
            switch (request.MessageId)
            {
                case UiMessage.Approved: message = MessageId.Approved; return true;
                case UiMessage.NotAuthorised: message = MessageId.Declined; return true;
                case UiMessage.EnterPin: message = MessageId.EnterOnlinePin; return true;
                case UiMessage.ProcessingError: message = MessageId.ProcessingError; return true;
                case UiMessage.RemoveCard: message = MessageId.RemoveCard; return true;
                case UiMessage.Welcome: message = MessageId.Welcome; return true;
                case UiMessage.PresentCard: message = MessageId.PresentCard; return true;
                case UiMessage.Processing: message = MessageId.Processing; return true;
                case UiMessage.CardReadOkRemoveCard: message = MessageId.CardReadOk; return true;
                case UiMessage.InsertOrSwipeCard: message = MessageId.InsertOrSwipeCard; return true;
                case UiMessage.PresentOneCardOnly: message = MessageId.PresentOneCardOnly; return true;
                case UiMessage.ApprovedPleaseSign: message = MessageId.ApprovedSign; return true;
                case UiMessage.AuthorisingPleaseWait: message = MessageId.Authorising; return true;
                case UiMessage.InsertSwipeOrTryAnotherCard: message = MessageId.InsertSwipeOrTryAnotherCard; return true;
                case UiMessage.InsertCard: message = MessageId.InsertCard; return true;
                case UiMessage.SeePhone: message = MessageId.SeePhone; return true;
                case UiMessage.PresentCardAgain: message = MessageId.PresentCardAgain; return true;
                default: return false;
            }
        }

        /// <summary>
        /// The indicators for a reader status (Book A 9.4 status; the LED pattern of each status is the
        /// board's, [K]): Not Ready / Idle off, Ready to Read ready, Processing processing, Card Read Successfully
        /// success, Processing Error failure.
        /// </summary>
        public static Signal SignalOf(UiStatus status)
        {
            switch (status)
            {
                case UiStatus.ReadyToRead: return Signal.Ready;
                case UiStatus.Processing: return Signal.Processing;
                case UiStatus.CardReadSuccessfully: return Signal.Success;
                case UiStatus.ProcessingError: return Signal.Failure;
                default: return Signal.Off;
            }
        }
    }
}
