using Terminal.EmvKernel.Contactless.EntryPoint;
using Terminal.Firmware.Core.Hardware;

namespace Terminal.Emulator.Flow;

/// <summary>
/// Contactless User Interface Requests (Book A 9.4) on the display: the messages a cardholder sees during a tap
/// ("CARD READ OK", "AUTHORISING", "INSERT CARD", ...). The result screen itself is the flow's.
/// </summary>
public sealed class ContactlessMessages(IDisplay display, Func<string> amountLine) : IContactlessUserInterface
{
    /// <inheritdoc />
    public void Show(UiRequest request)
    {
        string text = request.MessageId switch
        {
            UiMessage.Processing => "PROCESSING",
            UiMessage.CardReadOkRemoveCard => "CARD READ OK",
            UiMessage.AuthorisingPleaseWait => "AUTHORISING",
            UiMessage.InsertCard => "PLEASE INSERT CARD",
            UiMessage.InsertOrSwipeCard => "INSERT OR SWIPE CARD",
            UiMessage.SeePhone => "SEE PHONE",
            UiMessage.PresentOneCardOnly => "PRESENT ONE CARD ONLY",
            _ => null,
        };
        if (text != null) display.Show([amountLine(), "", text]);
    }
}
