namespace Terminal.Firmware.Core.Readers
{
    /// <summary>
    /// A byte stream to a reader IC over a UART: System.IO.Ports.SerialPort on the ESP32 and on Linux, a simulated
    /// chip in tests. Non-generic and without Stream so that it stays portable.
    /// </summary>
    public interface ISerialPort
    {
        /// <summary>Writes <paramref name="count"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/>.</summary>
        void Write(byte[] buffer, int offset, int count);

        /// <summary>
        /// Waits up to <paramref name="timeoutMs"/> for data and copies 1..<paramref name="count"/> bytes into the
        /// buffer; returns how many, or 0 when nothing came in time.
        /// </summary>
        int Read(byte[] buffer, int offset, int count, int timeoutMs);

        /// <summary>Drops any bytes received and not yet read (resynchronises after an error).</summary>
        void DiscardInput();
    }
}
