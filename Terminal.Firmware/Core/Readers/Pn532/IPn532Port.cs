namespace Terminal.Firmware.Core.Readers.Pn532
{
    /// <summary>
    /// The few PN532 operations the contactless reader needs, so that the polling and APDU logic stays portable:
    /// the Linux board implements it over dotnet/iot's Iot.Device.Pn532.Pn532, the ESP32 board over nanoFramework's,
    /// tests over a fake chip. Implementations may throw on a broken link; the reader maps that to a transport
    /// failure.
    /// </summary>
    public interface IPn532Port
    {
        /// <summary>
        /// InListPassiveTarget at 106 kbit/s type A for up to <paramref name="maxTargets"/> (1 or 2) targets: the raw
        /// answer (NbTg first, then per target Tg, SENS_RES (2), SEL_RES, NFCIDLength, NFCID1, ATS), or null when
        /// the chip found nothing or failed.
        /// </summary>
        byte[] ListPassiveTypeA(int maxTargets);

        /// <summary>
        /// InDataExchange with target <paramref name="target"/>: the PN532 firmware runs ISO 14443-4 (block
        /// framing, chaining with the card, WTX). Returns the number of bytes written to
        /// <paramref name="response"/>, or -1 on any error (the binding hides the PN532 status byte).
        /// </summary>
        int Exchange(byte target, byte[] command, byte[] response);

        /// <summary>InRelease of the target (deselect); returns false on failure.</summary>
        bool Release(byte target);

        /// <summary>RFConfiguration item 1: the field on or off; returns false on failure.</summary>
        bool SetField(bool on);
    }
}
