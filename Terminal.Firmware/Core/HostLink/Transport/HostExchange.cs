using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.HostLink.Iso8583;

namespace Terminal.Firmware.Core.HostLink.Transport
{
    /// <summary>
    /// One request, one matching answer, over an <see cref="IHostConnection"/>: the request is packed by the
    /// dialect and framed with the 2-byte length (<see cref="LengthPrefixFrame"/>); answers are read frame by frame
    /// until one matches the request on MTI (the request's response MTI), terminal ID (DE 41) and trace number
    /// (DE 11), as jPOS QMUX keys on "41, 11". Well-formed answers that do not match (a late answer to an earlier
    /// request, another terminal's answer) are discarded and counted. Time comes from an
    /// <see cref="IMonotonicClock"/>: one deadline per message, no sleeping.
    /// After any failure the connection is closed, since the position in the byte stream is unknown and a late
    /// answer must not be taken for the next one.
    /// </summary>
    public sealed class HostExchange
    {
        /// <summary>Default time allowed for the answer to one message.</summary>
        public const int DefaultTimeoutMs = 30000;

        private readonly IHostConnection _connection;
        private readonly Iso8583Dialect _dialect;
        private readonly IMonotonicClock _clock;
        private int _timeoutMs = DefaultTimeoutMs;

        /// <summary>Creates the exchange over a connection, a dialect and a clock.</summary>
        public HostExchange(IHostConnection connection, Iso8583Dialect dialect, IMonotonicClock clock)
        {
            if (connection == null || dialect == null || clock == null)
                throw new System.ArgumentNullException("connection", "connection, dialect and clock are required");
            _connection = connection;
            _dialect = dialect;
            _clock = clock;
        }

        /// <summary>The connection used.</summary>
        public IHostConnection Connection
        {
            get { return _connection; }
        }

        /// <summary>The dialect that packs requests and parses answers.</summary>
        public Iso8583Dialect Dialect
        {
            get { return _dialect; }
        }

        /// <summary>Time allowed for the answer to one message, from the moment it is sent (1 ms or more).</summary>
        public int TimeoutMs
        {
            get { return _timeoutMs; }
            set
            {
                if (value < 1) throw new System.ArgumentOutOfRangeException("value", "timeout must be at least 1 ms");
                _timeoutMs = value;
            }
        }

        /// <summary>Well-formed answers discarded because MTI, DE 41 or DE 11 did not match, since creation.</summary>
        public int DiscardedCount { get; private set; }

        /// <summary>
        /// Sends <paramref name="request"/> and returns the matching answer within <see cref="TimeoutMs"/>.
        /// A request that cannot be packed raises <see cref="Iso8583Exception"/> before anything is sent. Once
        /// sent, failures raise <see cref="HostLinkException"/> (Timeout, Disconnected, Malformed) and close the
        /// connection. The connection must be open.
        /// </summary>
        public Iso8583Message Exchange(Iso8583Message request)
        {
            return Exchange(request, _timeoutMs);
        }

        /// <summary>As <see cref="Exchange(Iso8583Message)"/> with an explicit timeout for this message.</summary>
        public Iso8583Message Exchange(Iso8583Message request, int timeoutMs)
        {
            if (request == null) throw new System.ArgumentNullException("request");
            if (timeoutMs < 1) throw new System.ArgumentOutOfRangeException("timeoutMs", "timeout must be at least 1 ms");
            byte[] packed = _dialect.Pack(request);
            // The matching key in the canonical wire form: parse what is sent (pads DE 41, widens DE 11).
            Iso8583Message sent = _dialect.Parse(packed);
            string expectedMti = MessageTypes.ResponseOf(sent.Mti);
            byte[] terminalId = sent.GetBytes(41);
            byte[] trace = sent.GetBytes(11);
            if (terminalId == null || trace == null)
                throw new Iso8583Exception(Iso8583Error.MissingField, terminalId == null ? 41 : 11, Iso8583Exception.NoOffset, "request cannot be matched");
            byte[] frame = LengthPrefixFrame.Wrap(packed);

            try
            {
                long deadline = _clock.NowMilliseconds + timeoutMs;
                _connection.Send(frame, 0, frame.Length);
                while (true)
                {
                    byte[] payload = ReadFrame(deadline);
                    Iso8583Message answer;
                    try
                    {
                        answer = _dialect.Parse(payload);
                    }
                    catch (Iso8583Exception e)
                    {
                        throw new HostLinkException(HostLinkError.Malformed, "answer does not parse", e);
                    }
                    if (answer.Mti == expectedMti && Bytes.Equal(answer.GetBytes(41), terminalId) && Bytes.Equal(answer.GetBytes(11), trace))
                        return answer;
                    DiscardedCount++;
                }
            }
            catch (HostLinkException)
            {
                _connection.Close();
                throw;
            }
        }

        /// <summary>Reads one length-prefixed frame and returns its payload.</summary>
        private byte[] ReadFrame(long deadline)
        {
            byte[] header = new byte[LengthPrefixFrame.HeaderLength];
            ReadExactly(header, deadline);
            int length;
            try
            {
                length = LengthPrefixFrame.ReadLength(header, 0);
            }
            catch (Iso8583Exception e)
            {
                throw new HostLinkException(HostLinkError.Malformed, "bad length header", e);
            }
            byte[] payload = new byte[length];
            ReadExactly(payload, deadline);
            return payload;
        }

        private void ReadExactly(byte[] buffer, long deadline)
        {
            int filled = 0;
            while (filled < buffer.Length)
            {
                long remaining = deadline - _clock.NowMilliseconds;
                if (remaining <= 0) throw new HostLinkException(HostLinkError.Timeout, "no complete answer in time");
                int n = _connection.Receive(buffer, filled, buffer.Length - filled, remaining > int.MaxValue ? int.MaxValue : (int)remaining);
                if (n <= 0 || n > buffer.Length - filled) throw new HostLinkException(HostLinkError.Disconnected, "connection returned no data");
                filled += n;
            }
        }
    }
}
