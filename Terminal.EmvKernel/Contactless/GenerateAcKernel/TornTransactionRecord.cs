using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Util;

namespace Terminal.EmvKernel.Contactless.GenerateAcKernel
{
    /// <summary>
    /// One torn transaction (Book C-2 torn transaction log): the card left the field during or right after GENERATE AC,
    /// so the reader does not know whether the card computed a cryptogram. Kept with everything needed to recover it
    /// on the next tap of the same card (PAN and PAN Sequence Number): the terminal data of the transaction (amount,
    /// date, Unpredictable Number, TVR ...), the PDOL and CDOL1 data sent and what GENERATE AC asked for.
    /// </summary>
    public sealed class TornTransactionRecord
    {
        private readonly byte[] _pan;
        private readonly byte[] _psn;
        private readonly byte[] _pdolData;
        private readonly byte[] _cdol1Data;

        internal TornTransactionRecord(byte[] pan, byte[] psn, long createdMicroseconds, TerminalData terminal, byte[] pdolData,
            byte[] cdol1Data, int requested, bool cdaRequested)
        {
            _pan = Bytes.Copy(pan);
            _psn = Bytes.Copy(psn);
            CreatedMicroseconds = createdMicroseconds;
            Terminal = CopyOf(terminal);
            _pdolData = Bytes.Copy(pdolData);
            _cdol1Data = Bytes.Copy(cdol1Data);
            Requested = requested;
            CdaRequested = cdaRequested;
        }

        /// <summary>The clock reading when the record was made (microseconds).</summary>
        public long CreatedMicroseconds { get; private set; }

        /// <summary>The PAN '5A' (a copy); never printed or logged.</summary>
        public byte[] Pan { get { return Bytes.Copy(_pan); } }

        /// <summary>The PAN Sequence Number '5F34' (a copy), or null when the card had none.</summary>
        public byte[] PanSequenceNumber { get { return Bytes.Copy(_psn); } }

        /// <summary>A copy of the torn transaction's terminal data.</summary>
        public TerminalData Terminal { get; private set; }

        /// <summary>The PDOL data sent in GPO (a copy; empty when the card had no PDOL).</summary>
        public byte[] PdolData { get { return Bytes.Copy(_pdolData); } }

        /// <summary>The CDOL1 data sent in the torn GENERATE AC (a copy).</summary>
        public byte[] Cdol1Data { get { return Bytes.Copy(_cdol1Data); } }

        /// <summary>The cryptogram type GENERATE AC asked for (AAC 00, TC 40, ARQC 80).</summary>
        public int Requested { get; private set; }

        /// <summary>True when GENERATE AC asked for a CDA signature.</summary>
        public bool CdaRequested { get; private set; }

        /// <summary>True when this record is for the card with <paramref name="pan"/> and <paramref name="psn"/> (either PSN may be absent).</summary>
        public bool IsFor(byte[] pan, byte[] psn)
        {
            if (pan == null || !Bytes.Equal(pan, _pan)) return false;
            if (psn == null || _psn == null) return psn == null && _psn == null;
            return Bytes.Equal(psn, _psn);
        }

        /// <summary>A copy of every tag of <paramref name="source"/>.</summary>
        internal static TerminalData CopyOf(TerminalData source)
        {
            TerminalData copy = new TerminalData();
            for (int i = 0; i < source.Count; i++)
            {
                int tag = source.TagAt(i);
                copy.Set(tag, source.Get(tag));
            }
            return copy;
        }
    }
}
