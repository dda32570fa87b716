namespace Terminal.Firmware.Core.Hardware
{
    /// <summary>The receipt printer (a thermal printer, or the display/console where there is none).</summary>
    public interface IReceiptPrinter
    {
        /// <summary>Prints the lines, then feeds and cuts.</summary>
        void Print(string[] lines);
    }
}
