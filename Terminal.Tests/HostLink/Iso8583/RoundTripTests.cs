using CsCheck;
using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Xunit;

namespace Terminal.Tests.HostLink.Iso8583;

/// <summary>
/// Every message type of both dialects, built by the builders (requests) and by the response helpers (answers),
/// goes pack -> parse -> same MTI, header and fields, and packs again to the same bytes. The builders' field
/// choices are checked against the transaction-type tables (docs/host-protocol.md).
/// </summary>
public class RoundTripTests
{
    private static void RoundTrip(Iso8583Dialect dialect, Iso8583Message m)
    {
        byte[] packed = dialect.Pack(m);
        Iso8583Message back = dialect.Parse(packed);
        Assert.True(back.ContentEquals(m), "round trip changed " + m.Mti + ": " + m + " / " + back);
        Assert.Equal(Hex.Encode(packed), Hex.Encode(dialect.Pack(back)));
        byte[] framed = LengthPrefixFrame.Wrap(packed);
        Assert.True(dialect.Parse(LengthPrefixFrame.Unwrap(framed)).ContentEquals(m));
    }

    private static Iso8583Message WithMac(Iso8583Message m, int field)
    {
        m.SetBytes(field, Hex.Decode("0102030405060708"));
        return m;
    }

    public static IEnumerable<object[]> GenericMessages()
    {
        var t = Iso8583TestData.GenericCard();
        var auth = Generic87Messages.Authorization(t);
        var sale = Generic87Messages.Sale(t);
        var saleAnswer = Generic87Messages.Response(sale, "00");
        saleAnswer.SetString(37, "506712345678");
        saleAnswer.SetString(38, "A1B2C3");
        saleAnswer.SetBytes(55, Hex.Decode("910A11223344556677883030"));
        var approved = sale.Clone();
        approved.CopyFields(saleAnswer, new[] { 37, 38, 39 });
        var reversal = Generic87Messages.Reversal(sale, 124, "0315103115", "68");
        var advice = Generic87Messages.Advice(t);
        var totals = new Generic87Totals { CreditsNumber = 1, CreditsAmount = 500, DebitsNumber = 3, DebitsAmount = 4500, DebitsReversalNumber = 1, DebitsReversalAmount = 1000 };
        var recon = Generic87Messages.Reconciliation(t, totals);
        var upload = Generic87Messages.BatchUpload(approved, 140, "0315180100");
        var signOn = Generic87Messages.NetworkManagement(t, Generic87Messages.NetworkSignOn);
        var keyAnswer = Generic87Messages.Response(Generic87Messages.NetworkManagement(t, Generic87Messages.NetworkKeyChange), "00");
        keyAnswer.SetBytes(62, Hex.Decode("00112233445566778899AABBCCDDEEFF01020304"));
        var balanceAnswer = Generic87Messages.Response(Generic87Messages.BalanceInquiry(t), "00");
        balanceAnswer.SetString(54, "1002978C000000012345");
        var adviceRepeat = advice.Clone();
        adviceRepeat.Mti = MessageTypes.RepeatOf(advice.Mti);
        var reversalRepeat = reversal.Clone();
        reversalRepeat.Mti = MessageTypes.RepeatOf(reversal.Mti);
        var list = new (string, Iso8583Message)[]
        {
            ("0100 authorization", WithMac(auth, 64)),
            ("0110", Generic87Messages.Response(auth, "00")),
            ("0200 sale", WithMac(sale, 64)),
            ("0210", saleAnswer),
            ("0200 refund", Generic87Messages.Refund(t)),
            ("0200 balance", Generic87Messages.BalanceInquiry(t)),
            ("0210 balance", balanceAnswer),
            ("0220 advice", advice),
            ("0221 advice repeat", adviceRepeat),
            ("0230", Generic87Messages.Response(advice, "00")),
            ("0400 reversal", WithMac(reversal, 128)),
            ("0401 reversal repeat", reversalRepeat),
            ("0410", Generic87Messages.Response(reversal, "00")),
            ("0500 reconciliation", WithMac(recon, 128)),
            ("0510", Generic87Messages.Response(recon, "95")),
            ("0320 batch upload", upload),
            ("0330", Generic87Messages.Response(upload, "00")),
            ("0800 sign-on", signOn),
            ("0800 sign-off", Generic87Messages.NetworkManagement(t, Generic87Messages.NetworkSignOff)),
            ("0800 echo", Generic87Messages.NetworkManagement(t, Generic87Messages.NetworkEchoTest)),
            ("0810 key exchange", keyAnswer),
        };
        foreach (var (name, m) in list) yield return new object[] { name, m };
    }

    public static IEnumerable<object[]> UnionPayMessages_()
    {
        var h = Iso8583TestData.UnionPayHeader();
        var t = Iso8583TestData.UnionPayCard();
        var signOn = UnionPayMessages.SignOn(h, t, "001", UnionPayMessages.NetSignOnDoubleKeys);
        var signOnAnswer = UnionPayMessages.Response(signOn, "00");
        signOnAnswer.SetBytes(62, UnionPayWorkingKeys.Compose(new byte[16], new byte[4], new byte[16], new byte[4], null, null));
        var sale = UnionPayMessages.Sale(h, t);
        var saleAnswer = UnionPayMessages.Response(sale, "00");
        saleAnswer.SetString(12, "093015");
        saleAnswer.SetString(13, "0316");
        saleAnswer.SetString(37, "093015000008");
        saleAnswer.SetString(38, "123456");
        saleAnswer.SetString(63, "CUP");
        var balanceAnswer = UnionPayMessages.Response(UnionPayMessages.BalanceInquiry(h, t), "00");
        balanceAnswer.SetString(54, "1002156C000000012345");
        var totals = new UnionPaySettlementTotals(new UnionPayCardTotals(12345, 3, 1000, 1, 0), new UnionPayCardTotals(0, 0, 0, 0, 0));
        var settle = UnionPayMessages.Settlement(h, t, totals, "001");
        var settleAnswer = UnionPayMessages.Response(settle, "00");
        settleAnswer.SetString(48, new UnionPaySettlementTotals(new UnionPayCardTotals(12345, 3, 1000, 1, 2), new UnionPayCardTotals(0, 0, 0, 0, 1)).Compose());
        var upload = UnionPayMessages.BatchUpload(h, t, "01" + "00" + "6212345678901234567 ".Replace(" ", "0") + "000000000100", UnionPayMessages.NetSettlement);
        var list = new (string, Iso8583Message)[]
        {
            ("0800 sign-on", signOn),
            ("0810 sign-on", signOnAnswer),
            ("0820 sign-off", UnionPayMessages.SignOff(h, t)),
            ("0830 sign-off", UnionPayMessages.Response(UnionPayMessages.SignOff(h, t), "00")),
            ("0820 echo", UnionPayMessages.EchoTest(h, t)),
            ("0830 echo", UnionPayMessages.Response(UnionPayMessages.EchoTest(h, t), "00")),
            ("0200 sale", WithMac(sale, 64)),
            ("0210 sale", WithMac(saleAnswer, 64)),
            ("0200 void", WithMac(UnionPayMessages.Void(h, t), 64)),
            ("0210 void", UnionPayMessages.Response(UnionPayMessages.Void(h, t), "00")),
            ("0220 refund", WithMac(UnionPayMessages.Refund(h, t), 64)),
            ("0230 refund", UnionPayMessages.Response(UnionPayMessages.Refund(h, t), "00")),
            ("0200 balance", UnionPayMessages.BalanceInquiry(h, t)),
            ("0210 balance", balanceAnswer),
            ("0100 pre-authorization", UnionPayMessages.PreAuthorization(h, t)),
            ("0110 pre-authorization", UnionPayMessages.Response(UnionPayMessages.PreAuthorization(h, t), "00")),
            ("0200 completion", UnionPayMessages.PreAuthorizationCompletion(h, t)),
            ("0220 completion advice", UnionPayMessages.PreAuthorizationCompletionAdvice(h, t)),
            ("0400 reversal", WithMac(UnionPayMessages.Reversal(sale, UnionPayMessages.ReversalNoResponse), 64)),
            ("0410 reversal", UnionPayMessages.Response(UnionPayMessages.Reversal(sale, UnionPayMessages.ReversalNoResponse), "00")),
            ("0500 settlement", settle),
            ("0510 settlement", settleAnswer),
            ("0320 batch upload", upload),
            ("0320 batch upload end", UnionPayMessages.BatchUploadEnd(h, t, 3, false)),
            ("0330 batch upload", UnionPayMessages.Response(upload, "00")),
        };
        foreach (var (name, m) in list) yield return new object[] { name, m };
    }

    [Theory]
    [MemberData(nameof(GenericMessages))]
    public void Generic87_message_round_trips(string name, Iso8583Message m)
    {
        Assert.NotNull(name);
        RoundTrip(Generic87Dialect.Dialect, m);
    }

    [Theory]
    [MemberData(nameof(UnionPayMessages_))]
    public void UnionPay_message_round_trips(string name, Iso8583Message m)
    {
        Assert.NotNull(name);
        RoundTrip(UnionPayDialect.Dialect, m);
    }

    [Fact]
    public void Random_valid_messages_round_trip_in_both_dialects()
    {
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            RoundTrip(Generic87Dialect.Dialect, RandomMessages.Valid(Generic87Dialect.Dialect, random));
            RoundTrip(UnionPayDialect.Dialect, RandomMessages.Valid(UnionPayDialect.Dialect, random));
        }, iter: 2000);
    }

    [Fact]
    public void Generic87_builders_follow_the_transaction_table()
    {
        var t = Iso8583TestData.GenericCard();
        var sale = Generic87Messages.Sale(t);
        Assert.Equal("0200", sale.Mti);
        Assert.Equal("000000", sale.GetString(3));
        Assert.Equal(new[] { 2, 3, 4, 7, 11, 12, 13, 14, 22, 23, 25, 35, 41, 42, 49, 52, 55 }, sale.PresentFields());
        Assert.Equal("200000", Generic87Messages.Refund(t).GetString(3));
        Assert.Equal("310000", Generic87Messages.BalanceInquiry(t).GetString(3));
        Assert.False(Generic87Messages.BalanceInquiry(t).Has(4));
        Assert.Equal("0100", Generic87Messages.Authorization(t).Mti);

        var reversal = Generic87Messages.Reversal(sale, 124, "0315103115", "68");
        Assert.Equal("0400", reversal.Mti);
        Assert.False(reversal.Has(35));   // no track data in a stored reversal
        Assert.False(reversal.Has(52));   // never a PIN block
        Assert.Equal("000124", reversal.GetString(11));
        Assert.Equal("0200" + "000123" + "0315103045" + new string('0', 22), reversal.GetString(90));
        Assert.Equal(sale.GetString(4), reversal.GetString(4));

        var advice = Generic87Messages.Advice(t);
        Assert.Equal("0220", advice.Mti);
        Assert.False(advice.Has(52));
        Assert.Equal("Y1", advice.GetString(39));

        var answer = Generic87Messages.Response(sale, "00");
        Assert.Equal("0210", answer.Mti);
        Assert.Equal("00", answer.GetString(39));
        Assert.Equal(sale.GetString(11), answer.GetString(11));
        Assert.Equal(sale.GetString(41), answer.GetString(41));
        Assert.False(answer.Has(35));
        Assert.False(answer.Has(52));
        Assert.False(answer.Has(55));

        var upload = Generic87Messages.BatchUpload(sale, 140, "0315180100");
        Assert.Equal("0320", upload.Mti);
        Assert.Equal("0200000123", upload.GetString(60));

        var echo = Generic87Messages.NetworkManagement(t, Generic87Messages.NetworkEchoTest);
        Assert.Equal(new[] { 7, 11, 41, 42, 70 }, echo.PresentFields());
    }

    [Fact]
    public void UnionPay_builders_follow_the_transaction_table()
    {
        var h = Iso8583TestData.UnionPayHeader();
        var t = Iso8583TestData.UnionPayCard();
        // (MTI, DE 3, DE 25, field 60) per transaction type.
        void Check(Iso8583Message m, string mti, string processing, string condition, string field60)
        {
            Assert.Equal(mti, m.Mti);
            Assert.Equal(processing, m.GetString(3));
            Assert.Equal(condition, m.GetString(25));
            Assert.Equal(field60, m.GetString(60));
            Assert.Equal("6000030000603100000000", Hex.Encode(m.Header));
        }
        Check(UnionPayMessages.Sale(h, t), "0200", "000000", "00", "2200000100060");
        Check(UnionPayMessages.Void(h, t), "0200", "200000", "00", "2300000100060");
        Check(UnionPayMessages.Refund(h, t), "0220", "200000", "00", "2500000100060");
        Check(UnionPayMessages.BalanceInquiry(h, t), "0200", "310000", "00", "0100000100060");
        Check(UnionPayMessages.PreAuthorization(h, t), "0100", "030000", "06", "1000000100060");
        Check(UnionPayMessages.PreAuthorizationCompletion(h, t), "0200", "000000", "06", "2000000100060");
        Check(UnionPayMessages.PreAuthorizationCompletionAdvice(h, t), "0220", "000000", "06", "2400000100060");

        Assert.Equal("000001000007", UnionPayMessages.Void(h, t).GetString(61));
        Assert.Equal("0000010000070315", UnionPayMessages.Refund(h, t).GetString(61));
        Assert.Equal("000", UnionPayMessages.Refund(h, t).GetString(63));
        Assert.Equal("123456789012", UnionPayMessages.Void(h, t).GetString(37));
        Assert.Equal("654321", UnionPayMessages.PreAuthorizationCompletion(h, t).GetString(38));
        Assert.False(UnionPayMessages.BalanceInquiry(h, t).Has(4));
        Assert.False(UnionPayMessages.PreAuthorizationCompletionAdvice(h, t).Has(52));

        var sale = UnionPayMessages.Sale(h, t);
        Assert.Equal("12", sale.GetString(26));
        Assert.Equal("2600000000000000", sale.GetString(53));
        Assert.Equal("156", sale.GetString(49));

        Assert.Equal("00000001003", UnionPayMessages.SignOn(h, t, "001", UnionPayMessages.NetSignOnDoubleKeys).GetString(60));
        Assert.Equal("001", UnionPayMessages.SignOn(h, t, "001", UnionPayMessages.NetSignOnDoubleKeys).GetString(63));
        Assert.Equal("0820", UnionPayMessages.SignOff(h, t).Mti);
        Assert.Equal("00000001002", UnionPayMessages.SignOff(h, t).GetString(60));
        Assert.Equal("0820", UnionPayMessages.EchoTest(h, t).Mti);
        Assert.Equal("00000001301", UnionPayMessages.EchoTest(h, t).GetString(60));
        Assert.Equal("00000001207", UnionPayMessages.BatchUploadEnd(h, t, 3, true).GetString(60));
        Assert.Equal("00000001202", UnionPayMessages.BatchUploadEnd(h, t, 3, false).GetString(60));
        Assert.Equal("0003", UnionPayMessages.BatchUploadEnd(h, t, 3, false).GetString(48));

        var reversal = UnionPayMessages.Reversal(sale, UnionPayMessages.ReversalNoResponse);
        Assert.Equal("0400", reversal.Mti);
        Assert.Equal(sale.GetString(11), reversal.GetString(11));
        Assert.Equal(sale.GetString(60), reversal.GetString(60));
        Assert.Equal(Hex.Encode(sale.Header), Hex.Encode(reversal.Header));
        Assert.False(reversal.Has(35));
        Assert.False(reversal.Has(52));
        Assert.Equal("98", reversal.GetString(39));

        var answer = UnionPayMessages.Response(sale, "00");
        Assert.Equal("0210", answer.Mti);
        Assert.Equal("6000000003603100000000", Hex.Encode(answer.Header)); // TPDU swapped
        Assert.Equal(sale.GetString(60), answer.GetString(60));
    }

    [Fact]
    public void Builders_refuse_missing_mandatory_inputs()
    {
        var h = Iso8583TestData.UnionPayHeader();
        var t = Iso8583TestData.UnionPayCard();
        t.Pan = null;
        t.Track2 = null;
        ParseErrorTests.Fails(() => UnionPayMessages.Sale(h, t), Iso8583Error.MissingField, 2, Iso8583Exception.NoOffset);
        t = Iso8583TestData.UnionPayCard();
        t.Amount = -1;
        ParseErrorTests.Fails(() => UnionPayMessages.Sale(h, t), Iso8583Error.MissingField, 4, Iso8583Exception.NoOffset);
        t = Iso8583TestData.UnionPayCard();
        t.OriginalRrn = null;
        ParseErrorTests.Fails(() => UnionPayMessages.Void(h, t), Iso8583Error.MissingField, 37, Iso8583Exception.NoOffset);
        t = Iso8583TestData.UnionPayCard();
        t.BatchNumber = -1;
        ParseErrorTests.Fails(() => UnionPayMessages.EchoTest(h, t), Iso8583Error.MissingField, 60, Iso8583Exception.NoOffset);
        ParseErrorTests.Fails(() => UnionPayMessages.Sale(null, Iso8583TestData.UnionPayCard()), Iso8583Error.InvalidValue, Iso8583Exception.NoField, Iso8583Exception.NoOffset);
        var g = Iso8583TestData.GenericCard();
        g.TransmissionDateTime = null;
        ParseErrorTests.Fails(() => Generic87Messages.Sale(g), Iso8583Error.MissingField, 7, Iso8583Exception.NoOffset);
        ParseErrorTests.Fails(() => Generic87Messages.Sale(null), Iso8583Error.InvalidValue, Iso8583Exception.NoField, Iso8583Exception.NoOffset);
    }
}
