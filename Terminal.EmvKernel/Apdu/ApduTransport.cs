namespace Terminal.EmvKernel.Apdu
{
    /// <summary>
    /// The terminal transport layer (TTL) of EMV 4.4 Book 1, 9.3 (EMV Contact Interface Specification 9.3.1,
    /// Annex A): sends a <see cref="CommandApdu"/> over an <see cref="ICardChannel"/> and hands back one
    /// <see cref="ResponseApdu"/>, doing the T=0 status handling on the way:
    /// <list type="bullet">
    /// <item>'61xx' (cases 2 and 4): GET RESPONSE with Le = xx, data concatenated, repeated while the card says 61xx;</item>
    /// <item>'6Cxx' (cases 2 and 4): the same command sent again with Le = xx;</item>
    /// <item>'62xx'/'63xx' without data on a case 4 command: the warning is kept, GET RESPONSE with Le = 00
    ///   fetches the data, and the response carries that data with the warning status word (Annex A7).
    ///   Switch this off (<see cref="GetResponseAfterWarning"/>) for a contactless channel, which has no T=0.</item>
    /// </list>
    /// Every other status word is returned as it is; interpreting it is the kernel's job (a warning means
    /// "processed with a warning", e.g. '6283' on SELECT = application blocked).
    /// Loops are bounded by <see cref="MaxExchanges"/>; card misbehaviour gives an <see cref="ApduException"/>,
    /// a missing card a <see cref="CardRemovedException"/>. Each wire exchange is recorded in <see cref="Trace"/>.
    /// </summary>
    public sealed class ApduTransport
    {
        /// <summary>Default bound on wire exchanges for one command.</summary>
        public const int DefaultMaxExchanges = 32;

        private readonly ICardChannel _channel;
        private int _maxExchanges = DefaultMaxExchanges;

        /// <summary>A transport over <paramref name="channel"/> with a new trace.</summary>
        public ApduTransport(ICardChannel channel) : this(channel, new ApduTrace())
        {
        }

        /// <summary>A transport over <paramref name="channel"/>; <paramref name="trace"/> null records nothing.</summary>
        public ApduTransport(ICardChannel channel, ApduTrace trace)
        {
            if (channel == null) throw new System.ArgumentNullException("channel");
            _channel = channel;
            Trace = trace;
            GetResponseAfterWarning = true;
        }

        /// <summary>The trace the exchanges are recorded in, or null.</summary>
        public ApduTrace Trace { get; private set; }

        /// <summary>
        /// True (default, contact T=0): a case 4 command answered by a bare warning is followed by GET RESPONSE.
        /// </summary>
        public bool GetResponseAfterWarning { get; set; }

        /// <summary>Most wire exchanges (command, GET RESPONSEs and resends) for one command; at least 1.</summary>
        public int MaxExchanges
        {
            get { return _maxExchanges; }
            set { _maxExchanges = value < 1 ? 1 : value; }
        }

        /// <summary>Sends the command and returns the card's final response.</summary>
        public ResponseApdu Exchange(CommandApdu command)
        {
            if (command == null) throw new ApduException(ApduError.InvalidCommandParameter, "command is null");
            ApduCase apduCase = command.Case;
            // ISO 7816-3, 12.2.1: only cases 2 and 4 may get response data, '61xx' or '6Cxx'.
            bool dataExpected = apduCase == ApduCase.Case2 || apduCase == ApduCase.Case4;
            byte[] collected = new byte[ResponseApdu.MaxDataLength];
            int collectedLength = 0;
            int keptSw = -1;
            CommandApdu next = command;
            TraceKind kind = TraceKind.Command;

            for (int exchange = 0; exchange < _maxExchanges; exchange++)
            {
                ResponseApdu response = ResponseApdu.Parse(Send(next, kind));
                byte sw1 = response.Sw1;

                if (sw1 == StatusWord.Sw1BytesAvailable)
                {
                    // Book 1, 9.3.1.3: more data available; fetch it with GET RESPONSE, Le = SW2.
                    if (!dataExpected) throw Unexpected("'61xx' to a case 1 or case 3 command");
                    collectedLength = Append(collected, collectedLength, response);
                    next = EmvCommands.GetResponse(response.Sw2);
                    kind = TraceKind.GetResponse;
                    continue;
                }
                if (sw1 == StatusWord.Sw1WrongLe)
                {
                    // Book 1, 9.2.2.3.1: wrong Le; send the same command again with Le = SW2.
                    if (!dataExpected) throw Unexpected("'6Cxx' to a case 1 or case 3 command");
                    if (response.DataLength > 0) throw Unexpected("data with '6Cxx'");
                    next = next.WithLe(response.Sw2);
                    kind = TraceKind.Resend;
                    continue;
                }
                if (response.DataLength > 0 && !dataExpected) throw Unexpected("data in the response to a case 1 or case 3 command");
                collectedLength = Append(collected, collectedLength, response);

                if (keptSw < 0 && GetResponseAfterWarning && apduCase == ApduCase.Case4
                    && response.DataLength == 0 && StatusWord.IsWarning(response.Sw))
                {
                    // Annex A7: a case 4 command processed with a warning; the data follows on GET RESPONSE
                    // with Le = 00, and the warning is what the TTL reports.
                    keptSw = response.Sw;
                    next = EmvCommands.GetResponse(0x00);
                    kind = TraceKind.GetResponse;
                    continue;
                }
                byte[] data = new byte[collectedLength];
                System.Array.Copy(collected, data, collectedLength);
                return new ResponseApdu(data, keptSw >= 0 ? keptSw : response.Sw);
            }
            throw new ApduException(ApduError.ExchangeLimitExceeded, string.Concat("no final status after ", _maxExchanges.ToString(), " exchanges"));
        }

        private byte[] Send(CommandApdu command, TraceKind kind)
        {
            byte[] bytes = command.Encode();
            byte[] raw = null;
            try
            {
                raw = _channel.Transmit(bytes);
            }
            finally
            {
                if (Trace != null) Trace.Record(bytes, raw, kind);
            }
            if (raw == null || raw.Length == 0) throw new ApduException(ApduError.NoResponse, "the channel returned no bytes");
            return raw;
        }

        private static int Append(byte[] collected, int length, ResponseApdu response)
        {
            int n = response.DataLength;
            if (n == 0) return length;
            if (length + n > collected.Length) throw ResponseApdu.TooLong(length + n);
            System.Array.Copy(response.Data, 0, collected, length, n);
            return length + n;
        }

        private static ApduException Unexpected(string detail)
        {
            return new ApduException(ApduError.UnexpectedResponse, detail);
        }
    }
}
