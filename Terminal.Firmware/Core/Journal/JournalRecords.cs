namespace Terminal.Firmware.Core.Journal
{
    /// <summary>Builds the framed records of the journal format and reads their payloads (docs/journal.md, "Format").</summary>
    internal static class JournalRecords
    {
        /// <summary>Format version written in the header record (2: settlement records 8 and 9).</summary>
        internal const int Version = 2;
        /// <summary>Oldest format version read (1 has no settlement records; its slots read unchanged).</summary>
        internal const int OldestVersion = 1;
        private const int MagicT = 0x54; // 'T'
        private const int MagicJ = 0x4A; // 'J'

        internal static byte[] Header(int generation)
        {
            RecordWriter w = new RecordWriter();
            w.Byte(MagicT);
            w.Byte(MagicJ);
            w.Byte(Version);
            w.Int(generation);
            return w.Frame(RecordType.Header);
        }

        /// <summary>Reads a header payload; returns the generation (1 or more).</summary>
        internal static int ReadHeader(RecordReader r)
        {
            if (r.Byte() != MagicT || r.Byte() != MagicJ) throw r.Corrupt("not a journal header");
            int version = r.Byte();
            if (version < OldestVersion || version > Version) throw r.Corrupt("unknown journal version");
            int generation = r.Int();
            r.End();
            if (generation < 1) throw r.Corrupt("bad generation");
            return generation;
        }

        internal static byte[] Counters(int lastTrace, int batch)
        {
            RecordWriter w = new RecordWriter();
            w.Int(lastTrace);
            w.Int(batch);
            return w.Frame(RecordType.Counters);
        }

        internal static byte[] Number(byte type, int value)
        {
            RecordWriter w = new RecordWriter();
            w.Int(value);
            return w.Frame(type);
        }

        internal static int ReadNumber(RecordReader r)
        {
            int value = r.Int();
            r.End();
            return value;
        }

        internal static byte[] Transaction(JournalTransaction t)
        {
            RecordWriter w = new RecordWriter();
            w.Int(t.Trace);
            w.Int(t.Batch);
            w.Byte((int)t.Kind);
            w.Byte((int)t.Scheme);
            w.Byte((int)t.State);
            w.Long(t.Amount);
            w.Text(t.Currency);
            w.Text(t.MaskedPan);
            w.Text(t.Mti);
            w.Int(t.OriginalTrace);
            w.Text(t.Rrn);
            w.Text(t.AuthorizationCode);
            w.Text(t.ResponseCode);
            w.Text(t.ReversalReason);
            w.Data(t.Reversal);
            w.Data(t.Advice);
            return w.Frame(RecordType.Transaction);
        }

        internal static JournalTransaction ReadTransaction(RecordReader r)
        {
            int trace = r.Int();
            int batch = r.Int();
            int kind = r.Byte();
            int scheme = r.Byte();
            int state = r.Byte();
            long amount = r.Long();
            string currency = r.Text();
            string pan = r.Text();
            string mti = r.Text();
            if (kind < (int)TransactionKind.Sale || kind > (int)TransactionKind.Completion) throw r.Corrupt("bad kind");
            if (scheme < (int)CardScheme.Other || scheme > (int)CardScheme.UnionPay) throw r.Corrupt("bad scheme");
            if (state < (int)TransactionState.InFlight || state > (int)TransactionState.Advised) throw r.Corrupt("bad state");
            JournalTransaction t = new JournalTransaction(trace, (TransactionKind)kind, (CardScheme)scheme, amount, currency, pan, mti);
            t.Batch = batch;
            t.State = (TransactionState)state;
            t.OriginalTrace = r.Int();
            t.Rrn = r.Text();
            t.AuthorizationCode = r.Text();
            t.ResponseCode = r.Text();
            t.ReversalReason = r.Text();
            t.Reversal = r.Data();
            t.Advice = r.Data();
            r.End();
            return t;
        }

        internal static byte[] Settlement(SettlementAttempt a)
        {
            RecordWriter w = new RecordWriter();
            w.Int(a.Batch);
            w.Int(a.Trace);
            w.Data(a.Request);
            return w.Frame(RecordType.SettlementPending);
        }

        internal static SettlementAttempt ReadSettlement(RecordReader r)
        {
            int batch = r.Int();
            int trace = r.Int();
            byte[] request = r.Data();
            r.End();
            if (request == null || request.Length == 0) throw r.Corrupt("settlement without its request");
            return new SettlementAttempt(batch, trace, request);
        }

        internal static byte[] StateChange(StateChange c)
        {
            RecordWriter w = new RecordWriter();
            w.Int(c.Trace);
            w.Byte((int)c.State);
            w.Text(c.Rrn);
            w.Text(c.AuthorizationCode);
            w.Text(c.ResponseCode);
            w.Text(c.ReversalReason);
            w.Data(c.Reversal);
            return w.Frame(RecordType.StateChange);
        }

        internal static StateChange ReadStateChange(RecordReader r)
        {
            StateChange c = new StateChange();
            c.Trace = r.Int();
            int state = r.Byte();
            if (state < (int)TransactionState.InFlight || state > (int)TransactionState.Advised) throw r.Corrupt("bad state");
            c.State = (TransactionState)state;
            c.Rrn = r.Text();
            c.AuthorizationCode = r.Text();
            c.ResponseCode = r.Text();
            c.ReversalReason = r.Text();
            c.Reversal = r.Data();
            r.End();
            return c;
        }
    }

    /// <summary>One state change record: the new state and the answer data it brings (null = unchanged).</summary>
    internal sealed class StateChange
    {
        internal int Trace;
        internal TransactionState State;
        internal string Rrn;
        internal string AuthorizationCode;
        internal string ResponseCode;
        internal string ReversalReason;
        internal byte[] Reversal;
    }
}
