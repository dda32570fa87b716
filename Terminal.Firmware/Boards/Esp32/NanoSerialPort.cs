using System;
using System.IO.Ports;
using System.Threading;
using Terminal.Firmware.Core.Readers;

namespace Terminal.Boards.Esp32
{
    /// <summary>
    /// ISerialPort over System.IO.Ports.SerialPort (System.IO.Ports.txt: constructor, Open, BytesToRead,
    /// Read(byte[], int, int), Write(byte[], int, int)). Waiting polls BytesToRead against Environment.TickCount64
    /// (nanoFramework.Runtime.Native.txt), so no timeout exception behaviour is assumed.
    /// </summary>
    internal sealed class NanoSerialPort : ISerialPort
    {
        private readonly SerialPort _port;
        private readonly byte[] _scratch = new byte[64];

        public NanoSerialPort(string portName, int baud)
        {
            _port = new SerialPort(portName, baud, Parity.None, 8, StopBits.One);
            _port.Open();
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            _port.Write(buffer, offset, count);
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            long deadline = Environment.TickCount64 + timeoutMs;
            while (_port.BytesToRead == 0)
            {
                if (Environment.TickCount64 >= deadline) return 0;
                Thread.Sleep(1);
            }
            int available = _port.BytesToRead;
            return _port.Read(buffer, offset, available < count ? available : count);
        }

        public void DiscardInput()
        {
            // No DiscardInBuffer in the nano listing: read what is there.
            int n;
            while ((n = _port.BytesToRead) > 0)
                _port.Read(_scratch, 0, n < _scratch.Length ? n : _scratch.Length);
        }
    }
}
