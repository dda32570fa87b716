using System.Text;
using Terminal.Firmware.Core.Journal;
using Terminal.Firmware.Core.Storage;
using Xunit;

namespace Terminal.Tests.Storage;

/// <summary>
/// The ESP32's durable storage on a flash file system that only appends and clears (<see cref="IFlashFiles"/>):
/// settings are replaced atomically and a journal slot can be cut to any length, whatever byte the power fails at.
/// Each test runs the operation once to count its effects, then again with a power cut after every possible number
/// of effects, "reboots" (new objects over the surviving files) and checks the only two states allowed.
/// </summary>
public class FlashStorageTests
{
    private static byte[] Text(string s) => Encoding.UTF8.GetBytes(s);

    private static long EffectsOf(Action<CuttingFlashFiles> setup, Action<CuttingFlashFiles> operation)
    {
        var files = new CuttingFlashFiles();
        setup(files);
        long before = files.Effects;
        operation(files);
        return files.Effects - before;
    }

    [Fact]
    public void Settings_read_back_what_was_written_and_null_when_never_written()
    {
        var files = new CuttingFlashFiles();
        var settings = new FlashSettingsStorage(files);
        Assert.Null(settings.Read("terminal.conf"));
        settings.Write("terminal.conf", Text("set tid TERM0001\n"));
        settings.Write("terminal.conf", Text("set tid TERM0002\n"));
        settings.Write("dukpt.state", Array.Empty<byte>());
        // A new object over the same files (a reboot) reads the latest copy of each.
        var rebooted = new FlashSettingsStorage(files);
        Assert.Equal("set tid TERM0002\n", Encoding.UTF8.GetString(rebooted.Read("terminal.conf")!));
        Assert.Empty(rebooted.Read("dukpt.state")!);
        // The two copies alternate: the header of the newest holds sequence 2 (big-endian) and the CRC-32 of its text.
        byte[] newest = files.Content("terminal.conf.1");
        Assert.Equal(new byte[] { 0, 0, 0, 2, 0, 0, 0, 17 }, newest.Take(8).ToArray());
        uint crc = Crc32.Compute(Text("set tid TERM0002\n"), 0, 17);
        Assert.Equal(new[] { (byte)(crc >> 24), (byte)(crc >> 16), (byte)(crc >> 8), (byte)crc }, newest.Skip(8).Take(4).ToArray());
    }

    [Fact]
    public void A_settings_write_cut_at_any_effect_leaves_all_of_the_old_or_all_of_the_new_content()
    {
        byte[] first = Text("set tid TERM0001\nset host 10.0.0.5:5000\n");
        byte[] second = Text("set tid TERM0002\nset host 10.0.0.6:6000\nset language zh\n");
        byte[] third = Text("set tid TERM0003\n");
        void Setup(CuttingFlashFiles f)
        {
            var s = new FlashSettingsStorage(f);
            s.Write("terminal.conf", first);
            s.Write("terminal.conf", second);
        }
        long total = EffectsOf(Setup, f => new FlashSettingsStorage(f).Write("terminal.conf", third));
        Assert.Equal(1 + 12 + third.Length, total); // clear the older copy, then header and content
        int sawOld = 0, sawNew = 0;
        for (long cut = 0; cut <= total; cut++)
        {
            var files = new CuttingFlashFiles();
            Setup(files);
            files.Budget = cut;
            try
            {
                new FlashSettingsStorage(files).Write("terminal.conf", third);
            }
            catch (PowerCut)
            {
            }
            files.Budget = -1;
            byte[] read = new FlashSettingsStorage(files).Read("terminal.conf")!;
            if (read.SequenceEqual(second)) sawOld++;
            else if (read.SequenceEqual(third)) sawNew++;
            else Assert.Fail("cut after " + cut + " effects read neither the old nor the new content");
            // The storage stays usable: the next write wins.
            new FlashSettingsStorage(files).Write("terminal.conf", first);
            Assert.Equal(first, new FlashSettingsStorage(files).Read("terminal.conf"));
        }
        Assert.Equal(total, sawOld); // every cut before the last byte keeps the old content...
        Assert.Equal(1, sawNew);     // ...and only the complete write shows the new one.
    }

    [Fact]
    public void A_journal_slot_cut_to_a_shorter_length_at_any_effect_keeps_the_old_bytes_or_exactly_the_prefix()
    {
        byte[] content = Enumerable.Range(0, 1500).Select(i => (byte)(i * 7 + 3)).ToArray();
        const int keep = 1100; // more than two copy chunks
        void Setup(CuttingFlashFiles f) => new FlashJournalSlot(f, "journal-a").Append(content, 0, content.Length);
        long total = EffectsOf(Setup, f => new FlashJournalSlot(f, "journal-a").Truncate(keep));
        int sawOld = 0, sawCut = 0;
        for (long cut = 0; cut < total; cut++)
        {
            var files = new CuttingFlashFiles();
            Setup(files);
            files.Budget = cut;
            Assert.Throws<PowerCut>(() => new FlashJournalSlot(files, "journal-a").Truncate(keep));
            files.Budget = -1;
            var slot = new FlashJournalSlot(files, "journal-a");
            byte[] read = new byte[slot.Length];
            Assert.Equal(read.Length, slot.Read(0, read, 0, read.Length));
            if (read.SequenceEqual(content)) sawOld++;
            else if (read.SequenceEqual(content.Take(keep))) sawCut++;
            else Assert.Fail("cut after " + cut + " effects left " + read.Length + " bytes that are neither state");
            // The helper files are gone after the reboot and the slot takes new records at its end.
            Assert.Equal(0, files.Length("journal-a.tmp"));
            Assert.Equal(0, files.Length("journal-a.cut"));
            slot.Append(new byte[] { 0xEE }, 0, 1);
            Assert.Equal(read.Length + 1, new FlashJournalSlot(files, "journal-a").Length);
        }
        Assert.True(sawOld > 0 && sawCut > 0, "both outcomes occur: old " + sawOld + ", cut " + sawCut);
    }

    [Fact]
    public void A_second_power_cut_while_the_reboot_finishes_the_cut_still_ends_in_one_of_the_two_states()
    {
        byte[] content = Enumerable.Range(0, 1500).Select(i => (byte)(i * 5 + 1)).ToArray();
        const int keep = 700;
        void Setup(CuttingFlashFiles f) => new FlashJournalSlot(f, "j").Append(content, 0, content.Length);
        long total = EffectsOf(Setup, f => new FlashJournalSlot(f, "j").Truncate(keep));
        // First cuts spread over the whole operation (a prime stride), second cuts at every effect of the recovery.
        for (long first = 0; first < total; first += 251)
        {
            for (long second = 0; ; second++)
            {
                var files = new CuttingFlashFiles();
                Setup(files);
                files.Budget = first;
                Assert.Throws<PowerCut>(() => new FlashJournalSlot(files, "j").Truncate(keep));
                files.Budget = second;
                bool recovered;
                try
                {
                    _ = new FlashJournalSlot(files, "j");
                    recovered = true;
                }
                catch (PowerCut)
                {
                    recovered = false;
                }
                files.Budget = -1;
                var slot = new FlashJournalSlot(files, "j");
                byte[] read = new byte[slot.Length];
                slot.Read(0, read, 0, read.Length);
                Assert.True(read.SequenceEqual(content) || read.SequenceEqual(content.Take(keep)),
                    "cuts after " + first + " then " + second + " effects left " + read.Length + " bytes");
                if (recovered) break;
            }
        }
    }

    [Fact]
    public void The_journal_runs_on_flash_slots_and_survives_a_reboot()
    {
        var files = new CuttingFlashFiles();
        TransactionJournal journal = TransactionJournal.Open(new FlashJournalSlot(files, "journal-a"), new FlashJournalSlot(files, "journal-b"));
        Assert.Equal(1, journal.ReserveTrace());
        Assert.Equal(2, journal.ReserveTrace());
        journal.Compact(); // clears the other slot and rewrites the state there
        Assert.Equal(3, journal.ReserveTrace());
        var reopened = TransactionJournal.Open(new FlashJournalSlot(files, "journal-a"), new FlashJournalSlot(files, "journal-b"));
        // Trace numbers are never handed out twice across a power cycle.
        Assert.Equal(4, reopened.ReserveTrace());
    }
}
