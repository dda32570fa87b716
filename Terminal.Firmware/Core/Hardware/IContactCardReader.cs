using Terminal.EmvKernel.Apdu;

namespace Terminal.Firmware.Core.Hardware
{
    /// <summary>The contact (chip) card slot: a PC/SC reader, a TDA8029 over UART on the ESP32 board, or a
    /// virtual card in the emulator.</summary>
    public interface IContactCardReader
    {
        /// <summary>True while a card sits in the slot (the card-detect switch).</summary>
        bool IsCardPresent { get; }

        /// <summary>Powers the card and returns its channel; <paramref name="atr"/> is the answer to reset.
        /// Throws <see cref="CardRemovedException"/> when no card answers.</summary>
        ICardChannel PowerOn(out byte[] atr);

        /// <summary>Deactivates the card (no-op when not powered).</summary>
        void PowerOff();
    }
}
