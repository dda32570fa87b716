using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.HostLink.Session;
using Terminal.Firmware.Core.Journal;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.Tests.HostLink.Transport;
using Xunit;

namespace Terminal.Tests.HostLink.Session;

/// <summary>
/// Online authorisation through the session: journal before send, reversal on every unknown outcome and on a card
/// decline after host approval (issue 5 §4; docs/host-protocol.md "Reversal"), reversals before any new request.
/// Trace numbers: a fresh journal hands out 1, 2, 3... (docs/journal.md); the sale takes 1, its reversal 2.
/// </summary>
public class AuthorisationTests
{
    private readonly ScriptedHost _host = new();

    private JournalTransaction Tx(int trace) => _host.Journal.Find(trace);

    [Fact]
    public void Host_approval_stays_in_flight_until_the_card_accepts_then_is_approved()
    {
        Iso8583Message sale = _host.Sale(1000);
        AuthorisationResult r = _host.Session.Authorise(sale, TransactionKind.Sale, CardScheme.Visa);
        Assert.Equal(AuthorisationStatus.HostApproved, r.Status);
        Assert.Equal(1, r.Trace);
        Assert.Equal("00", r.ResponseCode);
        // Written before sending, with the reversal already built: still in flight (a power cut now reverses it).
        JournalTransaction tx = Tx(1);
        Assert.Equal(TransactionState.InFlight, tx.State);
        Assert.Equal(1000, tx.Amount);
        Assert.Equal("978", tx.Currency);
        Assert.Equal("476173******0010", tx.MaskedPan);
        Iso8583Message reversal = Generic87Dialect.Dialect.Parse(tx.Reversal);
        Assert.Equal("0400", reversal.Mti);
        Assert.Equal(2, reversal.GetNumeric(11));                              // its own trace
        Assert.Equal("68", reversal.GetString(39));                           // reason: no answer
        // DE 90: original MTI 0200, original DE 11 000001, original DE 7 0315103045, two zero institution IDs.
        Assert.Equal("0200" + "000001" + "0315103045" + "00000000000" + "00000000000", reversal.GetString(90));

        r = _host.Session.Complete(r, cardAccepted: true, finalIccData: null);
        Assert.Equal(AuthorisationStatus.Approved, r.Status);
        tx = Tx(1);
        Assert.Equal(TransactionState.Approved, tx.State);
        Assert.Equal("506712345678", tx.Rrn);
        Assert.Equal("A1B2C3", tx.AuthorizationCode);
        Assert.Equal("0200", _host.Mtis);
    }

    [Fact]
    public void Host_decline_is_final_and_nothing_is_reversed()
    {
        _host.Reply = m => ScriptedHost.Answer(m, "05");
        AuthorisationResult r = _host.Session.Authorise(_host.Sale(1000), TransactionKind.Sale, CardScheme.Visa);
        Assert.Equal(AuthorisationStatus.Declined, r.Status);
        Assert.Equal(TransactionState.Declined, Tx(1).State);
        Assert.Empty(_host.Journal.PendingReversals());
        Assert.Equal("0200", _host.Mtis);
    }

    [Fact]
    public void Timeout_arms_the_reversal_and_sends_it_at_once_on_a_new_connection()
    {
        _host.Reply = m => m.Mti == "0200" ? null : ScriptedHost.Approve(m);   // the sale gets no answer
        AuthorisationResult r = _host.Session.Authorise(_host.Sale(1000), TransactionKind.Sale, CardScheme.Visa);
        Assert.Equal(SessionFailure.Timeout, r.Failure);
        Assert.Equal(AuthorisationStatus.Reversed, r.Status);
        Assert.Null(r.Response);
        Assert.Equal(TransactionState.Reversed, Tx(1).State);
        Assert.Equal("0200 0400", _host.Mtis);
        Assert.Equal(2, _host.Link.Connects);                  // the link was closed after the timeout
        Assert.Equal(ScriptedHost.TimeoutMs, _host.Clock.NowMilliseconds);
    }

    [Fact]
    public void Late_answer_is_a_timeout_and_the_reversal_follows()
    {
        _host.Reply = m => m.Mti == "0200" ? ScriptedHost.Answer(m, "00", delayMs: ScriptedHost.TimeoutMs + 1) : ScriptedHost.Approve(m);
        AuthorisationResult r = _host.Session.Authorise(_host.Sale(1000), TransactionKind.Sale, CardScheme.Visa);
        Assert.Equal(AuthorisationStatus.Reversed, r.Status);
        Assert.Equal("0200 0400", _host.Mtis);
    }

    [Fact]
    public void Reversal_that_cannot_be_delivered_stays_pending_and_blocks_new_requests()
    {
        _host.Reply = m => null;                                // host swallows everything
        AuthorisationResult r = _host.Session.Authorise(_host.Sale(1000), TransactionKind.Sale, CardScheme.Visa);
        Assert.Equal(AuthorisationStatus.ReversalPending, r.Status);
        Assert.Equal(TransactionState.ReversalPending, Tx(1).State);

        Iso8583Message second = _host.Sale(2500);               // trace 3
        AuthorisationResult r2 = _host.Session.Authorise(second, TransactionKind.Sale, CardScheme.Visa);
        Assert.Equal(AuthorisationStatus.NotSent, r2.Status);
        Assert.Equal(SessionFailure.ReversalsPending, r2.Failure);
        Assert.Null(Tx(3));                                     // nothing recorded for the request never sent
        Assert.Equal("0200 0400 0401", _host.Mtis);             // the retry is a repeat (0401)
    }

    [Fact]
    public void Pending_reversal_is_retried_on_the_next_connection_before_the_new_request()
    {
        _host.Reply = m => null;
        _host.Session.Authorise(_host.Sale(1000), TransactionKind.Sale, CardScheme.Visa);
        _host.Link.FailConnects = 1;                            // host down for the first retry
        Assert.Equal(SessionFailure.ConnectFailed, _host.Session.SendPendingReversals());
        _host.Reply = null;                                     // host back, answers everything
        AuthorisationResult r = _host.Session.Authorise(_host.Sale(2500), TransactionKind.Sale, CardScheme.Visa);
        Assert.Equal(AuthorisationStatus.HostApproved, r.Status);
        Assert.Equal(TransactionState.Reversed, Tx(1).State);
        // 0200 (no answer), 0400 (no answer), [connect refused], 0401 acknowledged, then the new 0200.
        Assert.Equal("0200 0400 0401 0200", _host.Mtis);
        Assert.Equal(2, _host.Received[2].GetNumeric(11));      // the repeat keeps the reversal's trace
    }

    [Fact]
    public void Host_unreachable_means_not_sent_and_nothing_recorded()
    {
        _host.Link.FailConnects = 1;
        AuthorisationResult r = _host.Session.Authorise(_host.Sale(1000), TransactionKind.Sale, CardScheme.Visa);
        Assert.Equal(AuthorisationStatus.NotSent, r.Status);
        Assert.Equal(SessionFailure.ConnectFailed, r.Failure);
        Assert.Null(Tx(1));                                     // connect comes before the journal: nothing to reverse
        Assert.Empty(_host.Received);
    }

    [Fact]
    public void Send_failing_after_recording_is_an_unknown_outcome_and_reversed()
    {
        _host.Link.Connect(1000);
        _host.Link.FailNextSend = true;                         // the link drops as the request goes out
        AuthorisationResult r = _host.Session.Authorise(_host.Sale(1000), TransactionKind.Sale, CardScheme.Visa);
        Assert.Equal(SessionFailure.Disconnected, r.Failure);
        Assert.Equal(AuthorisationStatus.Reversed, r.Status);   // reversed at once on a new connection
        Assert.Equal("0400", _host.Mtis);                       // the host saw only the reversal
        Assert.Equal(TransactionState.Reversed, Tx(1).State);
    }

    [Fact]
    public void Disconnect_in_the_middle_of_the_answer_reverses()
    {
        _host.Reply = m => m.Mti != "0200" ? ScriptedHost.Approve(m) : link =>
        {
            byte[] frame = LengthPrefixFrame.Wrap(Generic87Dialect.Dialect.Pack(Generic87Messages.Response(m, "00")));
            link.Deliver(frame[..9]);
            link.Disconnect();
        };
        AuthorisationResult r = _host.Session.Authorise(_host.Sale(1000), TransactionKind.Sale, CardScheme.Visa);
        Assert.Equal(SessionFailure.Disconnected, r.Failure);
        Assert.Equal(AuthorisationStatus.Reversed, r.Status);
    }

    [Fact]
    public void Garbage_answer_is_malformed_and_reverses()
    {
        _host.Reply = m => m.Mti != "0200" ? ScriptedHost.Approve(m) : link => link.DeliverFrame(Hex.Decode("DEADBEEF"));
        AuthorisationResult r = _host.Session.Authorise(_host.Sale(1000), TransactionKind.Sale, CardScheme.Visa);
        Assert.Equal(SessionFailure.Malformed, r.Failure);
        Assert.Equal(AuthorisationStatus.Reversed, r.Status);
    }

    [Fact]
    public void Answer_without_response_code_is_malformed_and_reverses()
    {
        _host.Reply = m =>
        {
            if (m.Mti != "0200") return ScriptedHost.Approve(m);
            Iso8583Message a = Generic87Messages.Response(m, "00");
            a.Remove(39);
            return link => link.DeliverFrame(Generic87Dialect.Dialect.Pack(a));
        };
        AuthorisationResult r = _host.Session.Authorise(_host.Sale(1000), TransactionKind.Sale, CardScheme.Visa);
        Assert.Equal(SessionFailure.Malformed, r.Failure);
        Assert.Equal(AuthorisationStatus.Reversed, r.Status);
    }

    [Fact]
    public void Answers_for_other_requests_are_discarded_and_the_right_one_is_used()
    {
        _host.Reply = m => link =>
        {
            Iso8583Message stale = Generic87Messages.Response(m, "00");
            stale.SetString(11, "000777");                   // an answer to some earlier request
            link.DeliverFrame(Generic87Dialect.Dialect.Pack(stale));
            ScriptedHost.Answer(m, "51")(link);
        };
        AuthorisationResult r = _host.Session.Authorise(_host.Sale(1000), TransactionKind.Sale, CardScheme.Visa);
        Assert.Equal(AuthorisationStatus.Declined, r.Status);
        Assert.Equal("51", r.ResponseCode);
        Assert.Equal(1, _host.Session.Exchange.DiscardedCount);
    }

    [Fact]
    public void Card_decline_after_host_approval_sends_the_reversal_with_reason_and_final_icc_data()
    {
        AuthorisationResult r = _host.Session.Authorise(_host.Sale(1000), TransactionKind.Sale, CardScheme.Visa);
        byte[] aac = Hex.Decode("9F2608" + "0102030405060708" + "9F270100");    // CID 00: AAC
        r = _host.Session.Complete(r, cardAccepted: false, finalIccData: aac);
        Assert.Equal(AuthorisationStatus.Reversed, r.Status);
        Assert.Equal("0200 0400", _host.Mtis);
        Iso8583Message reversal = _host.Received[1];
        Assert.Equal("06", reversal.GetString(39));
        Assert.Equal(Hex.Encode(aac), Hex.Encode(reversal.GetBytes(55)));
        Assert.Equal(1000, reversal.GetNumeric(4));
        Assert.False(reversal.Has(35));                                         // no track data in a reversal
        Assert.Equal(TransactionState.Reversed, Tx(1).State);
        Assert.Empty(_host.Journal.CurrentBatch());
    }

    [Fact]
    public void Card_decline_with_oversized_icc_data_still_reverses_with_the_stored_reversal()
    {
        AuthorisationResult r = _host.Session.Authorise(_host.Sale(1000), TransactionKind.Sale, CardScheme.Visa);
        r = _host.Session.Complete(r, cardAccepted: false, finalIccData: new byte[1000]);   // DE 55 holds at most 999
        Assert.Equal(AuthorisationStatus.Reversed, r.Status);
        Iso8583Message reversal = _host.Received[1];
        Assert.Equal("06", reversal.GetString(39));
        Assert.Equal("9F2608" + "1122334455667788" + "9F270180", Hex.Encode(reversal.GetBytes(55)));   // the request's DE 55
    }

    [Fact]
    public void Wrong_mac_on_the_answer_reverses_with_the_mac_error_reason()
    {
        var mac = new FlagAuthenticator { RejectMti = "0210" };
        _host.Session.Authenticator = mac;
        AuthorisationResult r = _host.Session.Authorise(_host.Sale(1000), TransactionKind.Sale, CardScheme.Visa);
        Assert.Equal(SessionFailure.MacInvalid, r.Failure);
        Assert.Equal(AuthorisationStatus.Reversed, r.Status);
        Assert.Equal("A0", _host.Received[1].GetString(39));
        Assert.Equal(2, mac.Signed);                                            // the 0200 and the 0400
        Assert.True(_host.Received[0].Has(64));                                 // 0200: primary bitmap only
        Assert.True(_host.Received[1].Has(128));                                // 0400 with DE 90: MAC in DE 128
    }

    [Fact]
    public void Power_cut_after_sending_is_reversed_after_restart()
    {
        _host.Reply = m => null;
        _host.Link.FailConnects = 0;
        // Cut power between RecordRequest and the answer: simulate by recording through the journal directly.
        Iso8583Message sale = _host.Sale(1000);
        _host.Session.Authenticator = null;
        var tx = new JournalTransaction(1, TransactionKind.Sale, CardScheme.Visa, 1000, "978", "476173******0010", "0200")
        {
            Reversal = Generic87Dialect.Dialect.Pack(Generic87Messages.Reversal(sale, _host.Session.NextTrace(), "0315103045", "68")),
        };
        _host.Journal.RecordRequest(tx);
        _host.Restart();                                        // InFlight comes back as ReversalPending
        Assert.Equal(TransactionState.ReversalPending, Tx(1).State);
        _host.Reply = null;
        Assert.Equal(SessionFailure.None, _host.Session.SendPendingReversals());
        Assert.Equal(TransactionState.Reversed, Tx(1).State);
        Assert.Equal("0400", _host.Mtis);
    }

    [Fact]
    public void Bad_request_is_refused_before_anything_is_recorded_or_sent()
    {
        Iso8583Message sale = _host.Sale(1000);
        sale.SetString(4, "12X");                               // not digits
        Assert.Throws<Iso8583Exception>(() => _host.Session.Authorise(sale, TransactionKind.Sale, CardScheme.Visa));
        Assert.Null(Tx(1));
        Assert.Empty(_host.Received);
    }

    /// <summary>A stand-in MAC: writes 8 bytes of 0x11 in DE 64/128 and rejects answers of one MTI.</summary>
    private sealed class FlagAuthenticator : IMessageAuthenticator
    {
        public string RejectMti;
        public int Signed;

        public void Sign(Iso8583Message request)
        {
            Signed++;
            request.SetBytes(request.PresentFields().Any(f => f > 64) ? 128 : 64, Enumerable.Repeat((byte)0x11, 8).ToArray());
        }

        public bool Verify(Iso8583Message answer) => answer.Mti != RejectMti;
    }
}
