using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.Firmware.Core.HostLink.Session;
using Terminal.Firmware.Core.Journal;
using Xunit;

namespace Terminal.Tests.HostLink.Session;

/// <summary>
/// <see cref="HostSession.Void"/>: in dialect A a void is the reversal of the original (docs/host-session.md,
/// "Dialect A void"). A fresh journal hands out traces 1, 2, 3...: the sale takes 1, its reversal 2.
/// </summary>
public class VoidTests
{
    private readonly ScriptedHost _host = new();

    private void ApprovedSale(long amount)
    {
        AuthorisationResult r = _host.Session.Authorise(_host.Sale(amount), TransactionKind.Sale, CardScheme.Visa);
        _host.Session.Complete(r, cardAccepted: true, finalIccData: null);
    }

    [Fact]
    public void Void_sends_the_stored_reversal_with_reason_customer_cancellation()
    {
        ApprovedSale(1000);

        AuthorisationResult v = _host.Session.Void(1);

        Assert.Equal(AuthorisationStatus.Reversed, v.Status);
        Assert.Equal(SessionFailure.None, v.Failure);
        Assert.Equal(1, v.Trace);
        Assert.Equal("0200 0400", _host.Mtis);
        Iso8583Message reversal = _host.Received[1];
        Assert.Equal(2, reversal.GetNumeric(11));                   // the reversal's own trace
        Assert.Equal(1000, reversal.GetNumeric(4));
        Assert.Equal("17", reversal.GetString(39));                 // ISO 8583:1987 DE 39 17 customer cancellation [K]
        // DE 90: original MTI 0200, original DE 11 000001, original DE 7 0315103045, two zero institution IDs.
        Assert.Equal("0200" + "000001" + "0315103045" + "00000000000" + "00000000000", reversal.GetString(90));
        Assert.Equal(TransactionState.Reversed, _host.Journal.Find(1).State);
        Assert.Equal(0, _host.Journal.Totals().Count);
    }

    [Fact]
    public void Void_without_the_host_stays_pending_and_goes_out_with_the_next_reversals()
    {
        ApprovedSale(1000);
        _host.Reply = m => null;                                     // silent host

        AuthorisationResult v = _host.Session.Void(1);

        Assert.Equal(AuthorisationStatus.ReversalPending, v.Status);
        Assert.Equal(SessionFailure.Timeout, v.Failure);
        Assert.Equal(TransactionState.ReversalPending, _host.Journal.Find(1).State);
        Assert.Equal(0, _host.Journal.Totals().Count);              // no longer counted at once

        _host.Restart();                                             // durable across a power cycle
        _host.Reply = null;
        Assert.Equal(SessionFailure.None, _host.Session.SendPendingReversals());
        Assert.Equal(TransactionState.Reversed, _host.Journal.Find(1).State);
        Assert.Equal("17", _host.Received[^1].GetString(39));
    }

    [Fact]
    public void Only_an_approved_transaction_can_be_voided_and_a_refusal_changes_nothing()
    {
        _host.Reply = m => ScriptedHost.Answer(m, "05");
        _host.Session.Authorise(_host.Sale(1000), TransactionKind.Sale, CardScheme.Visa);   // declined, trace 1

        Assert.Throws<System.ArgumentException>(() => _host.Session.Void(1));
        Assert.Throws<System.ArgumentException>(() => _host.Session.Void(42));
        Assert.Equal(TransactionState.Declined, _host.Journal.Find(1).State);
        Assert.Equal("0200", _host.Mtis);
    }
}
