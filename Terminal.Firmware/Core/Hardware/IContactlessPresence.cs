namespace Terminal.Firmware.Core.Hardware
{
    /// <summary>
    /// Optional on a contactless reader (<see cref="TerminalHardware.ContactlessReader"/>): a cheap check that a
    /// card is in the field, so the application can poll tap, insert and swipe in one loop and start Entry Point
    /// only when a card is there. A reader without it is started every poll and must answer NoCard at once.
    /// </summary>
    public interface IContactlessPresence
    {
        /// <summary>True when a card (or phone) is in the field.</summary>
        bool IsCardInField { get; }
    }
}
