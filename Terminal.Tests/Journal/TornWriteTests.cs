using Terminal.Firmware.Core.Journal;
using Xunit;
using static Terminal.Tests.Journal.JournalTestKit;

namespace Terminal.Tests.Journal;

/// <summary>
/// Issue 5 §4: "the journal survives power loss at any byte of any write". A scripted session (sign-on batch,
/// sales approved, declined, reversed, card-declined after approval, offline advices, refund, void, explicit and
/// automatic compactions, settlements journaled before their 0500 (cleared, pending across a compaction, resolved
/// by the batch close), batch close) runs against slots that cut write number N after k bytes, for every write N
/// and every k from 0 to the write's length. After each cut the journal is reopened from the surviving bytes and
/// must hold exactly the model state before the interrupted operation or after it; a fresh trace number must not
/// be one handed out before; and the reopened journal must accept and keep a new record.
/// </summary>
public class TornWriteTests
{
    private readonly Xunit.Abstractions.ITestOutputHelper _output;

    public TornWriteTests(Xunit.Abstractions.ITestOutputHelper output) => _output = output;

    private sealed record Op(string Name, Action<TransactionJournal> J, Action<JournalModel> M);

    /// <summary>Small threshold so that automatic compactions happen inside the script (a snapshot is ~300 bytes).</summary>
    private static JournalOptions Options() => new() { CompactionThreshold = 400 };

    private static Op Reserve(int expected) =>
        new("reserve " + expected, j => Assert.Equal(expected, j.ReserveTrace()), m => m.Reserve(expected));

    private static Op Request(JournalTransaction t) => new("request " + t.Trace, j => j.RecordRequest(t), m => m.Request(t));

    private static Op Advice(JournalTransaction t) => new("advice " + t.Trace, j => j.RecordAdvice(t), m => m.Advice(t));

    private static Op Approve(int trace, string rrn, string auth) => new("approve " + trace,
        j => j.MarkApproved(trace, rrn, auth, "00"),
        m => { var t = m.Get(trace); t.State = TransactionState.Approved; t.Rrn = rrn; t.Auth = auth; t.Code = "00"; });

    private static Op Decline(int trace, string code) => new("decline " + trace,
        j => j.MarkDeclined(trace, code),
        m => { var t = m.Get(trace); t.State = TransactionState.Declined; t.Code = code; });

    private static Op NeedReversal(int trace, string reason, byte[] replacement) => new("reversal needed " + trace,
        j => j.MarkReversalNeeded(trace, reason, replacement),
        m =>
        {
            var t = m.Get(trace);
            t.State = TransactionState.ReversalPending;
            t.Reason = reason;
            if (replacement != null) t.Reversal = replacement;
        });

    private static Op Reversed(int trace) => new("reversed " + trace,
        j => j.MarkReversed(trace), m => m.Get(trace).State = TransactionState.Reversed);

    private static Op Advised(int trace) => new("advised " + trace,
        j => j.MarkAdvised(trace), m => m.Get(trace).State = TransactionState.Advised);

    private static Op Batch(int batch) => new("batch " + batch, j => j.SetBatchNumber(batch), m => m.SetBatch(batch));

    private static Op Close(int expected) => new("close batch",
        j => Assert.Equal(expected, j.CloseBatch()), m => m.SetBatch(expected));

    private static Op Compact() => new("compact", j => j.Compact(), m => { });

    private static Op BeginSettlement(int trace, byte[] request) => new("settlement " + trace,
        j => j.BeginSettlement(trace, request), m => m.Settlement = m.Batch + "|" + trace + "|" + Terminal.EmvKernel.Util.Hex.Encode(request));

    private static Op ClearSettlement() => new("settlement cleared", j => j.ClearSettlement(), m => m.Settlement = null);

    private static List<Op> Script()
    {
        JournalTransaction voidOf4 = Online(8, TransactionKind.Void, CardScheme.Visa, 1000, "978");
        voidOf4.OriginalTrace = 1;
        return new List<Op>
        {
            Batch(41),                                                          // sign-on gives batch 000041
            Reserve(1), Request(Online(1, TransactionKind.Sale, CardScheme.Visa, 1000, "978")), Approve(1, "000000000001", "A00001"),
            Reserve(2), Request(Online(2, TransactionKind.Sale, CardScheme.Mastercard, 2500, "978")), Decline(2, "51"),
            Reserve(3), Request(Online(3, TransactionKind.Sale, CardScheme.UnionPay, 8800, "156")), NeedReversal(3, "98", null), Reversed(3),
            Reserve(4), Advice(Offline(4, TransactionKind.Sale, CardScheme.Visa, 700, "978")), Advised(4),
            Reserve(5), Request(Online(5, TransactionKind.Refund, CardScheme.Visa, 300, "978")), Approve(5, "000000000005", "A00005"),
            Reserve(6), Request(Online(6, TransactionKind.Sale, CardScheme.Amex, 1200, "840")), Approve(6, "000000000006", "A00006"),
            NeedReversal(6, "06", Message(6, 0x44)),                            // card declined at the second GENERATE AC
            Compact(),
            Reserve(7), Advice(Offline(7, TransactionKind.Sale, CardScheme.UnionPay, 100, "156")),
            Reserve(8), Request(voidOf4), Approve(8, "000000000008", "A00008"),
            Reserve(9), BeginSettlement(9, Message(9, 0x50)), ClearSettlement(),  // 0500 answered "refused": batch open again
            Reserve(10), BeginSettlement(10, Message(10, 0x50)),                  // 0500 whose answer is lost: pending
            Compact(),                                                            // the snapshot keeps the pending settlement
            Close(42),                                                            // the retried 0500 balanced
            Reserve(11), Request(Online(11, TransactionKind.Sale, CardScheme.UnionPay, 5000, "156")), Approve(11, "000000000011", "A00011"),
            Reversed(6), Advised(7),
            Reserve(12), BeginSettlement(12, Message(12, 0x50)),                  // pending at the end of a slot's log
            ClearSettlement(),
            Reserve(13), Request(Online(13, TransactionKind.Sale, CardScheme.Visa, 999, "978")),   // left in flight
        };
    }

    /// <summary>Runs the script on fresh slots with the given cut; returns the index of the interrupted op (-1 = open, Count = none).</summary>
    private static int Run(List<Op> script, MemoryJournalStorage a, MemoryJournalStorage b, WriteCounter counter, List<JournalModel> models)
    {
        var model = new JournalModel();
        models.Add(model.Clone());
        TransactionJournal j;
        try
        {
            j = TransactionJournal.Open(new CuttingStorage(a, counter), new CuttingStorage(b, counter), Options());
        }
        catch (JournalException e) when (e.Reason == JournalError.StorageFailed)
        {
            return -1;
        }
        for (int i = 0; i < script.Count; i++)
        {
            try
            {
                script[i].J(j);
            }
            catch (JournalException e) when (e.Reason == JournalError.StorageFailed && counter.PowerOff)
            {
                return i;
            }
            script[i].M(model);
            models.Add(model.Clone());
        }
        return script.Count;
    }

    [Fact]
    public void Every_write_cut_at_every_byte_recovers_the_state_before_or_after_the_operation()
    {
        List<Op> script = Script();
        var full = new WriteCounter();
        var fa = new MemoryJournalStorage();
        var fb = new MemoryJournalStorage();
        var fullModels = new List<JournalModel>();
        Assert.Equal(script.Count, Run(script, fa, fb, full, fullModels));
        // Without a cut the journal holds the final model state; at least three compactions happened (explicit + automatic).
        TransactionJournal reopened = TransactionJournal.Open(fa, fb, Options());
        Assert.Equal(fullModels[^1].Describe(true), Describe(reopened));
        Assert.True(reopened.Recovery.Generation >= 4, "generation " + reopened.Recovery.Generation);

        long cuts = 0, sawBefore = 0, sawAfter = 0, bytes = 0;
        for (int n = 0; n < full.Writes; n++)
        {
            for (int k = 0; k <= full.Sizes[n]; k++)
            {
                var a = new MemoryJournalStorage();
                var b = new MemoryJournalStorage();
                var models = new List<JournalModel>();
                int interrupted = Run(script, a, b, new WriteCounter { CutAt = n, CutOffset = k }, models);
                Assert.True(interrupted < script.Count, "write " + n + " was not reached");
                // models[i] is the state before op i (models[0]: before the first op, i.e. right after open).
                JournalModel before = models[^1];
                JournalModel after = before.Clone();
                if (interrupted >= 0) script[interrupted].M(after);
                if (CheckRecovery(a, b, before, after, "write " + n + " cut at " + k + " during " + (interrupted < 0 ? "open" : script[interrupted].Name)))
                    sawAfter++;
                else sawBefore++;
                cuts++;
            }
        }
        foreach (int size in full.Sizes) bytes += size;
        _output.WriteLine("torn-write sweep: " + full.Writes + " writes, " + bytes + " bytes, " + cuts + " cuts; "
            + sawBefore + " recovered the state before the operation, " + sawAfter + " after it");
        Assert.True(cuts > 3000, "sweep too small: " + cuts);
        Assert.True(sawBefore > 0 && sawAfter > 0);
    }

    [Fact]
    public void A_compaction_cut_at_any_byte_leaves_the_old_or_the_new_generation_with_the_same_state()
    {
        // A journal with open and settled work in slot A (generation 1), compacted by hand under a cut.
        var a0 = new MemoryJournalStorage();
        var b0 = new MemoryJournalStorage();
        TransactionJournal setup = TransactionJournal.Open(a0, b0);
        for (int i = 1; i <= 4; i++)
        {
            setup.ReserveTrace();
            setup.RecordRequest(Online(i, TransactionKind.Sale, CardScheme.Visa, 100 * i, "978"));
            if (i % 2 == 0) setup.MarkApproved(i, "00000000000" + i, "A0000" + i, "00");
        }
        byte[] imageA = a0.ToArray();
        // The state as any reopen sees it (in-flight transactions read as pending reversals).
        string state = Describe(TransactionJournal.Open(new MemoryJournalStorage(imageA), new MemoryJournalStorage()));
        Assert.Contains("|4|", state);

        var probe = new WriteCounter();
        TransactionJournal.Open(new CuttingStorage(new MemoryJournalStorage(imageA), probe), new CuttingStorage(new MemoryJournalStorage(), probe)).Compact();
        // Compaction writes: truncate slot B, header, counters, 4 transactions, end marker.
        Assert.Equal(8, probe.Writes);

        int old = 0, fresh = 0;
        for (int n = 0; n < probe.Writes; n++)
        {
            for (int k = 0; k <= probe.Sizes[n]; k++)
            {
                var a = new MemoryJournalStorage(imageA);
                var b = new MemoryJournalStorage();
                var counter = new WriteCounter();
                TransactionJournal j = TransactionJournal.Open(new CuttingStorage(a, counter), new CuttingStorage(b, counter));
                counter.CutAt = n;
                counter.CutOffset = k;
                Assert.Equal(JournalError.StorageFailed, Assert.Throws<JournalException>(() => j.Compact()).Reason);
                TransactionJournal reopened = TransactionJournal.Open(a, b);
                Assert.Equal(state, Describe(reopened));
                if (reopened.Recovery.Generation == 1) old++;
                else
                {
                    Assert.Equal(2, reopened.Recovery.Generation);
                    fresh++;
                }
                // The next compaction over the interrupted one completes.
                reopened.Compact();
                Assert.Equal(state, Describe(TransactionJournal.Open(a, b)));
            }
        }
        // Only the cut after the last byte of the end marker leaves the new generation complete.
        Assert.Equal(1, fresh);
        Assert.True(old > 100);
    }

    /// <summary>Returns true when the recovered state is the one after the interrupted operation.</summary>
    private static bool CheckRecovery(MemoryJournalStorage a, MemoryJournalStorage b, JournalModel before, JournalModel after, string where)
    {
        TransactionJournal j = TransactionJournal.Open(a, b, Options());
        string state = Describe(j);
        string expectBefore = before.Describe(true), expectAfter = after.Describe(true);
        if (state != expectBefore && state != expectAfter)
            Assert.Fail(where + ": recovered\n" + state + "expected\n" + expectBefore + "or\n" + expectAfter);
        // A trace number handed out before the cut is never handed out again.
        int next = j.ReserveTrace();
        Assert.DoesNotContain(next, before.Handed);
        // The repaired journal keeps what is written next (a pending settlement freezes the batch: clear it first).
        if (j.PendingSettlement != null)
        {
            Assert.Equal(JournalError.SettlementPending, Assert.Throws<JournalException>(
                () => j.RecordRequest(Online(next, TransactionKind.Sale, CardScheme.Other, 1, "156"))).Reason);
            j.ClearSettlement();
        }
        j.RecordRequest(Online(next, TransactionKind.Sale, CardScheme.Other, 1, "156"));
        TransactionJournal again = TransactionJournal.Open(a, b, Options());
        JournalTransaction kept = again.Find(next);
        Assert.NotNull(kept);
        Assert.Equal(TransactionState.ReversalPending, kept.State);
        Assert.Equal(next, again.LastTrace);
        return state == expectAfter && expectAfter != expectBefore;
    }
}
