using CsCheck;
using Terminal.Firmware.Core.Journal;
using Xunit;
using static Terminal.Tests.Journal.JournalTestKit;

namespace Terminal.Tests.Journal;

/// <summary>
/// Random and mutated slot contents into <see cref="TransactionJournal.Open(IJournalStorage, IJournalStorage, JournalOptions)"/>,
/// strict and salvaging: the only failure is <see cref="JournalException"/>; a journal that opens works (reserve,
/// record, queries, compaction) and a strict reopen afterwards gives the same state. Iterations:
/// TERMINAL_FUZZ_ITERATIONS (random bytes), a tenth of it (mutated images, which also compact).
/// </summary>
public class JournalFuzzTests
{
    private static long Iterations => Terminal.Tests.Tlv.FuzzIterations.Value;

    private static readonly (byte[] A, byte[] B)[] Seeds = BuildSeeds();

    /// <summary>Slot images of a short session (with compactions) after each step.</summary>
    private static (byte[], byte[])[] BuildSeeds()
    {
        var a = new MemoryJournalStorage();
        var b = new MemoryJournalStorage();
        var seeds = new List<(byte[], byte[])>();
        TransactionJournal j = TransactionJournal.Open(a, b, new JournalOptions { CompactionThreshold = 300 });
        for (int i = 0; i < 12; i++)
        {
            int t = j.ReserveTrace();
            if (i % 3 == 2) j.RecordAdvice(Offline(t, TransactionKind.Sale, CardScheme.UnionPay, 100 * i, "156"));
            else j.RecordRequest(Online(t, i % 2 == 0 ? TransactionKind.Sale : TransactionKind.Refund, CardScheme.Visa, 10 * i, "978"));
            if (i % 3 == 0) j.MarkApproved(t, "000000000001", "A00001", "00");
            if (i % 3 == 1) j.MarkReversalNeeded(t, "98", null);
            if (i == 6) j.CloseBatch();
            seeds.Add((a.ToArray(), b.ToArray()));
        }
        return seeds.ToArray();
    }

    /// <summary>Opens (strict or salvaging); when it opens, uses it and checks that a strict reopen sees the same state.</summary>
    private static void OpenAndUse(byte[] a, byte[] b, bool salvage)
    {
        var sa = new MemoryJournalStorage(a);
        var sb = new MemoryJournalStorage(b);
        var options = new JournalOptions { CompactionThreshold = 300, DiscardCorruptRecords = salvage };
        TransactionJournal j;
        try
        {
            j = TransactionJournal.Open(sa, sb, options);
        }
        catch (JournalException)
        {
            return;
        }
        try
        {
            int t = j.ReserveTrace();
            j.RecordRequest(Online(t, TransactionKind.Sale, CardScheme.Amex, 1, "840"));
            j.MarkApproved(t, "000000000009", "A00009", "00");
            j.PendingReversals();
            j.PendingAdvices();
            j.Totals().ToGeneric87("978");
            j.Totals().ToUnionPay("156");
            j.Compact();
        }
        catch (JournalException)
        {
            // e.g. the next trace is still open in recovered data; the journal refused cleanly
        }
        string state = Describe(j);
        Assert.Equal(state, Describe(TransactionJournal.Open(sa, sb, new JournalOptions { CompactionThreshold = 300 })));
    }

    [Fact]
    public void Random_slot_bytes_open_cleanly_or_raise_the_typed_exception()
    {
        Gen.Select(Terminal.Tests.Tlv.TlvGen.ArrayOf(Gen.Byte, 0, 300), Terminal.Tests.Tlv.TlvGen.ArrayOf(Gen.Byte, 0, 300), Gen.Bool, (a, b, salvage) => (a, b, salvage))
            .Sample(c => OpenAndUse(c.a, c.b, c.salvage), iter: Iterations);
    }

    [Fact]
    public void Mutated_journal_images_open_cleanly_or_raise_the_typed_exception()
    {
        long opened = 0, refused = 0;
        Gen.Select(Gen.Int[0, Seeds.Length - 1], Gen.Int, Gen.Bool, (seed, mutation, salvage) => (seed, mutation, salvage))
            .Sample(c =>
            {
                var (seed, mutation, salvage) = c;
                var random = new Random(mutation);
                byte[] a = Mutate(Seeds[seed].A, random);
                byte[] b = random.Next(3) == 0 ? Mutate(Seeds[seed].B, random) : Seeds[seed].B;
                try
                {
                    TransactionJournal.Open(new MemoryJournalStorage(a), new MemoryJournalStorage(b),
                        new JournalOptions { CompactionThreshold = 300, DiscardCorruptRecords = salvage });
                    Interlocked.Increment(ref opened);
                }
                catch (JournalException)
                {
                    Interlocked.Increment(ref refused);
                }
                OpenAndUse(a, b, salvage);
            }, iter: Math.Max(1, Iterations / 10));
        if (Iterations >= 1000)
        {
            Assert.True(opened > 0, "no mutated image opened");
            Assert.True(refused > 0, "no mutated image was refused");
        }
    }

    [Fact]
    public void A_changed_byte_in_a_complete_record_is_never_accepted_silently()
    {
        // Every single-byte change of a complete journal (no torn tail) either is refused as Corrupt, or falls in the
        // last record's length field and makes it look torn (the one change a CRC cannot tell from a power cut), or
        // leaves the state unchanged (a byte of the unused slot, which then reads as an interrupted compaction).
        var (a, b) = Seeds[^1];
        string clean = Describe(TransactionJournal.Open(new MemoryJournalStorage(a), new MemoryJournalStorage(b)));
        int corrupt = 0;
        for (int slot = 0; slot < 2; slot++)
        {
            byte[] image = slot == 0 ? a : b;
            for (int i = 0; i < image.Length; i++)
            {
                byte[] changed = (byte[])image.Clone();
                changed[i] ^= 0x5A;
                try
                {
                    TransactionJournal j = slot == 0
                        ? TransactionJournal.Open(new MemoryJournalStorage(changed), new MemoryJournalStorage(b))
                        : TransactionJournal.Open(new MemoryJournalStorage(a), new MemoryJournalStorage(changed));
                    if (Describe(j) != clean)
                        Assert.True(j.Recovery.TornBytesDropped > 0, "slot " + slot + " byte " + i + " changed the state silently");
                }
                catch (JournalException e)
                {
                    Assert.Equal(JournalError.Corrupt, e.Reason);
                    corrupt++;
                }
            }
        }
        Assert.True(corrupt > a.Length / 2, "too few changes detected: " + corrupt);
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        byte[] m = (byte[])seed.Clone();
        switch (random.Next(4))
        {
            case 0:
                if (m.Length > 0) m[random.Next(m.Length)] ^= (byte)(1 + random.Next(255));
                return m;
            case 1:
                return m[..random.Next(m.Length + 1)];
            case 2:
                byte[] tail = new byte[random.Next(1, 20)];
                random.NextBytes(tail);
                return [.. m, .. tail];
            default:
                if (m.Length == 0) return m;
                int at = random.Next(m.Length), n = Math.Min(m.Length - at, random.Next(1, 8));
                for (int i = 0; i < n; i++) m[at + i] = (byte)random.Next(256);
                return m;
        }
    }
}
