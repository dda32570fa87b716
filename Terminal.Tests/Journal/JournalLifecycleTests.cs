using Terminal.Firmware.Core.Journal;
using Xunit;
using static Terminal.Tests.Journal.JournalTestKit;

namespace Terminal.Tests.Journal;

/// <summary>Counters across restarts, the reversal and advice queues, batch close, argument checks (docs/journal.md).</summary>
public class JournalLifecycleTests
{
    private readonly MemoryJournalStorage _a = new();
    private readonly MemoryJournalStorage _b = new();

    private TransactionJournal Open() => TransactionJournal.Open(_a, _b);

    [Fact]
    public void Trace_and_batch_numbers_survive_a_restart()
    {
        TransactionJournal j = Open();
        Assert.Equal(1, j.ReserveTrace());
        Assert.Equal(2, j.ReserveTrace());
        Assert.Equal(3, j.ReserveTrace());
        j.SetBatchNumber(7);
        TransactionJournal k = Open();
        Assert.Equal(3, k.LastTrace);
        Assert.Equal(7, k.BatchNumber);
        Assert.Equal(4, k.ReserveTrace());
        Assert.Equal(8, k.CloseBatch());
        Assert.Equal(8, Open().BatchNumber);
    }

    [Fact]
    public void A_request_without_answer_is_pending_reversal_after_a_restart_until_acknowledged()
    {
        TransactionJournal j = Open();
        int t = j.ReserveTrace();
        j.RecordRequest(Online(t, TransactionKind.Sale, CardScheme.Visa, 1500, "978"));
        Assert.Equal(TransactionState.InFlight, j.Find(t).State);
        Assert.Empty(j.PendingReversals());                       // in flight: the session is still waiting

        TransactionJournal k = Open();                            // power cut before the answer
        Assert.Equal(1, k.Recovery.InFlightRecovered);
        JournalTransaction r = (JournalTransaction)k.PendingReversals()[0];
        Assert.Equal(t, r.Trace);
        Assert.Equal(TransactionState.ReversalPending, r.State);
        Assert.Equal(Message(t, 0x04), r.Reversal);               // the pre-built 0400
        // A late answer after the restart cannot approve it any more.
        Assert.Equal(JournalError.InvalidTransition, Assert.Throws<JournalException>(() => k.MarkApproved(t, "1", "2", "00")).Reason);
        Assert.Single(Open().PendingReversals());                 // still pending across another restart
        Assert.Equal(0, Open().Totals().Count);                   // an unknown outcome never counts

        Open().MarkReversed(t);                                    // 0410 arrived
        TransactionJournal done = Open();
        Assert.Empty(done.PendingReversals());
        Assert.Equal(TransactionState.Reversed, done.Find(t).State);
        Assert.Equal(0, done.Recovery.InFlightRecovered);
    }

    [Fact]
    public void Card_decline_after_host_approval_arms_the_reversal_with_the_replacement_message()
    {
        TransactionJournal j = Open();
        int t = j.ReserveTrace();
        j.RecordRequest(Online(t, TransactionKind.Sale, CardScheme.Mastercard, 4200, "978"));
        j.MarkApproved(t, "000000000042", "A00042", "00");
        Assert.Equal(1, j.Totals().Count);
        byte[] replacement = Message(t, 0x99);                    // e.g. the 0400 with the final AAC in field 55
        j.MarkReversalNeeded(t, "06", replacement);
        JournalTransaction r = (JournalTransaction)Open().PendingReversals()[0];
        Assert.Equal(replacement, r.Reversal);
        Assert.Equal("06", r.ReversalReason);
        Assert.Equal("000000000042", r.Rrn);
        Assert.Equal(0, Open().Totals().Count);                   // no longer counted
    }

    [Fact]
    public void Pending_reversals_come_oldest_first()
    {
        TransactionJournal j = Open();
        for (int i = 0; i < 3; i++)
        {
            int t = j.ReserveTrace();
            j.RecordRequest(Online(t, TransactionKind.Sale, CardScheme.Visa, 100 + i, "978"));
        }
        j.MarkReversalNeeded(3, "98", null);
        j.MarkReversalNeeded(1, "98", null);
        j.MarkDeclined(2, "05");
        Assert.Equal(new List<int> { 1, 3 }, Traces(j.PendingReversals()));   // order of recording, not of marking
        j.Compact();
        Assert.Equal(new List<int> { 1, 3 }, Traces(Open().PendingReversals()));
    }

    [Fact]
    public void Advices_are_counted_and_pending_until_the_0230()
    {
        TransactionJournal j = Open();
        int t1 = j.ReserveTrace(), t2 = j.ReserveTrace();
        j.RecordAdvice(Offline(t1, TransactionKind.Sale, CardScheme.UnionPay, 700, "156"));
        j.RecordAdvice(Offline(t2, TransactionKind.Refund, CardScheme.UnionPay, 200, "156"));
        TransactionJournal k = Open();
        Assert.Equal(new List<int> { t1, t2 }, Traces(k.PendingAdvices()));
        Assert.Equal(new List<int> { t1, t2 }, Traces(k.CurrentBatch()));   // offline approvals count in the batch
        Assert.Equal(Message(t1, 0x02), ((JournalTransaction)k.PendingAdvices()[0]).Advice);
        k.MarkAdvised(t1);
        Assert.Equal(JournalError.InvalidTransition, Assert.Throws<JournalException>(() => k.MarkAdvised(t1)).Reason);
        TransactionJournal m = Open();
        Assert.Equal(new List<int> { t2 }, Traces(m.PendingAdvices()));
        Assert.Equal(2, m.CurrentBatch().Count);
        Assert.Empty(m.PendingReversals());
    }

    [Fact]
    public void Closing_the_batch_keeps_open_work_and_drops_settled_transactions()
    {
        TransactionJournal j = Open();
        int sale = j.ReserveTrace(), lost = j.ReserveTrace(), offline = j.ReserveTrace();
        j.RecordRequest(Online(sale, TransactionKind.Sale, CardScheme.Visa, 1000, "978"));
        j.MarkApproved(sale, "000000000001", "A00001", "00");
        j.RecordRequest(Online(lost, TransactionKind.Sale, CardScheme.Visa, 2000, "978"));
        j.MarkReversalNeeded(lost, "98", null);
        j.RecordAdvice(Offline(offline, TransactionKind.Sale, CardScheme.Visa, 300, "978"));
        Assert.Equal(2, j.CloseBatch());
        TransactionJournal k = Open();
        Assert.Null(k.Find(sale));                                // settled with batch 1
        Assert.Equal(1, k.Find(lost).Batch);                      // the reversal is still owed
        Assert.Equal(1, k.Find(offline).Batch);                   // so is the advice
        Assert.Empty(k.CurrentBatch());
        Assert.Equal(0, k.Totals().Count);
    }

    [Fact]
    public void Bad_arguments_are_refused_before_anything_is_written()
    {
        TransactionJournal j = Open();
        int t = j.ReserveTrace();
        int length = j.StorageLength;
        var full = new JournalTransaction(t, TransactionKind.Sale, CardScheme.Visa, 100, "978", "4761739001010010", "0200");
        full.Reversal = Message(t, 4);
        Assert.Equal(JournalError.InvalidArgument, Assert.Throws<JournalException>(() => j.RecordRequest(full)).Reason);
        var noReversal = new JournalTransaction(t, TransactionKind.Sale, CardScheme.Visa, 100, "978", "476173******0010", "0200");
        Assert.Equal(JournalError.InvalidArgument, Assert.Throws<JournalException>(() => j.RecordRequest(noReversal)).Reason);
        Assert.Equal(JournalError.InvalidArgument, Assert.Throws<JournalException>(() => j.RecordAdvice(noReversal)).Reason);
        var badTrace = Online(0, TransactionKind.Sale, CardScheme.Visa, 100, "978");
        Assert.Equal(JournalError.InvalidArgument, Assert.Throws<JournalException>(() => j.RecordRequest(badTrace)).Reason);
        var negative = Online(t, TransactionKind.Sale, CardScheme.Visa, -1, "978");
        Assert.Equal(JournalError.InvalidArgument, Assert.Throws<JournalException>(() => j.RecordRequest(negative)).Reason);
        Assert.Equal(JournalError.UnknownTransaction, Assert.Throws<JournalException>(() => j.MarkApproved(t, null, null, "00")).Reason);
        Assert.Equal(JournalError.InvalidArgument, Assert.Throws<JournalException>(() => j.SetBatchNumber(0)).Reason);
        Assert.Equal(length, j.StorageLength);
        j.RecordRequest(Online(t, TransactionKind.Sale, CardScheme.Visa, 100, "978"));
        Assert.Equal(JournalError.DuplicateTrace, Assert.Throws<JournalException>(() => j.RecordRequest(Online(t, TransactionKind.Sale, CardScheme.Visa, 5, "978"))).Reason);
    }

    [Fact]
    public void Masking_keeps_the_first_six_and_last_four_digits()
    {
        Assert.Equal("476173******0010", JournalTransaction.MaskPan("4761739001010010"));
        Assert.Equal("622526*********0017", JournalTransaction.MaskPan("6225260000000000017"));
        Assert.Equal("**********", JournalTransaction.MaskPan("1234567890"));
    }

    [Fact]
    public void Returned_transactions_are_copies()
    {
        TransactionJournal j = Open();
        int t = j.ReserveTrace();
        j.RecordRequest(Online(t, TransactionKind.Sale, CardScheme.Visa, 100, "978"));
        JournalTransaction copy = j.Find(t);
        copy.Reversal[0] ^= 0xFF;
        copy.Reversal = null;
        Assert.Equal(Message(t, 0x04), j.Find(t).Reversal);
    }

    [Fact]
    public void After_a_storage_failure_the_journal_must_be_reopened()
    {
        var counter = new WriteCounter();
        TransactionJournal j = TransactionJournal.Open(new CuttingStorage(_a, counter), new CuttingStorage(_b, counter));
        counter.CutAt = counter.Writes;                            // the next write fails after 3 bytes
        counter.CutOffset = 3;
        Assert.Equal(JournalError.StorageFailed, Assert.Throws<JournalException>(() => j.ReserveTrace()).Reason);
        Assert.Equal(JournalError.StorageFailed, Assert.Throws<JournalException>(() => j.SetBatchNumber(2)).Reason);
        TransactionJournal k = Open();
        Assert.Equal(3, k.Recovery.TornBytesDropped);
        Assert.Equal(1, k.ReserveTrace());                        // the failed reservation was never handed out
    }
}
