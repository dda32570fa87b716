namespace Terminal.Firmware.Core.Journal
{
    /// <summary>Record types of the journal format (docs/journal.md). Stored as one byte.</summary>
    internal static class RecordType
    {
        /// <summary>First record of a slot: format magic, version, generation.</summary>
        internal const byte Header = 1;
        /// <summary>Last record of a slot's snapshot: number of transactions in it.</summary>
        internal const byte SnapshotEnd = 2;
        /// <summary>Snapshot counters: last reserved trace, batch number.</summary>
        internal const byte Counters = 3;
        /// <summary>A trace number was reserved.</summary>
        internal const byte TraceReserved = 4;
        /// <summary>The batch number changed (close batch, or set by the host).</summary>
        internal const byte BatchSet = 5;
        /// <summary>A whole transaction (recorded, or copied into a snapshot).</summary>
        internal const byte Transaction = 6;
        /// <summary>A transaction's state changed.</summary>
        internal const byte StateChange = 7;
        /// <summary>A settlement (0500) is about to go out: batch, trace, the packed request; pending until resolved.</summary>
        internal const byte SettlementPending = 8;
        /// <summary>The pending settlement was answered without closing the batch (refused): batch number.</summary>
        internal const byte SettlementCleared = 9;

        internal const byte Last = 9;
    }
}
