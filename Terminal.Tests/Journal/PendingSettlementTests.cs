using Terminal.Firmware.Core.Journal;
using Xunit;
using static Terminal.Tests.Journal.JournalTestKit;

namespace Terminal.Tests.Journal;

/// <summary>
/// The journaled settlement (docs/journal.md, "Pending settlement"): recorded before the 0500 leaves, it freezes the
/// batch (no transaction may join it) until the batch closes (host confirmed) or it is cleared (host refused), and it
/// survives a reopen and a compaction unchanged.
/// </summary>
public class PendingSettlementTests
{
    private static TransactionJournal WithOneSale(MemoryJournalStorage a, MemoryJournalStorage b)
    {
        TransactionJournal j = TransactionJournal.Open(a, b);
        j.ReserveTrace();
        j.RecordRequest(Online(1, TransactionKind.Sale, CardScheme.Visa, 1000, "978"));
        j.MarkApproved(1, "000000000001", "A00001", "00");
        return j;
    }

    [Fact]
    public void Pending_settlement_freezes_the_batch_and_survives_reopen_and_compaction()
    {
        var a = new MemoryJournalStorage();
        var b = new MemoryJournalStorage();
        TransactionJournal j = WithOneSale(a, b);
        byte[] request = Message(2, 0x50);
        j.BeginSettlement(j.ReserveTrace(), request);

        SettlementAttempt s = j.PendingSettlement;
        Assert.Equal(1, s.Batch);
        Assert.Equal(2, s.Trace);
        Assert.Equal(request, s.Request);
        // Frozen: neither an online request nor an offline advice may join the batch being settled.
        Assert.Equal(JournalError.SettlementPending,
            Assert.Throws<JournalException>(() => j.RecordRequest(Online(3, TransactionKind.Sale, CardScheme.Visa, 5, "978"))).Reason);
        Assert.Equal(JournalError.SettlementPending,
            Assert.Throws<JournalException>(() => j.RecordAdvice(Offline(3, TransactionKind.Sale, CardScheme.Visa, 5, "978"))).Reason);
        // A second settlement cannot start while one is pending.
        Assert.Equal(JournalError.InvalidTransition, Assert.Throws<JournalException>(() => j.BeginSettlement(9, request)).Reason);

        TransactionJournal reopened = TransactionJournal.Open(a, b);
        Assert.Equal(Describe(j), Describe(reopened));
        Assert.NotNull(reopened.PendingSettlement);
        reopened.Compact();
        TransactionJournal compacted = TransactionJournal.Open(a, b);
        Assert.Equal(2, compacted.PendingSettlement.Trace);
        Assert.Equal(request, compacted.PendingSettlement.Request);

        // The host confirmed: the batch closes and the next batch takes transactions again.
        Assert.Equal(2, compacted.CloseBatch());
        Assert.Null(compacted.PendingSettlement);
        compacted.RecordRequest(Online(3, TransactionKind.Sale, CardScheme.Visa, 5, "978"));
        Assert.Null(TransactionJournal.Open(a, b).PendingSettlement);
    }

    [Fact]
    public void Cleared_settlement_reopens_the_same_batch()
    {
        var a = new MemoryJournalStorage();
        var b = new MemoryJournalStorage();
        TransactionJournal j = WithOneSale(a, b);
        j.BeginSettlement(j.ReserveTrace(), Message(2, 0x50));
        j.ClearSettlement();
        Assert.Null(j.PendingSettlement);
        Assert.Equal(1, j.BatchNumber);
        Assert.Single(j.CurrentBatch());
        j.RecordRequest(Online(3, TransactionKind.Sale, CardScheme.Visa, 5, "978"));
        TransactionJournal reopened = TransactionJournal.Open(a, b);
        Assert.Null(reopened.PendingSettlement);
        Assert.Equal(JournalError.InvalidTransition, Assert.Throws<JournalException>(() => reopened.ClearSettlement()).Reason);
    }
}

/// <summary>The settlement records and the format version on hand-built slot images (docs/journal.md, "Format").</summary>
public class SettlementRecordFormatTests
{
    [Fact]
    public void Hand_built_settlement_records_replay_and_a_version_1_slot_still_opens()
    {
        // Version 1 (before the settlement records): read unchanged.
        byte[] v1 = JournalImage.Concat(JournalImage.Header(1, version: 1), JournalImage.Counters(7, 3), JournalImage.End(0));
        TransactionJournal old = TransactionJournal.Open(new MemoryJournalStorage(v1), new MemoryJournalStorage());
        Assert.Equal(7, old.LastTrace);
        Assert.Null(old.PendingSettlement);

        // Batch 3, trace 8 reserved, then record 8: batch 00000003, trace 00000008, request 0003 "050011".
        byte[] pending = JournalImage.Concat(JournalImage.Header(2), JournalImage.Counters(7, 3), JournalImage.End(0),
            JournalImage.TraceReserved(8), JournalImage.SettlementPending(3, 8, "050011"));
        TransactionJournal j = TransactionJournal.Open(new MemoryJournalStorage(pending), new MemoryJournalStorage());
        Assert.Equal(3, j.PendingSettlement.Batch);
        Assert.Equal(8, j.PendingSettlement.Trace);
        Assert.Equal(new byte[] { 0x05, 0x00, 0x11 }, j.PendingSettlement.Request);

        // Record 9 for batch 3 clears it.
        byte[] cleared = JournalImage.Concat(pending, JournalImage.SettlementCleared(3));
        Assert.Null(TransactionJournal.Open(new MemoryJournalStorage(cleared), new MemoryJournalStorage()).PendingSettlement);

        // A settlement of another batch than the current one is damage, not a power cut.
        byte[] wrongBatch = JournalImage.Concat(JournalImage.Header(2), JournalImage.Counters(7, 3), JournalImage.End(0),
            JournalImage.SettlementPending(4, 8, "050011"));
        Assert.Equal(JournalError.Corrupt, Assert.Throws<JournalException>(
            () => TransactionJournal.Open(new MemoryJournalStorage(wrongBatch), new MemoryJournalStorage())).Reason);

        // A newer, unknown version is refused.
        byte[] v3 = JournalImage.Concat(JournalImage.Header(1, version: 3), JournalImage.Counters(0, 1), JournalImage.End(0));
        Assert.Throws<JournalException>(() => TransactionJournal.Open(new MemoryJournalStorage(v3), new MemoryJournalStorage()));
    }
}
