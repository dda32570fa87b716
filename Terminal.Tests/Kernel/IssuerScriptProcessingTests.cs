using Xunit;
using CsCheck;
using Terminal.Tests.Tlv;
using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.DataObjects;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Util;
using static Terminal.Tests.Kernel.KernelTestSupport;

namespace Terminal.Tests.Kernel;

/// <summary>
/// Issuer script processing (EMV 4.4 Book 3, 10.10) and Issuer Script Results '9F5B' (Book 4, Annex A5) against
/// scripted and library cards. Expected values by hand: TVR B5b6 "script processing failed before final
/// GENERATE AC" = 00 00 00 00 20, B5b5 "... after" = 00 00 00 00 10; TSI B1b3 "script processing was performed"
/// = 04 00. '9F5B' per script: byte 1 = result (0 not performed, 1 failed, 2 successful) in b8-b5 and the
/// sequence number of the failing command in b4-b1 (1-E, F from 15), then the 4-byte '9F18' or zeros.
/// So a script that succeeded is 20 + id, one failed at its 2nd command 12 + id, one not performed 00 + id.
/// </summary>
public class IssuerScriptProcessingTests
{
    // Secured script commands as the host sends them (CLA 84, 8-byte MAC; the scripted card does not check MACs).
    private const string AppBlock = "841E000008" + "A1A2A3A4A5A6A7A8";        // 13 bytes
    private const string AppUnblock = "8418000008" + "B1B2B3B4B5B6B7B8";      // 13 bytes
    private const string PutData = "84DA9F1409" + "07" + "C1C2C3C4C5C6C7C8";  // 14 bytes
    private const string Id1 = "00000001";
    private const string Id2 = "00000002";
    private const string Id3 = "00000003";
    private const string Id4 = "00000004";

    /// <summary>A BER-TLV object, short or '81' length form (written out from Book 3 Annex B2).</summary>
    private static string Tlv(string tag, string value)
    {
        int length = value.Length / 2;
        return tag + (length < 0x80 ? length.ToString("X2") : "81" + length.ToString("X2")) + value;
    }

    /// <summary>A script template: optional 9F18, then one 86 per command.</summary>
    private static string Script(string tag, string id, params string[] commands) =>
        Tlv(tag, (id == null ? "" : Tlv("9F18", id)) + string.Concat(commands.Select(c => Tlv("86", c))));

    private sealed class Run
    {
        public Run(params string[] card)
        {
            Channel = Card(card);
            Processing = new IssuerScriptProcessing(new ApduTransport(Channel));
        }

        public ReplayChannel Channel { get; }
        public IssuerScriptProcessing Processing { get; }
        public TerminalVerificationResults Tvr { get; } = new();
        public TransactionStatusInformation Tsi { get; } = new();
        public string TvrHex => Hex.Encode(Tvr.ToArray());
        public string TsiHex => Hex.Encode(Tsi.ToArray());
        public string Results => Hex.Encode(Processing.Results);

        public Run Go(string hostData, int tag = 0x71)
        {
            Processing.Run(hostData == null ? null : Hex.Decode(hostData), tag, Tvr, Tsi);
            return this;
        }

        public Run Complete()
        {
            Channel.VerifyComplete();                    // every scripted command was sent, and no other
            return this;
        }
    }

    [Fact]
    public void Script_with_identifier_runs_every_command_in_order()
    {
        var run = new Run(PutData, "9000", AppUnblock, "9000").Go(Script("71", Id1, PutData, AppUnblock)).Complete();
        Assert.Equal("20" + Id1, run.Results);
        Assert.Equal("0000000000", run.TvrHex);
        Assert.Equal("0400", run.TsiHex);
    }

    [Fact]
    public void Script_without_identifier_reports_zeros()
    {
        var run = new Run(AppBlock, "9000").Go(Script("72", null, AppBlock), 0x72).Complete();
        Assert.Equal("20" + "00000000", run.Results);
    }

    // Book 3, 10.10: the failing script stops at its failing command (AppUnblock is never sent); the next
    // script still runs. 9F5B = 12 00000001 (failed at command 2) || 20 00000002.
    [Fact]
    public void Failure_at_command_2_stops_that_script_and_the_next_one_runs()
    {
        string host = Script("71", Id1, PutData, AppBlock, AppUnblock) + Script("71", Id2, AppUnblock);
        var run = new Run(PutData, "9000", AppBlock, "6985", AppUnblock, "9000").Go(host).Complete();
        Assert.Equal("12" + Id1 + "20" + Id2, run.Results);
        Assert.Equal("0000000020", run.TvrHex);
        Assert.Equal("0400", run.TsiHex);
    }

    [Fact]
    public void Failure_after_the_final_generate_ac_sets_tvr_b5b5()
    {
        var run = new Run(AppBlock, "6A88").Go(Script("72", Id2, AppBlock), 0x72).Complete();
        Assert.Equal("11" + Id2, run.Results);
        Assert.Equal("0000000010", run.TvrHex);
        Assert.Equal("0400", run.TsiHex);
    }

    // SW1 '90', '62', '63' mean processed (Book 3, 10.10; ISO 7816-4 warnings).
    [Theory]
    [InlineData("9000")]
    [InlineData("6200")]
    [InlineData("6283")]
    [InlineData("6300")]
    [InlineData("63C2")]
    public void Warnings_count_as_success(string sw)
    {
        var run = new Run(AppBlock, sw, AppUnblock, "9000").Go(Script("71", Id1, AppBlock, AppUnblock)).Complete();
        Assert.Equal("20" + Id1, run.Results);
        Assert.Equal("0000000000", run.TvrHex);
    }

    [Theory]
    [InlineData("6400")]
    [InlineData("6581")]
    [InlineData("6700")]
    [InlineData("6988")]
    [InlineData("6D00")]
    [InlineData("6E00")]
    [InlineData("6F00")]
    [InlineData("9100")]
    public void Other_status_words_fail_the_script(string sw)
    {
        var run = new Run(AppBlock, sw).Go(Script("71", Id1, AppBlock, AppUnblock)).Complete();
        Assert.Equal("11" + Id1, run.Results);
        Assert.Equal("0000000020", run.TvrHex);
    }

    // Sixteen case 1 commands (86 04 841E0000, 6 bytes each) + 9F18 = 103 value bytes, within 128. The failing
    // command's number goes to b4-b1: 1..14 as is (E = 14), F for the 15th and later.
    [Theory]
    [InlineData(1, "11")]
    [InlineData(2, "12")]
    [InlineData(14, "1E")]
    [InlineData(15, "1F")]
    [InlineData(16, "1F")]
    public void Sequence_number_of_the_failing_command(int failing, string byte1)
    {
        var commands = Enumerable.Repeat("841E0000", 16).ToArray();
        var card = new List<string>();
        for (int i = 1; i <= failing; i++) { card.Add("841E0000"); card.Add(i == failing ? "6985" : "9000"); }
        var run = new Run(card.ToArray()).Go(Script("71", Id1, commands)).Complete();
        Assert.Equal(byte1 + Id1, run.Results);
    }

    // Each malformed template fails before any of its commands is sent (result 1, sequence 0 unless a command is
    // the fault); the good script after it (9F18 = 0000000F, one command) still runs: || 20 0000000F.
    [Theory]
    [InlineData("860501", "10", "00000000")]                                                  // 86 overruns the template
    [InlineData("9F180400000001" + "8A023030" + "860D" + AppBlock, "10", Id1)]              // a tag other than 9F18 / 86
    [InlineData("9F1803AABBCC" + "860D" + AppBlock, "10", "00000000")]                      // 9F18 of 3 bytes
    [InlineData("9F180400000001", "10", Id1)]                                                 // no command
    [InlineData("", "10", "00000000")]                                                        // empty template
    [InlineData("860D" + AppBlock + "9F180400000001", "10", "00000000")]                      // 9F18 after a command
    [InlineData("9F180400000001" + "860D" + AppBlock + "8603841E00", "12", Id1)]            // command 2 is 3 bytes
    [InlineData("9F180400000001" + "8606841E00000001", "11", Id1)]                          // command 1: Lc 00 + data
    public void Malformed_template_fails_without_a_command_and_the_next_script_runs(string value, string byte1, string id)
    {
        string host = Tlv("71", value) + Script("71", "0000000F", AppUnblock);
        var run = new Run(AppUnblock, "9000").Go(host).Complete();
        Assert.Equal(byte1 + id + "20" + "0000000F", run.Results);
        Assert.Equal("0000000020", run.TvrHex);
        Assert.Equal("0400", run.TsiHex);
    }

    // A template cut off by the end of the host data fails; an unreadable header stops the scan.
    [Theory]
    [InlineData("7120" + "9F180400000001" + "860D" + AppBlock, "1000000000")]    // value runs past the end
    [InlineData("71", "1000000000")]                                                // no length
    [InlineData("7181", "1000000000")]                                              // long form without its byte
    [InlineData("9F", "")]                                                          // truncated tag of another object
    public void Template_cut_off_at_the_end_of_the_host_data(string tail, string expected)
    {
        var run = new Run(AppUnblock, "9000").Go(Script("71", "0000000F", AppUnblock) + tail).Complete();
        Assert.Equal("20" + "0000000F" + expected, run.Results);
        Assert.Equal(expected.Length == 0 ? "0000000000" : "0000000020", run.TvrHex);
    }

    // Encoded sizes: 3 commands + 9F18 = 7 + 3 x 15 = 52 value bytes, 54 encoded; 2 commands: 37 / 39; 1: 22 / 24.
    // Totals in order: 54, 108, 147, 171. Limit 128 or 108: the first two run; the third crosses the limit and it
    // and the fourth are not performed (00 + id, no TVR bit). Limit 107: only the first runs.
    [Theory]
    [InlineData(128, 2)]
    [InlineData(108, 2)]
    [InlineData(107, 1)]
    public void Scripts_beyond_the_total_length_limit_are_not_performed(int limit, int performed)
    {
        string host = Script("71", Id1, AppBlock, AppBlock, AppUnblock) + Script("71", Id2, AppBlock, AppBlock, AppUnblock)
            + Script("71", Id3, AppBlock, AppUnblock) + Script("71", Id4, AppBlock);
        Assert.Equal(54 + 54 + 39 + 24, host.Length / 2);
        var card = new List<string>();
        for (int s = 0; s < performed; s++) card.AddRange(new[] { AppBlock, "9000", AppBlock, "9000", AppUnblock, "9000" });
        var run = new Run(card.ToArray());
        run.Processing.MaxTotalScriptLength = limit;
        run.Go(host).Complete();
        string expected = "20" + Id1 + (performed == 2 ? "20" : "00") + Id2 + "00" + Id3 + "00" + Id4;
        Assert.Equal(expected, run.Results);
        Assert.Equal("0000000000", run.TvrHex);
    }

    // The limit counts the '71' templates before the '72' ones: 54 (71) + 54 (72) = 108 runs, + 24 = 132 does not.
    [Fact]
    public void The_limit_counts_both_templates()
    {
        string host = Script("71", Id1, AppBlock, AppBlock, AppUnblock) + Script("72", Id2, AppBlock, AppBlock, AppUnblock) + Script("72", Id3, AppBlock);
        var run = new Run(AppBlock, "9000", AppBlock, "9000", AppUnblock, "9000").Go(host, 0x72).Complete();
        Assert.Equal("20" + Id2 + "00" + Id3, run.Results);
        Assert.Equal(IssuerScriptProcessing.DefaultMaxTotalScriptLength, run.Processing.MaxTotalScriptLength);
    }

    // Only the requested template runs; other objects of the response (91, 8A) are ignored; results accumulate.
    [Fact]
    public void Seventy_one_and_seventy_two_in_one_response_run_at_their_own_time()
    {
        string host = Tlv("91", "11223344556677883030") + Script("72", Id2, AppBlock) + Tlv("8A", "3030") + Script("71", Id1, PutData, AppUnblock);
        var run = new Run(PutData, "9000", AppUnblock, "9000", AppBlock, "6985");
        run.Go(host, 0x71);
        Assert.Equal(2, run.Channel.Position);                 // only the two '71' commands
        Assert.Equal("20" + Id1, run.Results);
        Assert.Equal("0000000000", run.TvrHex);
        run.Go(host, 0x72).Complete();
        Assert.Equal("20" + Id1 + "11" + Id2, run.Results);
        Assert.Equal("0000000010", run.TvrHex);                // the '72' failure only: B5b5, not B5b6
        Assert.Equal("0400", run.TsiHex);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("910A11223344556677883030" + "8A023030")]
    public void Without_scripts_of_the_tag_nothing_happens(string host)
    {
        var run = new Run().Go(host).Go(host == null ? null : host + "7200", 0x71).Complete();
        Assert.Equal("", run.Results);
        Assert.Equal("0000000000", run.TvrHex);
        Assert.Equal("0000", run.TsiHex);
    }

    [Fact]
    public void Card_removed_during_a_script_ends_the_session_with_the_script_recorded_as_failed()
    {
        var run = new Run(PutData, "9000", AppBlock, "9000");
        run.Channel.RemoveCardBeforeStep(2);
        var e = Terminated(() => run.Go(Script("71", Id1, PutData, AppBlock) + Script("71", Id2, AppUnblock)));
        Assert.Equal(KernelTerminationReason.CardRemoved, e.Reason);
        Assert.Equal("12" + Id1, run.Results);
        Assert.Equal("0000000020", run.TvrHex);
        Assert.Equal("0400", run.TsiHex);
    }

    [Fact]
    public void Template_tag_must_be_71_or_72()
    {
        var processing = new IssuerScriptProcessing(new ApduTransport(Card()));
        Assert.Throws<ArgumentException>(() => processing.Run(new byte[0], 0x73, new TerminalVerificationResults(), new TransactionStatusInformation()));
        Assert.Throws<ArgumentOutOfRangeException>(() => processing.MaxTotalScriptLength = -1);
    }

    // cards/visa-issuer-scripts.card: online approval with a '71' script (PUT DATA 9F14 = 07) before the second
    // GENERATE AC and a '72' script (APPLICATION BLOCK) after it, both MACed by the host with the SMI session key.
    // The card applies both: lower consecutive offline limit 7, application blocked. TSI 14 00 = issuer
    // authentication (10) + script processing (04); TVR stays 0000000000 as the card statement says.
    [Fact]
    public void Library_card_applies_both_scripts()
    {
        OnlineCard online = OnlineCard.Load("visa-issuer-scripts");
        var tvr = new TerminalVerificationResults();
        var tsi = new TransactionStatusInformation();
        byte[] iad = online.IssuerAuthenticationData();
        Assert.Equal(IssuerAuthenticationResult.Passed,
            IssuerAuthentication.Run(online.Transport, new ApplicationInterchangeProfile(online.App.Aip), iad, tvr, tsi));
        string host = Tlv("91", Hex.Encode(iad)) + Script("71", "00000071", online.ScriptCommand("84DA9F14", "07"))
            + Script("72", "00000072", online.ScriptCommand("841E0000"));
        var scripts = new IssuerScriptProcessing(online.Transport);

        scripts.Run(Hex.Decode(host), 0x71, tvr, tsi);
        Assert.Equal(7, online.App.LowerConsecutiveOfflineLimit);
        Assert.Equal(0x40, online.SecondGenerateAc(iad, Hex.Encode(tvr.ToArray())) & 0xC0);   // TC
        Assert.False(online.App.Blocked);
        scripts.Run(Hex.Decode(host), 0x72, tvr, tsi);

        Assert.True(online.App.Blocked);
        Assert.Equal("20" + "00000071" + "20" + "00000072", Hex.Encode(scripts.Results));
        Assert.Equal("0000000000", Hex.Encode(tvr.ToArray()));
        Assert.Equal("1400", Hex.Encode(tsi.ToArray()));
    }

    // A script command whose MAC does not verify: the card answers 6988 (secure messaging data incorrect), the
    // script fails at command 1 and the application is not blocked.
    [Fact]
    public void Library_card_refuses_a_script_with_a_bad_mac()
    {
        OnlineCard online = OnlineCard.Load("visa-issuer-scripts");
        var tvr = new TerminalVerificationResults();
        var tsi = new TransactionStatusInformation();
        byte[] command = Hex.Decode(online.ScriptCommand("841E0000"));
        command[^1] ^= 0x01;
        var scripts = new IssuerScriptProcessing(online.Transport);
        scripts.Run(Hex.Decode(Script("71", Id1, Hex.Encode(command))), 0x71, tvr, tsi);
        Assert.False(online.App.Blocked);
        Assert.Equal("11" + Id1, Hex.Encode(scripts.Results));
        Assert.Equal("0000000020", Hex.Encode(tvr.ToArray()));
        Assert.Equal("0400", Hex.Encode(tsi.ToArray()));
    }

    // ----- fuzz -----

    /// <summary>A card answering each command with a status word (or data) chosen by a seed, or gone.</summary>
    private sealed class FuzzCard(int seed) : ICardChannel
    {
        private static readonly string[] Answers = { "9000", "9000", "6283", "6300", "6985", "6A88", "9100", "01029000", "6110", "6C08", "90" };
        private readonly Random _random = new(seed);

        public byte[] Transmit(byte[] command)
        {
            int pick = _random.Next(Answers.Length + 1);
            if (pick == Answers.Length) throw new CardRemovedException(CardRemovedReason.Removed);
            return Hex.Decode(Answers[pick]);
        }
    }

    private static readonly Gen<string> Command = TlvGen.Weighted(
        (3, Gen.OneOf<string>(AppBlock, "841E0000", PutData)),
        (1, TlvGen.ArrayOf(Gen.Byte, 0, 20).Select(b => Hex.Encode(b))));

    private static readonly Gen<string> Item = TlvGen.Weighted(
        (4, Command.Select(c => Tlv("86", c))),
        (1, TlvGen.ArrayOf(Gen.Byte, 0, 6).Select(b => Tlv("9F18", Hex.Encode(b)))),
        (1, TlvGen.ArrayOf(Gen.Byte, 0, 8).Select(b => Hex.Encode(b))));

    private static readonly Gen<string> Template = Gen.Select(Gen.OneOf<string>("71", "72", "91", "8A"),
        TlvGen.ArrayOf(Item, 0, 6), (tag, items) => Tlv(tag, string.Concat(items)));

    private static readonly Gen<byte[]> HostData = TlvGen.Weighted(
        (1, TlvGen.ArrayOf(Gen.Byte, 0, 300)),
        (3, TlvGen.ArrayOf(Template, 0, 5).Select(t => Hex.Decode(string.Concat(t)))),
        (2, Gen.Select(TlvGen.ArrayOf(Template, 1, 4), Gen.Int[0, 1000], Gen.Byte, Gen.Int[0, 1000], (t, at, b, cut) =>
        {
            byte[] data = Hex.Decode(string.Concat(t));
            if (data.Length == 0) return data;
            data[at % data.Length] = b;                      // one byte changed
            return data[..(data.Length - cut % (data.Length + 1) / 4)];   // sometimes cut short
        })));

    // No input escapes as anything but KernelTerminatedException (card errors); the results stay well formed:
    // 5 bytes per script, result 0/1/2, a sequence number only on failures; only TVR B5b6/B5b5 and TSI B1b3 move.
    [Fact]
    public void Random_host_data_and_card_answers_never_escape()
    {
        Gen.Select(HostData, Gen.Int, Gen.Bool, Gen.Int[0, 300]).Sample((host, seed, first, limit) =>
        {
            var processing = new IssuerScriptProcessing(new ApduTransport(new FuzzCard(seed))) { MaxTotalScriptLength = limit };
            var tvr = new TerminalVerificationResults();
            var tsi = new TransactionStatusInformation();
            try
            {
                processing.Run(host, first ? 0x71 : 0x72, tvr, tsi);
            }
            catch (KernelTerminatedException)
            {
            }
            byte[] results = processing.Results;
            if (results.Length % 5 != 0) return false;
            for (int i = 0; i < results.Length; i += 5)
            {
                int result = results[i] >> 4;
                int sequence = results[i] & 0x0F;
                if (result > 2 || (result != 1 && sequence != 0)) return false;
            }
            byte[] v = tvr.ToArray();
            if (v[0] != 0 || v[1] != 0 || v[2] != 0 || v[3] != 0 || (v[4] & ~(first ? 0x20 : 0x10)) != 0) return false;
            byte[] s = tsi.ToArray();
            return (s[0] & ~0x04) == 0 && s[1] == 0;
        }, iter: FuzzIterations.Value / 10);
    }
}
