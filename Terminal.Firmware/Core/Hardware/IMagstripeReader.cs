namespace Terminal.Firmware.Core.Hardware
{
    /// <summary>The magnetic stripe head.</summary>
    public interface IMagstripeReader
    {
        /// <summary>Returns the swipe read since the last call, or null when there was none. Never blocks.</summary>
        MagstripeSwipe TakeSwipe();
    }
}
