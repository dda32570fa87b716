namespace Terminal.EmvKernel.Apdu
{
    /// <summary>
    /// A reader-independent channel to a card: one C-APDU in, the card's R-APDU out (data followed by SW1 SW2).
    /// Implementations are the board glue (contact IFM, contactless PCD, PC/SC) and test doubles.
    /// Contract: when the card is gone, throw <see cref="CardRemovedException"/>; on any other reader or link
    /// failure, throw <see cref="ApduException"/> with <see cref="ApduError.TransportFailure"/>. Never return null.
    /// T=0 status handling (61xx, 6Cxx) is done above this interface by <see cref="ApduTransport"/>; a channel
    /// whose reader already does it simply never returns those status words.
    /// </summary>
    public interface ICardChannel
    {
        /// <summary>Sends the command bytes and returns the response bytes.</summary>
        byte[] Transmit(byte[] command);
    }
}
