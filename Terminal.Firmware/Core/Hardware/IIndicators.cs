namespace Terminal.Firmware.Core.Hardware
{
    /// <summary>The status LEDs and the beeper.</summary>
    public interface IIndicators
    {
        /// <summary>Shows a pattern; it replaces the previous one.</summary>
        void Show(Signal signal);
    }
}
