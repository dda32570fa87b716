using Terminal.Firmware.Core.HostLink.Session;
using Terminal.Firmware.Core.HostLink.Transport;
using Terminal.Firmware.Core.Journal;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.Tests.HostLink.Transport;

namespace Terminal.Tests.HostLink.Session;

/// <summary>
/// A dialect-A host played in memory on a <see cref="FakeHostConnection"/>: each request the terminal sends is
/// parsed and handed to <see cref="Reply"/>, which scripts the answer (or silence, a drop, garbage). The default
/// answers everything with DE 39 00 (and DE 37/38 for card requests). Also builds the terminal side (journal on
/// memory slots, session) for the tests.
/// </summary>
public sealed class ScriptedHost
{
    public const int TimeoutMs = 5000;

    public FakeClock Clock { get; } = new();
    public FakeHostConnection Link { get; }
    public MemoryJournalStorage SlotA { get; } = new();
    public MemoryJournalStorage SlotB { get; } = new();
    public TransactionJournal Journal { get; private set; }
    public HostSession Session { get; private set; }

    /// <summary>Every request the host received, parsed, in order.</summary>
    public List<Iso8583Message> Received { get; } = new();

    /// <summary>Decides the answer to a request; return null to stay silent.</summary>
    public Func<Iso8583Message, Action<FakeHostConnection>> Reply { get; set; }

    /// <summary>The session's dialect rules (dialect A unless built for UnionPay).</summary>
    public ISessionMessages Messages { get; }

    public static UnionPayHeader UnionPayHeader => Terminal.Firmware.Core.HostLink.Iso8583.UnionPayHeader.ForHost(0x0003);

    public ScriptedHost(bool unionPay = false)
    {
        Messages = unionPay ? new UnionPaySessionMessages(UnionPayHeader, "001") : Generic87SessionMessages.Instance;
        Link = new FakeHostConnection(Clock);
        Link.OnSend = (link, payload) =>
        {
            Iso8583Message request = Messages.Dialect.Parse(payload);
            Received.Add(request);
            Action<FakeHostConnection> action = (Reply ?? Approve)(request);
            action?.Invoke(link);
        };
        Restart();
    }

    /// <summary>Reopens the journal from its storage (a power cycle) and makes a new session on it.</summary>
    public void Restart()
    {
        Journal = TransactionJournal.Open(SlotA, SlotB);
        Session = new HostSession(Link, Clock, Journal, Messages);
        Session.Exchange.TimeoutMs = TimeoutMs;
    }

    /// <summary>The standard answer: DE 39 <paramref name="code"/>, RRN and approval code for card requests.</summary>
    public static Action<FakeHostConnection> Answer(Iso8583Message request, string code, long delayMs = 0)
    {
        bool unionPay = request.Header != null;
        Iso8583Message answer = unionPay ? UnionPayMessages.Response(request, code) : Generic87Messages.Response(request, code);
        if (request.Mti == "0100" || request.Mti == "0200")
        {
            answer.SetString(37, "506712345678");
            if (code == "00") answer.SetString(38, "A1B2C3");
        }
        return Deliver(answer, delayMs);
    }

    /// <summary>Delivers an answer packed in the dialect of its header (UnionPay when it has one).</summary>
    public static Action<FakeHostConnection> Deliver(Iso8583Message answer, long delayMs = 0)
    {
        Iso8583Dialect dialect = answer.Header != null ? UnionPayDialect.Dialect : Generic87Dialect.Dialect;
        return link => link.DeliverFrame(dialect.Pack(answer), delayMs);
    }

    public static Action<FakeHostConnection> Approve(Iso8583Message request) => Answer(request, "00");

    /// <summary>The MTIs received, in order, e.g. "0200 0400".</summary>
    public string Mtis => string.Join(" ", Received.Select(m => m.Mti));

    /// <summary>A sale built by the test for amount <paramref name="amount"/> with the next trace of the session.</summary>
    public Iso8583Message Sale(long amount)
    {
        TransactionFields t = SessionTestData.Card(Session.NextTrace(), amount);
        return Generic87Messages.Sale(t);
    }

    /// <summary>A UnionPay sale (batch number from the journal).</summary>
    public Iso8583Message UnionPaySale(long amount)
    {
        TransactionFields t = SessionTestData.Card(Session.NextTrace(), amount);
        t.BatchNumber = Journal.BatchNumber;
        t.CurrencyCode = "156";
        return UnionPayMessages.Sale(UnionPayHeader, t);
    }

    public Iso8583Message Refund(long amount)
    {
        TransactionFields t = SessionTestData.Card(Session.NextTrace(), amount);
        return Generic87Messages.Refund(t);
    }

    public Iso8583Message OfflineAdvice(long amount)
    {
        TransactionFields t = SessionTestData.Card(Session.NextTrace(), amount);
        t.AuthorizationCode = "Y1    ";
        t.ResponseCode = "Y1";
        return Generic87Messages.Advice(t);
    }
}

/// <summary>Hand-chosen transaction fields for the session tests.</summary>
public static class SessionTestData
{
    public const string TerminalId = "TERM0001";
    public const string MerchantId = "MERCHANT0000001";

    public static TransactionFields Card(int stan, long amount) => new()
    {
        Pan = "4761739001010010",
        Amount = amount,
        Stan = stan,
        TransmissionDateTime = "0315103045",
        LocalTime = "103045",
        LocalDate = "0315",
        ExpiryDate = "2512",
        PosEntryMode = "051",
        CardSequenceNumber = "001",
        Track2 = "4761739001010010=251220111438",
        TerminalId = TerminalId,
        MerchantId = MerchantId,
        CurrencyCode = "978",
        IccData = global::Terminal.EmvKernel.Util.Hex.Decode("9F2608" + "1122334455667788" + "9F270180"),
    };

    public static TransactionFields TerminalFields() => new()
    {
        TerminalId = TerminalId,
        MerchantId = MerchantId,
        TransmissionDateTime = "0315180000",
        CurrencyCode = "978",
    };
}
