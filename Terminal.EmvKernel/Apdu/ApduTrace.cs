using Terminal.EmvKernel.Util;
namespace Terminal.EmvKernel.Apdu
{
    /// <summary>Who originated a traced command.</summary>
    public enum TraceKind
    {
        /// <summary>The command the kernel asked the transport to send.</summary>
        Command = 1,
        /// <summary>A GET RESPONSE the transport issued after '61xx' or a case 4 warning.</summary>
        GetResponse = 2,
        /// <summary>The previous command sent again with the Le the card asked for in '6Cxx'.</summary>
        Resend = 3
    }

    /// <summary>
    /// One exchange on the wire: the command bytes and the response bytes exactly as received (null when the
    /// exchange failed: card removed or transport error). Raw bytes, except that PIN-carrying command data is
    /// zeroed when recorded; masking PANs for display is the job of the layer that prints a trace.
    /// </summary>
    public sealed class ApduTraceEntry
    {
        private readonly byte[] _command;
        private readonly byte[] _response;

        internal ApduTraceEntry(byte[] command, byte[] response, TraceKind kind)
        {
            _command = Bytes.Copy(command);
            RedactPinData(_command);
            _response = Bytes.Copy(response);
            Kind = kind;
        }

        /// <summary>
        /// A PIN exists in clear only inside PIN entry: the data field of VERIFY ('20'), CHANGE REFERENCE DATA /
        /// PIN CHANGE ('24') and RESET RETRY COUNTER / PIN UNBLOCK ('2C') is zeroed in the trace, so neither a
        /// plaintext nor an enciphered PIN block is kept. The header and Lc stay, so the trace still shows the command.
        /// </summary>
        private static void RedactPinData(byte[] command)
        {
            if (command == null || command.Length < 6) return;
            byte ins = command[1];
            if (ins != 0x20 && ins != 0x24 && ins != 0x2C) return;
            int lc = command[4];
            int end = 5 + lc;
            if (end > command.Length) end = command.Length;
            for (int i = 5; i < end; i++) command[i] = 0;
        }

        /// <summary>Who originated the command.</summary>
        public TraceKind Kind { get; private set; }

        /// <summary>A copy of the command bytes.</summary>
        public byte[] Command
        {
            get { return Bytes.Copy(_command); }
        }

        /// <summary>A copy of the response bytes, or null when no response was received.</summary>
        public byte[] Response
        {
            get { return Bytes.Copy(_response); }
        }
    }

    /// <summary>
    /// The APDU trace of a session: command/response pairs in order, as the transport exchanged them. Bounded:
    /// once <see cref="Capacity"/> entries are held, the oldest is dropped for each new one.
    /// </summary>
    public sealed class ApduTrace
    {
        /// <summary>Default number of entries kept.</summary>
        public const int DefaultCapacity = 256;

        private readonly System.Collections.ArrayList _entries = new System.Collections.ArrayList();

        /// <summary>A trace holding up to <see cref="DefaultCapacity"/> entries.</summary>
        public ApduTrace() : this(DefaultCapacity)
        {
        }

        /// <summary>A trace holding up to <paramref name="capacity"/> entries (at least 1).</summary>
        public ApduTrace(int capacity)
        {
            Capacity = capacity < 1 ? 1 : capacity;
        }

        /// <summary>Most entries kept.</summary>
        public int Capacity { get; private set; }

        /// <summary>Entries dropped because the trace was full.</summary>
        public int Dropped { get; private set; }

        /// <summary>Number of entries held.</summary>
        public int Count
        {
            get { return _entries.Count; }
        }

        /// <summary>The entry at <paramref name="index"/> (0 = oldest held).</summary>
        public ApduTraceEntry this[int index]
        {
            get { return (ApduTraceEntry)_entries[index]; }
        }

        /// <summary>Records one exchange. <paramref name="response"/> null = no response.</summary>
        public void Record(byte[] command, byte[] response, TraceKind kind)
        {
            if (_entries.Count >= Capacity)
            {
                _entries.RemoveAt(0);
                Dropped++;
            }
            _entries.Add(new ApduTraceEntry(command, response, kind));
        }

        /// <summary>
        /// A copy of this trace with every occurrence of the PAN masked (first 6 and last 4 digits kept;
        /// <see cref="PanMask.MaskInPlace"/>), for the outcome, logs and display. <paramref name="pan"/> is the packed
        /// PAN ('5A') or the Track 2 Equivalent Data ('57'), whose leading digits are the PAN; null copies as is.
        /// </summary>
        public ApduTrace CopyWithPanMasked(byte[] pan)
        {
            ApduTrace masked = new ApduTrace(Capacity);
            for (int i = 0; i < _entries.Count; i++)
            {
                ApduTraceEntry e = (ApduTraceEntry)_entries[i];
                byte[] command = e.Command;
                byte[] response = e.Response;
                PanMask.MaskInPlace(command, pan);
                PanMask.MaskInPlace(response, pan);
                masked.Record(command, response, e.Kind);
            }
            masked.Dropped = Dropped;
            return masked;
        }

        /// <summary>Forgets every entry.</summary>
        public void Clear()
        {
            _entries.Clear();
            Dropped = 0;
        }
    }
}
