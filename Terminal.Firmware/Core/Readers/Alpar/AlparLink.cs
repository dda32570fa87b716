namespace Terminal.Firmware.Core.Readers.Alpar
{
    /// <summary>
    /// Command/answer exchanges with a TDA8029 over a serial port: sends one command frame, reads frames until the
    /// answer to that command arrives, and records the unsolicited card presence messages (command A0) met on the
    /// way. Every failure is an <see cref="AlparException"/>; the input is discarded before each command so that a
    /// broken or late frame never poisons the next exchange.
    /// </summary>
    public sealed class AlparLink
    {
        /// <summary>No presence message seen since the last <see cref="TakePresenceEvent"/>.</summary>
        public const int NoPresenceEvent = -1;

        private readonly ISerialPort _port;
        private readonly byte[] _header = new byte[AlparFrame.HeaderLength];
        private int _presenceEvent = NoPresenceEvent;

        /// <summary>Creates the link over an opened port.</summary>
        public AlparLink(ISerialPort port)
        {
            if (port == null) throw new System.ArgumentNullException("port");
            _port = port;
        }

        /// <summary>
        /// The last presence message seen (1 inserted, 0 removed) and clears it, or <see cref="NoPresenceEvent"/>.
        /// </summary>
        public int TakePresenceEvent()
        {
            int e = _presenceEvent;
            _presenceEvent = NoPresenceEvent;
            return e;
        }

        /// <summary>
        /// Sends <paramref name="command"/> with <paramref name="data"/> (null for none) and returns the ACK answer's
        /// data. A NAK throws <see cref="AlparException"/> with its status; so do a timeout (each read waits up to
        /// <paramref name="timeoutMs"/>), a bad frame and an answer to another command.
        /// </summary>
        public byte[] Exchange(byte command, byte[] data, int timeoutMs)
        {
            byte[] frame = AlparFrame.EncodeCommand(command, data);
            try
            {
                _port.DiscardInput();
                _port.Write(frame, 0, frame.Length);
            }
            catch (AlparException)
            {
                throw;
            }
            catch (System.Exception e)
            {
                throw new AlparException(AlparError.PortFailure, "write failed", e);
            }

            // The chip may interleave presence messages; a bounded number of them is skipped.
            for (int i = 0; i < 4; i++)
            {
                AlparFrame answer = ReadFrame(timeoutMs);
                if (answer.Command == AlparCommand.CardPresenceChanged && command != AlparCommand.CardPresenceChanged)
                {
                    RecordPresence(answer);
                    continue;
                }
                if (answer.Command != command)
                    throw new AlparException(AlparError.UnexpectedAnswer, "answer to another command");
                if (!answer.IsAck)
                {
                    if (answer.DataLength != 1)
                        throw new AlparException(AlparError.UnexpectedAnswer, "NAK without one status byte");
                    throw new AlparException(command, (byte)answer.Status);
                }
                return answer.Data;
            }
            throw new AlparException(AlparError.UnexpectedAnswer, "too many presence messages");
        }

        /// <summary>Reads one whole frame (header, data, LRC) and decodes it.</summary>
        public AlparFrame ReadFrame(int timeoutMs)
        {
            ReadExactly(_header, 0, AlparFrame.HeaderLength, timeoutMs);
            int length = AlparFrame.DataLengthOf(_header, 0);
            byte[] frame = new byte[AlparFrame.HeaderLength + length + 1];
            System.Array.Copy(_header, 0, frame, 0, AlparFrame.HeaderLength);
            ReadExactly(frame, AlparFrame.HeaderLength, length + 1, timeoutMs);
            return AlparFrame.Decode(frame, 0, frame.Length);
        }

        private void RecordPresence(AlparFrame message)
        {
            if (message.DataLength != 1) return;
            _presenceEvent = message.Data[0] == 1 ? 1 : 0;
        }

        private void ReadExactly(byte[] buffer, int offset, int count, int timeoutMs)
        {
            int done = 0;
            while (done < count)
            {
                int n;
                try
                {
                    n = _port.Read(buffer, offset + done, count - done, timeoutMs);
                }
                catch (System.Exception e)
                {
                    throw new AlparException(AlparError.PortFailure, "read failed", e);
                }
                if (n <= 0) throw new AlparException(AlparError.Timeout, "no answer in time");
                if (n > count - done) throw new AlparException(AlparError.PortFailure, "port returned more than asked");
                done += n;
            }
        }
    }
}
