using System;
using System.IO.Ports;
using Terminal.Firmware.Core.Readers;

namespace Terminal.Boards.Linux
{
    /// <summary><see cref="ISerialPort"/> over System.IO.Ports (a TDA8029 on a Linux UART).</summary>
    public sealed class SerialPortLink : ISerialPort, IDisposable
    {
        private readonly SerialPort _port;

        /// <summary>Opens <paramref name="device"/> at <paramref name="baud"/>, 8N1.</summary>
        public SerialPortLink(string device, int baud)
        {
            _port = new SerialPort(device, baud, Parity.None, 8, StopBits.One);
            _port.Open();
        }

        /// <inheritdoc/>
        public void Write(byte[] buffer, int offset, int count) => _port.Write(buffer, offset, count);

        /// <inheritdoc/>
        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            _port.ReadTimeout = Math.Max(1, timeoutMs);
            try
            {
                return _port.Read(buffer, offset, count);
            }
            catch (TimeoutException)
            {
                return 0;
            }
        }

        /// <inheritdoc/>
        public void DiscardInput() => _port.DiscardInBuffer();

        /// <summary>Closes the port.</summary>
        public void Dispose() => _port.Dispose();
    }
}
