using Terminal.EmvKernel.Apdu;

namespace Terminal.EmvKernel.Contactless.EntryPoint
{
    /// <summary>What one poll of the field found (EMV Contactless Book D, polling and collision detection).</summary>
    public enum ProtocolActivationResult
    {
        /// <summary>One card answered and is activated; <see cref="IContactlessReader.Card"/> is its channel.</summary>
        CardActivated = 1,
        /// <summary>More than one card is in the field.</summary>
        Collision = 2,
        /// <summary>No card came before the reader's timeout, or the cashier cancelled: the transaction ends.</summary>
        NoCard = 3
    }

    /// <summary>
    /// The proximity coupling device as Entry Point sees it (EMV Contactless Book B 3.2, Book D): the board glue
    /// implements it. Polling blocks until a card is activated, a collision is seen, or the reader gives up.
    /// </summary>
    public interface IContactlessReader
    {
        /// <summary>Field on (if off), poll and activate one card (Book B 3.2.1.3).</summary>
        ProtocolActivationResult Activate();

        /// <summary>The channel to the card activated by the last <see cref="Activate"/>.</summary>
        ICardChannel Card { get; }

        /// <summary>Field Off Request of the outcome: field off, held off for <paramref name="holdTime"/> units of 100 ms (Book A 6.2).</summary>
        void FieldOff(int holdTime);
    }

    /// <summary>The display and beeper, for User Interface Requests (Book A 9.4).</summary>
    public interface IContactlessUserInterface
    {
        /// <summary>Shows the request.</summary>
        void Show(UiRequest request);
    }
}
