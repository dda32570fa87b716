namespace Terminal.Firmware.Core.SelfTest
{
    /// <summary>Where the self-test writes its lines: the serial console on the device, a test log on a PC.</summary>
    public interface ISelfTestOutput
    {
        /// <summary>Writes one line.</summary>
        void WriteLine(string line);
    }
}
