namespace Terminal.Firmware.Core.Journal
{
    /// <summary>
    /// A settlement the terminal started and whose outcome it does not know yet (docs/journal.md, "Pending
    /// settlement"): the batch it settles, the trace number (DE 11) of its 0500 and the packed 0500 itself with the
    /// batch totals, journaled before the request leaves. While it is pending the batch is frozen: the journal
    /// records no new transaction, and the host session sends the very same 0500 again until the host answers.
    /// </summary>
    public sealed class SettlementAttempt
    {
        internal SettlementAttempt(int batch, int trace, byte[] request)
        {
            Batch = batch;
            Trace = trace;
            Request = request;
        }

        /// <summary>The batch being settled.</summary>
        public int Batch { get; private set; }

        /// <summary>DE 11 of the 0500.</summary>
        public int Trace { get; private set; }

        /// <summary>The packed 0500 (unsigned: the MAC is added at each send), with the batch totals.</summary>
        public byte[] Request { get; private set; }

        internal SettlementAttempt Copy()
        {
            return new SettlementAttempt(Batch, Trace, Terminal.EmvKernel.Util.Bytes.Copy(Request));
        }
    }
}
