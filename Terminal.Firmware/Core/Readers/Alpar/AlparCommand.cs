namespace Terminal.Firmware.Core.Readers.Alpar
{
    /// <summary>
    /// ALPAR command codes of the NXP TDA8029 (docs/boards/esp32.md, "TDA8029 and ALPAR"). The codes are those used
    /// by two independent open-source TDA8029 drivers, which agree with each other; the NXP protocol document itself
    /// was not available to check them [K].
    /// </summary>
    public static class AlparCommand
    {
        /// <summary>card_command: an APDU to the powered card; the answer's data is the R-APDU.</summary>
        public const byte CardCommand = 0x00;
        /// <summary>check_presence_card: answer data is one byte, 01 when a card is in the slot.</summary>
        public const byte CheckPresenceCard = 0x09;
        /// <summary>send_num_mask: answer data is the firmware version text.</summary>
        public const byte SendNumMask = 0x0A;
        /// <summary>set_serial_baud_rate: one data byte (06 = 115200 bit/s).</summary>
        public const byte SetSerialBaudRate = 0x0D;
        /// <summary>power_off: deactivates the card.</summary>
        public const byte PowerOff = 0x4D;
        /// <summary>power_up_1V8: activates a class C card; answer data is the ATR.</summary>
        public const byte PowerUp1V8 = 0x68;
        /// <summary>power_up_iso: activation with the ISO 7816-3 class sequence; answer data is the ATR.</summary>
        public const byte PowerUpIso = 0x69;
        /// <summary>power_up_3V: activates a class B card; answer data is the ATR.</summary>
        public const byte PowerUp3V = 0x6D;
        /// <summary>power_up_5V: activates a class A card (EMV contact cards, Book 1 6.3); answer data is the ATR.</summary>
        public const byte PowerUp5V = 0x6E;
        /// <summary>Unsolicited message from the chip when a card is inserted (data 01) or removed (data 00).</summary>
        public const byte CardPresenceChanged = 0xA0;
        /// <summary>get_card_parameters: the protocol parameters negotiated at power up.</summary>
        public const byte GetCardParameters = 0xA6;
        /// <summary>get_reader_status.</summary>
        public const byte GetReaderStatus = 0xAA;

        /// <summary>True for the four power-up commands.</summary>
        public static bool IsPowerUp(byte command)
        {
            return command == PowerUp1V8 || command == PowerUpIso || command == PowerUp3V || command == PowerUp5V;
        }
    }
}
