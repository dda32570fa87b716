using Terminal.Firmware.Core.Journal;
using Terminal.Pc.Journal;
using Xunit;
using static Terminal.Tests.Journal.JournalTestKit;

namespace Terminal.Tests.Journal;

/// <summary>The PC slot: the journal in two files survives closing and reopening, and a torn file tail is repaired.</summary>
public sealed class FileJournalStorageTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "journal-" + Guid.NewGuid().ToString("N"));

    public FileJournalStorageTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, true);

    private string A => Path.Combine(_dir, "journal.a");
    private string B => Path.Combine(_dir, "journal.b");

    [Fact]
    public void A_journal_in_files_survives_reopening_and_compaction()
    {
        using (var a = new FileJournalStorage(A))
        using (var b = new FileJournalStorage(B))
        {
            TransactionJournal j = TransactionJournal.Open(a, b);
            int t = j.ReserveTrace();
            j.RecordRequest(Online(t, TransactionKind.Sale, CardScheme.Visa, 1234, "978"));
            j.MarkApproved(t, "000000000001", "A00001", "00");
            j.Compact();                                              // now in journal.b, generation 2
            j.ReserveTrace();
        }
        using (var a = new FileJournalStorage(A))
        using (var b = new FileJournalStorage(B))
        {
            TransactionJournal j = TransactionJournal.Open(a, b);
            Assert.Equal(1, j.Recovery.ActiveSlot);
            Assert.Equal(2, j.Recovery.Generation);
            Assert.Equal(2, j.LastTrace);
            Assert.Equal(1234, j.Totals()[0].DebitAmount);
        }
    }

    [Fact]
    public void A_torn_tail_in_the_file_is_cut_off()
    {
        long good;
        using (var a = new FileJournalStorage(A))
        using (var b = new FileJournalStorage(B))
        {
            TransactionJournal.Open(a, b).ReserveTrace();
            good = a.Length;
            a.Append(new byte[] { 0xA5, 0x04, 0x00 }, 0, 3);             // first 3 bytes of a record, then the power went
        }
        using (var a = new FileJournalStorage(A))
        using (var b = new FileJournalStorage(B))
        {
            TransactionJournal j = TransactionJournal.Open(a, b);
            Assert.Equal(3, j.Recovery.TornBytesDropped);
            Assert.Equal(good, new FileInfo(A).Length);
            Assert.Equal(2, j.ReserveTrace());
        }
    }
}
