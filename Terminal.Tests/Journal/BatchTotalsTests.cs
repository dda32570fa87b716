using Terminal.Firmware.Core.Journal;
using Xunit;
using static Terminal.Tests.Journal.JournalTestKit;

namespace Terminal.Tests.Journal;

/// <summary>Totals by scheme and currency from a batch with every kind and outcome; expected numbers by hand.</summary>
public class BatchTotalsTests
{
    private static TransactionJournal Batch()
    {
        TransactionJournal j = TransactionJournal.Open(new MemoryJournalStorage(), new MemoryJournalStorage());
        void Online(TransactionKind kind, CardScheme scheme, long amount, string currency, string outcome)
        {
            int t = j.ReserveTrace();
            JournalTransaction tx = JournalTestKit.Online(t, kind, scheme, amount, currency);
            if (kind == TransactionKind.Void) tx.OriginalTrace = 1;
            j.RecordRequest(tx);
            if (outcome == "approved") j.MarkApproved(t, "000000000000", "A00000", "00");
            else if (outcome == "declined") j.MarkDeclined(t, "05");
            else if (outcome == "reversed") { j.MarkReversalNeeded(t, "98", null); j.MarkReversed(t); }
            else if (outcome == "card-declined") { j.MarkApproved(t, "000000000000", "A00000", "00"); j.MarkReversalNeeded(t, "06", null); }
        }
        void Offline(TransactionKind kind, CardScheme scheme, long amount, string currency, bool advised)
        {
            int t = j.ReserveTrace();
            j.RecordAdvice(JournalTestKit.Offline(t, kind, scheme, amount, currency));
            if (advised) j.MarkAdvised(t);
        }
        Online(TransactionKind.Sale, CardScheme.Visa, 1000, "978", "approved");         // trace 1
        Online(TransactionKind.Sale, CardScheme.Visa, 2500, "978", "approved");
        Online(TransactionKind.Refund, CardScheme.Visa, 300, "978", "approved");
        Online(TransactionKind.Void, CardScheme.Visa, 1000, "978", "approved");         // voids trace 1
        Online(TransactionKind.Sale, CardScheme.Visa, 450, "978", "declined");          // not counted
        Online(TransactionKind.Sale, CardScheme.Visa, 800, "978", "reversed");          // not counted
        Online(TransactionKind.Sale, CardScheme.Visa, 650, "978", "card-declined");     // reversal pending: not counted
        Online(TransactionKind.Sale, CardScheme.Visa, 900, "978", "in-flight");         // not counted
        Offline(TransactionKind.Sale, CardScheme.Visa, 700, "978", false);             // advice pending: counted
        Online(TransactionKind.Sale, CardScheme.Mastercard, 5000, "978", "approved");
        Online(TransactionKind.Sale, CardScheme.UnionPay, 8800, "156", "approved");
        Online(TransactionKind.Completion, CardScheme.UnionPay, 1200, "156", "approved");
        Online(TransactionKind.PreAuthorization, CardScheme.UnionPay, 3000, "156", "approved"); // holds, never settles
        Offline(TransactionKind.Refund, CardScheme.UnionPay, 500, "156", true);        // UnionPay refund is a 0220
        Online(TransactionKind.Sale, CardScheme.Visa, 100, "156", "approved");
        return j;
    }

    [Fact]
    public void Totals_by_scheme_and_currency()
    {
        BatchTotals totals = Batch().Totals();
        // Groups in order of first counted appearance: Visa/978, Mastercard/978, UnionPay/156, Visa/156.
        Assert.Equal(4, totals.Count);
        BatchTotalsEntry visa = totals[0];
        Assert.Equal(CardScheme.Visa, visa.Scheme);
        Assert.Equal("978", visa.Currency);
        // Debits: 1000 + 2500 + 700 (offline) = 4200 in 3; credit: refund 300; void: 1000; net 4200 - 1000 - 300.
        Assert.Equal((3, 4200L), (visa.DebitCount, visa.DebitAmount));
        Assert.Equal((1, 300L), (visa.CreditCount, visa.CreditAmount));
        Assert.Equal((1, 1000L), (visa.VoidCount, visa.VoidAmount));
        Assert.Equal(2900, visa.NetAmount);
        BatchTotalsEntry mc = totals.Find(CardScheme.Mastercard, "978");
        Assert.Equal((1, 5000L, 0, 0L), (mc.DebitCount, mc.DebitAmount, mc.CreditCount, mc.CreditAmount));
        // UnionPay/156: sale 8800 + completion 1200 = 10000 in 2; the refund advice 500 in 1; the pre-authorization not at all.
        BatchTotalsEntry cup = totals.Find(CardScheme.UnionPay, "156");
        Assert.Equal((2, 10000L, 1, 500L, 0), (cup.DebitCount, cup.DebitAmount, cup.CreditCount, cup.CreditAmount, cup.VoidCount));
        BatchTotalsEntry visaCny = totals.Find(CardScheme.Visa, "156");
        Assert.Equal((1, 100L), (visaCny.DebitCount, visaCny.DebitAmount));
        Assert.Null(totals.Find(CardScheme.Amex, "978"));
    }

    [Fact]
    public void Dialect_A_reconciliation_fields_for_one_currency()
    {
        var g = Batch().Totals().ToGeneric87("978");
        // 978: debits Visa 3 / 4200 + Mastercard 1 / 5000 = 4 / 9200; debit reversals = the void 1 / 1000;
        // credits = the refund 1 / 300; credit reversals 0.
        Assert.Equal((4L, 9200L), (g.DebitsNumber, g.DebitsAmount));
        Assert.Equal((1L, 1000L), (g.DebitsReversalNumber, g.DebitsReversalAmount));
        Assert.Equal((1L, 300L), (g.CreditsNumber, g.CreditsAmount));
        Assert.Equal((0L, 0L), (g.CreditsReversalNumber, g.CreditsReversalAmount));
        // DE 97: (9200 - 1000) - (300 - 0) = 7900, owed to the merchant: C + 16 digits.
        Assert.Equal("C0000000000007900", g.NetSettlement());
    }

    [Fact]
    public void UnionPay_field_48_for_one_currency()
    {
        var f48 = Batch().Totals().ToUnionPay("156");
        // Domestic (UnionPay cards): debit 10000 in 2, credit 500 in 1, result 0 (request).
        // Foreign (the Visa card in CNY): debit 100 in 1, no credit.
        Assert.Equal("000000010000" + "002" + "000000000500" + "001" + "0"
                   + "000000000100" + "001" + "000000000000" + "000" + "0", f48.Compose());
    }

    [Fact]
    public void A_batch_with_nothing_counted_has_no_groups_and_zero_fields()
    {
        TransactionJournal j = TransactionJournal.Open(new MemoryJournalStorage(), new MemoryJournalStorage());
        Assert.Equal(0, j.Totals().Count);
        Assert.Equal("C0000000000000000", j.Totals().ToGeneric87("978").NetSettlement());
        Assert.Equal(new string('0', 62), j.Totals().ToUnionPay("156").Compose());
    }
}
