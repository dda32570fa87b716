#nullable enable
using Terminal.Firmware.Core.App;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.Firmware.Core.HostLink.Session;
using Terminal.Firmware.Core.Journal;
using Terminal.Tests.HostLink.Transport;

namespace Terminal.Tests.App;

/// <summary>
/// The application over the real host session (<see cref="SessionPaymentHost"/> over <see cref="HostSession"/>, generic
/// 1987 dialect, journal in memory) and a scripted link whose host answers every request with <see cref="Answer"/>
/// (approvals with DE 37 / DE 38): what reaches the host and what the journal keeps.
/// </summary>
internal sealed class SessionRig
{
    public static readonly Iso8583Dialect Dialect = Generic87SessionMessages.Instance.Dialect;
    public FakeHostConnection Link = null!;
    public TransactionJournal Journal = TransactionJournal.Open(new MemoryJournalStorage(), new MemoryJournalStorage());
    public AppRig App = null!;
    /// <summary>DE 39 the scripted host answers with; null: it stays silent.</summary>
    public string? Answer = "00";
    public List<Iso8583Message> Received { get; } = new();
    /// <summary>Runs when the host receives a message, before it answers (e.g. the cashier pressing keys during the wait).</summary>
    public Action<Iso8583Message>? OnRequest { get; set; }

    public SessionRig(string? answer)
    {
        Answer = answer;
        App = new AppRig(rig =>
        {
            Link = new FakeHostConnection(rig.Clock) { OnSend = HostReceives };
            var session = new HostSession(Link, rig.Clock, Journal, Generic87SessionMessages.Instance);
            session.Exchange.TimeoutMs = 5000;
            return SessionPaymentHost.Generic(session, rig.Configuration, new FixedWallClock());
        });
    }

    private void HostReceives(FakeHostConnection link, byte[] payload)
    {
        Iso8583Message request = Dialect.Parse(payload);
        Received.Add(request);
        OnRequest?.Invoke(request);
        if (Answer == null) return;
        Iso8583Message response = Generic87Messages.Response(request, Answer);
        if (request.Mti == "0200" && Answer == "00")
        {
            response.SetString(37, "123456789012");
            response.SetString(38, "AB1234");
        }
        link.DeliverFrame(Dialect.Pack(response));
    }
}
