using System;
using System.IO;
using System.Text;
using System.Threading;
using Terminal.Firmware.Core.Readers;

namespace Terminal.Boards.Linux
{
    /// <summary>
    /// The process's console as the provisioning session's serial port (<see cref="ISerialPort"/>), so the Linux
    /// board runs the same <c>SerialProvisioningSession</c> as the ESP32: on a terminal, keys are read without the
    /// terminal's own echo (the session echoes, masking secrets with '*'); piped input (a configuration file) is read
    /// as it comes, and its end fails the port, which ends the session.
    /// </summary>
    public sealed class ConsolePort : ISerialPort
    {
        private readonly TextReader _input;
        private readonly Stream _output;
        private readonly bool _interactive;

        /// <summary>The process console; interactive (no terminal echo) unless stdin is redirected.</summary>
        public ConsolePort()
            : this(Console.In, Console.OpenStandardOutput(), !Console.IsInputRedirected)
        {
        }

        /// <summary>A console over <paramref name="input"/> and <paramref name="output"/> (tests: piped).</summary>
        public ConsolePort(TextReader input, Stream output, bool interactive)
        {
            _input = input ?? throw new ArgumentNullException(nameof(input));
            _output = output ?? throw new ArgumentNullException(nameof(output));
            _interactive = interactive;
        }

        /// <inheritdoc />
        public void Write(byte[] buffer, int offset, int count)
        {
            _output.Write(buffer, offset, count);
            _output.Flush();
        }

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            char c;
            if (_interactive)
            {
                long until = Environment.TickCount64 + timeoutMs;
                while (!Console.KeyAvailable)
                {
                    if (Environment.TickCount64 >= until) return 0;
                    Thread.Sleep(10);
                }
                ConsoleKeyInfo key = Console.ReadKey(intercept: true);
                c = key.Key == ConsoleKey.Enter ? '\r' : key.KeyChar;
                if (c == '\0') return 0;
            }
            else
            {
                int next = _input.Read();
                if (next < 0) throw new EndOfStreamException("console input ended");
                c = (char)next;
            }
            byte[] bytes = Encoding.UTF8.GetBytes(new[] { c });
            int n = Math.Min(bytes.Length, count);
            Array.Copy(bytes, 0, buffer, offset, n);
            return n;
        }

        /// <inheritdoc />
        public void DiscardInput()
        {
            if (!_interactive) return;
            while (Console.KeyAvailable) Console.ReadKey(intercept: true);
        }
    }
}
