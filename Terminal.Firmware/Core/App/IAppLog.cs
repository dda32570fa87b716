namespace Terminal.Firmware.Core.App
{
    /// <summary>
    /// The application's log (serial console on a board, a file or the transcript on a PC). Lines never hold a
    /// full PAN (masked with Util.PanMask), a PIN or a key.
    /// </summary>
    public interface IAppLog
    {
        /// <summary>Writes one line.</summary>
        void Write(string line);
    }
}
