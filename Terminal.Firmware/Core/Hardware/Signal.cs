namespace Terminal.Firmware.Core.Hardware
{
    /// <summary>Status LED and beeper patterns (Book A 9.3 style: a short beep for success, a double
    /// tone for an alert).</summary>
    public enum Signal
    {
        /// <summary>All LEDs off, no sound.</summary>
        Off = 0,
        /// <summary>Ready for a card: first contactless LED on.</summary>
        Ready = 1,
        /// <summary>Card being read: LEDs in sequence.</summary>
        Processing = 2,
        /// <summary>Card read OK / approved: green, success tone.</summary>
        Success = 3,
        /// <summary>Declined or error: red, alert tone.</summary>
        Failure = 4,
        /// <summary>A key press click.</summary>
        KeyClick = 5,
        /// <summary>Waiting for the host.</summary>
        Online = 6
    }
}
