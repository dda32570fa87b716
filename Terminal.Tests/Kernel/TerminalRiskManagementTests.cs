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
/// Terminal risk management (EMV 4.4 Book 3, 10.6) against scripted cards. Expected TVR / TSI values are
/// written by hand from Book 3 Annex C5: TVR B1b5 = 10 00 00 00 00 (exception file), B2b4 = 00 08 00 00 00
/// (new card), B4b8 = 00 00 00 80 00 (floor limit), B4b7 = 40 / B4b6 = 20 (lower / upper consecutive offline
/// limit), B4b5 = 10 (random selection); TSI B1b4 = 08 00 (terminal risk management performed).
/// GET DATA is 80 CA P1 P2 00 with P1 P2 = the tag (Book 3, 6.5.7).
/// </summary>
public class TerminalRiskManagementTests
{
    private const string Pan = "4761739001010010";
    private const string GetAtc = "80CA9F3600";
    private const string GetLastOnlineAtc = "80CA9F1300";
    private const string Performed = "0800";
    private const string Clean = "0000000000";

    private sealed class FixedRandom(int value) : ITransactionRandom
    {
        public int Calls { get; private set; }
        public int NextPercent() { Calls++; return value; }
    }

    private sealed class Log(string pan, long amount) : ITransactionLog
    {
        public long RecentApprovedAmount(byte[] p) => Hex.Encode(p) == pan ? amount : 0;
    }

    private sealed class HotList(string pan, string psn) : IExceptionFile
    {
        public bool Contains(byte[] p, byte[] s) => Hex.Encode(p) == pan && (s == null ? null : Hex.Encode(s)) == psn;
    }

    private sealed class Run
    {
        public ReplayChannel Channel { get; init; }
        public TerminalRiskManagement Trm { get; init; }
        public CardData Card { get; init; }
        public TerminalVerificationResults Tvr { get; } = new();
        public TransactionStatusInformation Tsi { get; } = new();
        public string TvrHex => Hex.Encode(Tvr.ToArray());
        public string TsiHex => Hex.Encode(Tsi.ToArray());

        public Run Go()
        {
            Trm.Run(Tvr, Tsi);
            Assert.True(Channel.IsComplete, "every scripted command was sent");
            return this;
        }
    }

    /// <summary>Amount in minor units as n 12 ('9F02'), floor limit as b 4 ('9F1B'), optional LCOL / UCOL, and the card script.</summary>
    private static Run Prepare(long amount, long floorLimit, string lcol = null, string ucol = null, params string[] script)
    {
        var terminal = new TerminalData();
        terminal.Set(0x9F02, Hex.Decode(amount.ToString("D12")));
        terminal.Set(0x9F1B, Hex.Decode(floorLimit.ToString("X8")));
        var card = new CardData();
        card.Set(0x5A, Hex.Decode(Pan));
        card.Set(0x5F34, Hex.Decode("01"));
        if (lcol != null) card.Set(0x9F14, Hex.Decode(lcol));
        if (ucol != null) card.Set(0x9F23, Hex.Decode(ucol));
        var channel = Card(script);
        return new Run { Channel = channel, Card = card, Trm = new TerminalRiskManagement(new ApduTransport(channel), terminal, card) };
    }

    // Floor limit 10000 = '00002710'. Book 3, 10.6.1: amount >= floor limit sets B4b8.
    [Theory]
    [InlineData(9999, Clean)]
    [InlineData(10000, "0000008000")]
    [InlineData(10001, "0000008000")]
    public void Floor_limit_is_exceeded_from_the_limit_up(long amount, string tvr)
    {
        var run = Prepare(amount, 10000).Go();
        Assert.Equal(tvr, run.TvrHex);
        Assert.Equal(Performed, run.TsiHex);
    }

    // Split sales: 6000 now + 4000 logged for the same PAN = 10000 >= 10000 -> B4b8; 3999 logged -> 9999 -> clean.
    [Theory]
    [InlineData(Pan, 4000, "0000008000")]
    [InlineData(Pan, 3999, Clean)]
    [InlineData("5413330089020011", 9000, Clean)] // another card's sale does not count
    public void Split_sales_add_the_last_approved_amount_for_the_same_pan(string loggedPan, long logged, string tvr)
    {
        var run = Prepare(6000, 10000);
        run.Trm.TransactionLog = new Log(loggedPan, logged);
        Assert.Equal(tvr, run.Go().TvrHex);
    }

    // Book 3, 10.6.2 with floor 10000, threshold 5000, target 20 %, maximum 80 %:
    //   4999 < threshold: selected when R <= 20.
    //   5000: TTP = 20 + 60 * 0 / 5000 = 20.
    //   7500: TTP = 20 + 60 * 2500 / 5000 = 20 + 30 = 50.
    //   7501: TTP = 20 + 60 * 2501 / 5000 = 20 + 30.012 = 50.012 -> R 50 selected, 51 not.
    //   9999: TTP = 20 + 60 * 4999 / 5000 = 20 + 59.988 = 79.988 -> R 79 selected, 80 not.
    // Selected sets B4b5 = byte 4 '10'.
    [Theory]
    [InlineData(1, 1, true)]
    [InlineData(4999, 20, true)]
    [InlineData(4999, 21, false)]
    [InlineData(5000, 20, true)]
    [InlineData(5000, 21, false)]
    [InlineData(7500, 50, true)]
    [InlineData(7500, 51, false)]
    [InlineData(7501, 50, true)]
    [InlineData(7501, 51, false)]
    [InlineData(9999, 79, true)]
    [InlineData(9999, 80, false)]
    public void Random_selection_interpolates_between_threshold_and_floor_limit(long amount, int random, bool selected)
    {
        var run = Prepare(amount, 10000);
        run.Trm.Random = new FixedRandom(random);
        run.Trm.Threshold = 5000;
        run.Trm.TargetPercent = 20;
        run.Trm.MaxTargetPercent = 80;
        Assert.Equal(selected ? "0000001000" : Clean, run.Go().TvrHex);
    }

    // The truncating long division agrees with the exact rule: for threshold <= amount < floor,
    // R <= TP + (MTP - TP)(A - T)/(F - T)  <=>  (R - TP)(F - T) <= (MTP - TP)(A - T), since F - T > 0.
    [Fact]
    public void Random_selection_matches_the_exact_rational_rule()
    {
        Gen.Select(Gen.Long[1, 0xFFFFFFFFL], Gen.Long[0, 0xFFFFFFFFL], Gen.Long[0, 0xFFFFFFFFL], Gen.Int[0, 99], Gen.Int[0, 99], Gen.Int[1, 99])
            .Sample((floor, threshold, amount, tp, extra, r) =>
            {
                int mtp = Math.Min(99, tp + extra);
                bool expected = amount < floor
                    && (amount < threshold ? r <= tp : (long)(r - tp) * (floor - threshold) <= (long)(mtp - tp) * (amount - threshold));
                return TerminalRiskManagement.IsSelected(amount, floor, threshold, tp, mtp, r) == expected;
            }, iter: FuzzIterations.Value / 10);
    }

    // At and above the floor limit only B4b8 is set, and no random number is drawn.
    [Theory]
    [InlineData(10000)]
    [InlineData(10001)]
    public void Amounts_from_the_floor_limit_are_not_randomly_selected(long amount)
    {
        var run = Prepare(amount, 10000);
        var random = new FixedRandom(1);
        run.Trm.Random = random;
        run.Trm.Threshold = 5000;
        run.Trm.TargetPercent = 99;
        run.Trm.MaxTargetPercent = 99;
        Assert.Equal("0000008000", run.Go().TvrHex);
        Assert.Equal(0, random.Calls);
    }

    [Fact]
    public void Target_percentage_zero_never_selects()
    {
        var run = Prepare(100, 10000);
        run.Trm.Random = new FixedRandom(1);
        Assert.Equal(Clean, run.Go().TvrHex);
    }

    // Book 3, 10.6.3 with LCOL 3 and UCOL 5, Last Online ATC '0010':
    //   ATC 0012 -> 2 offline, 0013 -> 3 (= LCOL, not exceeded), 0014 -> 4 > 3 -> B4b7 '40',
    //   0015 -> 5 (= UCOL) -> '40', 0016 -> 6 > 5 -> B4b7 + B4b6 '60'; ATC = LOATC -> both '60'.
    [Theory]
    [InlineData("0012", Clean)]
    [InlineData("0013", Clean)]
    [InlineData("0014", "0000004000")]
    [InlineData("0015", "0000004000")]
    [InlineData("0016", "0000006000")]
    [InlineData("0010", "0000006000")]
    [InlineData("000F", "0000006000")]
    public void Velocity_compares_offline_transactions_with_both_limits(string atc, string tvr)
    {
        var run = Prepare(100, 10000, "03", "05",
            GetAtc, "9F3602" + atc + "9000",
            GetLastOnlineAtc, "9F130200109000").Go();
        Assert.Equal(tvr, run.TvrHex);
        Assert.Equal(Performed, run.TsiHex);
        Assert.Equal(Convert.ToInt32(atc, 16), run.Trm.Atc);
        Assert.Equal(0x10, run.Trm.LastOnlineAtc);
    }

    // Either counter not returned (status, wrong tag, wrong length, not TLV) -> both B4b7 and B4b6.
    [Theory]
    [InlineData("9F3602001A9000", "6A88")]
    [InlineData("6A88", "9F130200109000")]
    [InlineData("6A81", "6A81")]
    [InlineData("9F3602001A9000", "9F360200109000")]
    [InlineData("9F3601019000", "9F130200109000")]
    [InlineData("9F36029000", "9F130200109000")]
    public void Missing_counters_set_both_consecutive_offline_bits(string atcAnswer, string loatcAnswer)
    {
        var run = Prepare(100, 10000, "03", "05", GetAtc, atcAnswer, GetLastOnlineAtc, loatcAnswer).Go();
        Assert.Equal("0000006000", run.TvrHex);
        Assert.Equal(Performed, run.TsiHex);
    }

    // Last Online ATC Register 0 -> B2b4 "New card"; ATC 1 is 1 offline transaction, under both limits.
    [Fact]
    public void Last_online_atc_zero_is_a_new_card()
    {
        var run = Prepare(100, 10000, "03", "05",
            GetAtc, "9F360200019000",
            GetLastOnlineAtc, "9F130200009000").Go();
        Assert.Equal("0008000000", run.TvrHex);
    }

    // Without both 9F14 and 9F23 no GET DATA is sent (the empty script refuses any command).
    [Theory]
    [InlineData("03", null)]
    [InlineData(null, "05")]
    public void Velocity_needs_both_limits(string lcol, string ucol)
    {
        var run = Prepare(100, 10000, lcol, ucol).Go();
        Assert.Equal(Clean, run.TvrHex);
        Assert.Equal(-1, run.Trm.Atc);
    }

    // PAN + PSN on the exception file -> B1b5.
    [Theory]
    [InlineData(Pan, "01", "1000000000")]
    [InlineData(Pan, "02", Clean)]
    [InlineData("5413330089020011", "01", Clean)]
    public void Exception_file_hit_sets_B1b5(string listedPan, string listedPsn, string tvr)
    {
        var run = Prepare(100, 10000);
        run.Trm.ExceptionFile = new HotList(listedPan, listedPsn);
        Assert.Equal(tvr, run.Go().TvrHex);
    }

    [Fact]
    public void Card_removed_during_get_data_terminates()
    {
        var run = Prepare(100, 10000, "03", "05",
            GetAtc, "9F3602001A9000",
            GetLastOnlineAtc, "9F130200109000");
        run.Channel.RemoveCardBeforeStep(2);
        var e = Terminated(() => run.Trm.Run(run.Tvr, run.Tsi));
        Assert.Equal(KernelTerminationReason.CardRemoved, e.Reason);
        Assert.Equal("0000", run.TsiHex);
    }

    [Fact]
    public void Malformed_response_apdu_terminates()
    {
        var run = Prepare(100, 10000, "03", "05", GetAtc, "90");
        var e = Terminated(() => run.Trm.Run(run.Tvr, run.Tsi));
        Assert.Equal(KernelTerminationReason.InvalidCardResponse, e.Reason);
    }

    [Fact]
    public void Bad_terminal_data_is_refused_before_any_bit()
    {
        // Amount, Authorised with a nibble 'A' is not n 12.
        var terminal = new TerminalData();
        terminal.Set(0x9F02, Hex.Decode("00000000010A"));
        terminal.Set(0x9F1B, Hex.Decode("00002710"));
        var trm = new TerminalRiskManagement(new ApduTransport(Card()), terminal, new CardData());
        var tvr = new TerminalVerificationResults();
        Assert.Throws<ArgumentException>(() => trm.Run(tvr, new TransactionStatusInformation()));

        var badTarget = Prepare(100, 10000);
        badTarget.Trm.Random = new FixedRandom(1);
        badTarget.Trm.TargetPercent = 50;
        badTarget.Trm.MaxTargetPercent = 40;
        Assert.Throws<ArgumentException>(() => badTarget.Trm.Run(badTarget.Tvr, badTarget.Tsi));
        Assert.Equal(Clean, badTarget.TvrHex);
    }
}
