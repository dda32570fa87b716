using Terminal.Firmware.Core.Journal;
using Xunit;
using static Terminal.Tests.Journal.JournalImage;

namespace Terminal.Tests.Journal;

/// <summary>Hand-built slot images (docs/journal.md "Format") and the recovery rules on them.</summary>
public class JournalFormatTests
{
    [Fact]
    public void A_new_journal_is_header_counters_and_end_in_slot_A()
    {
        var a = new MemoryJournalStorage();
        var b = new MemoryJournalStorage();
        TransactionJournal j = TransactionJournal.Open(a, b);
        Assert.True(j.Recovery.Formatted);
        // Generation 1; no trace reserved yet (0); batch 1; an empty snapshot.
        Assert.Equal(Concat(Header(1), Counters(0, 1), End(0)), a.ToArray());
        Assert.Equal(0, b.Length);
        Assert.Equal(0, j.LastTrace);
        Assert.Equal(1, j.BatchNumber);
        Assert.Equal(1, j.ReserveTrace());
        // The reservation is appended as record type 4 holding 00000001.
        Assert.Equal(Concat(Header(1), Counters(0, 1), End(0), TraceReserved(1)), a.ToArray());
    }

    [Fact]
    public void Trace_numbers_wrap_from_999999_to_1_and_batch_numbers_from_999999_to_1()
    {
        // DE 11 is n6 and 000000 is not used: after 999999 comes 000001. Batch numbers (n6) likewise.
        var a = new MemoryJournalStorage(Concat(Header(5), Counters(999998, 999999), End(0)));
        TransactionJournal j = TransactionJournal.Open(a, new MemoryJournalStorage());
        Assert.Equal(5, j.Recovery.Generation);
        Assert.Equal(999999, j.ReserveTrace());
        Assert.Equal(1, j.ReserveTrace());
        Assert.Equal(1, j.CloseBatch());
        TransactionJournal again = TransactionJournal.Open(a, new MemoryJournalStorage());
        Assert.Equal(1, again.LastTrace);
        Assert.Equal(1, again.BatchNumber);
    }

    [Fact]
    public void The_complete_slot_of_the_highest_generation_wins()
    {
        byte[] older = Concat(Header(3), Counters(10, 2), End(0), TraceReserved(11));
        byte[] newer = Concat(Header(4), Counters(11, 2), End(0), TraceReserved(12));
        Assert.Equal(12, TransactionJournal.Open(new MemoryJournalStorage(older), new MemoryJournalStorage(newer)).LastTrace);
        Assert.Equal(12, TransactionJournal.Open(new MemoryJournalStorage(newer), new MemoryJournalStorage(older)).LastTrace);
        // An interrupted compaction (generation 5, no end marker) is ignored: slot A stays in use.
        byte[] cut = Concat(Header(5), Counters(12, 2));
        TransactionJournal j = TransactionJournal.Open(new MemoryJournalStorage(newer), new MemoryJournalStorage(cut));
        Assert.Equal(12, j.LastTrace);
        Assert.Equal(0, j.Recovery.ActiveSlot);
        Assert.Equal(4, j.Recovery.Generation);
    }

    [Fact]
    public void A_torn_last_record_is_dropped_and_the_slot_repaired()
    {
        byte[] good = Concat(Header(1), Counters(0, 1), End(0), TraceReserved(1));
        byte[] torn = TraceReserved(2);
        var a = new MemoryJournalStorage(Concat(good, torn[..7]));   // 7 of the 12 bytes reached the flash
        TransactionJournal j = TransactionJournal.Open(a, new MemoryJournalStorage());
        Assert.Equal(7, j.Recovery.TornBytesDropped);
        Assert.Equal(good, a.ToArray());
        Assert.Equal(1, j.LastTrace);
    }

    [Fact]
    public void A_damaged_record_in_the_middle_is_refused_or_salvaged_on_request()
    {
        byte[] head = Concat(Header(1), Counters(0, 1), End(0), TraceReserved(1));
        byte[] bad = TraceReserved(2);
        bad[^1] ^= 0x01;                                               // CRC no longer matches: not a power cut
        byte[] image = Concat(head, bad, TraceReserved(3));
        var e = Assert.Throws<JournalException>(() => TransactionJournal.Open(new MemoryJournalStorage(image), new MemoryJournalStorage()));
        Assert.Equal(JournalError.Corrupt, e.Reason);
        Assert.Equal(head.Length, e.Offset);

        var a = new MemoryJournalStorage(image);
        TransactionJournal j = TransactionJournal.Open(a, new MemoryJournalStorage(), new JournalOptions { DiscardCorruptRecords = true });
        Assert.Equal(head.Length, j.Recovery.CorruptOffset);
        Assert.Equal(24, j.Recovery.CorruptBytesDropped);           // two 12-byte records from the bad one on
        Assert.Equal(1, j.LastTrace);
        Assert.Equal(head, a.ToArray());
    }

    [Fact]
    public void Impossible_slot_contents_are_corrupt()
    {
        var empty = new MemoryJournalStorage();
        // A record that is not the next trace (checksum fine, content impossible).
        byte[] skip = Concat(Header(1), Counters(0, 1), End(0), TraceReserved(5));
        Assert.Equal(JournalError.Corrupt, Assert.Throws<JournalException>(() => TransactionJournal.Open(new MemoryJournalStorage(skip), empty)).Reason);
        // An interrupted compaction (generation 2) and no complete slot: a power cut cannot leave this.
        byte[] cut = Concat(Header(2), Counters(0, 1));
        Assert.Equal(JournalError.Corrupt, Assert.Throws<JournalException>(() => TransactionJournal.Open(new MemoryJournalStorage(cut), new MemoryJournalStorage())).Reason);
        // A slot that does not start with the marker.
        Assert.Equal(JournalError.Corrupt, Assert.Throws<JournalException>(() => TransactionJournal.Open(new MemoryJournalStorage(new byte[] { 0x00 }), new MemoryJournalStorage())).Reason);
    }

    [Fact]
    public void An_interrupted_first_format_is_formatted_again()
    {
        byte[] first = Concat(Header(1), Counters(0, 1), End(0));
        var a = new MemoryJournalStorage(first[..20]);
        TransactionJournal j = TransactionJournal.Open(a, new MemoryJournalStorage());
        Assert.True(j.Recovery.Formatted);
        Assert.Equal(first, a.ToArray());
    }
}
