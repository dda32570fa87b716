using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.Firmware.Core.HostLink.Security;
using Terminal.Firmware.Core.HostLink.Session;
using Terminal.Firmware.Core.Journal;
using Terminal.HostSimulation;
using Terminal.Tests.HostLink.Campaign;
using Terminal.Tests.HostLink.Transport;
using Xunit;
using HostKit = Terminal.Tests.HostSimulation.HostKit;

namespace Terminal.Tests.HostLink.Session;

/// <summary>
/// The kernel adapter end to end without a kernel: a hand-made <see cref="OnlineRequest"/> (DE 55 with a genuine
/// ARQC of the test card's keys, HostKit.IccData) goes through <see cref="HostAuthoriser"/>, the
/// <see cref="AuthorisationRequestBuilder"/>, the <see cref="HostSession"/> with the firmware's
/// <see cref="DukptMessageAuthenticator"/> and the journal, to the host simulator in process. The host is the
/// independent judge: it verifies the MAC, deciphers the PIN block and DE 57 from its BDK, checks the ARQC and
/// keeps the ledger.
/// </summary>
public class HostAuthoriserLoopTests
{
    private sealed class WallClock : IWallClock
    {
        public DateTime Now => new(2026, 6, 15, 10, 30, 0);
    }

    private sealed class Rig
    {
        public readonly HostSimulator Host = HostKit.Host();
        public readonly FakeClock Clock = new();
        public readonly FakeHostConnection Link;
        public readonly TransactionJournal Journal = TransactionJournal.Open(new MemoryJournalStorage(), new MemoryJournalStorage());
        public readonly DukptMessageAuthenticator Mac;
        public readonly AuthorisationRequestBuilder Builder = AuthorisationRequestBuilder.Generic("TERM0001", "123456789012345", "156");
        public readonly HostSession Session;
        public readonly HostAuthoriser Authoriser;

        public Rig()
        {
            Link = new FakeHostConnection(Clock)
            {
                OnSend = (link, payload) =>
                {
                    byte[] answer = Host.Handle(payload);
                    if (answer != null) link.DeliverFrame(answer);
                },
            };
            Mac = CampaignRig.TerminalDukpt(Host.Keys, 3);
            Session = new HostSession(Link, Clock, Journal, Generic87SessionMessages.Instance) { Authenticator = Mac };
            Authoriser = new HostAuthoriser(Session, Builder, new WallClock());
        }

        /// <summary>Begins a chip sale; with a PIN, it is enciphered under the next DUKPT key whose KSN the request names.</summary>
        public AuthorisationRequest Begin(long amount, string pin)
        {
            var r = new AuthorisationRequest(TransactionKind.Sale, amount, CardEntry.Chip) { Scheme = CardScheme.Visa };
            Authoriser.Begin(r);
            if (pin != null || Builder.CardDataCipher != null)
            {
                r.Ksn = Mac.BeginTransaction();
                if (pin != null) r.PinBlock = Mac.EncipherPin(pin.Select(c => (byte)(c - '0')).ToArray(), HostKit.VisaPan);
            }
            return r;
        }

        public static OnlineRequest Card(long amount) =>
            KernelData.OnlineRequest(HostKit.IccData(amount), HostKit.VisaPan, "01", "301231", HostKit.VisaPan + "D30122011000", true);
    }

    [Fact]
    public void Approved_sale_maps_the_answer_for_the_kernel_and_is_counted_once_after_the_card_accepts()
    {
        var rig = new Rig();
        rig.Begin(2500, "1234");
        OnlineResponse response = rig.Authoriser.Authorise(Rig.Card(2500));

        Assert.NotNull(response);
        Assert.True(response.Approved);
        Assert.Equal("00", System.Text.Encoding.ASCII.GetString(response.AuthorisationResponseCode));
        // The host's DE 55 carries '91' = ARPC (8 bytes) + ARC (2 bytes) for the Visa CVN 10 card (ARPC method 1).
        Assert.Equal(10, response.IssuerAuthenticationData.Length);
        Assert.Equal("3030", Hex.Encode(response.IssuerAuthenticationData, 8, 2));
        Assert.Equal(6, response.AuthorisationCode.Length);
        Assert.Equal(TransactionState.InFlight, rig.Journal.Find(rig.Authoriser.Result.Trace).State);

        AuthorisationResult done = rig.Authoriser.Complete(true, null);
        Assert.Equal(AuthorisationStatus.Approved, done.Status);
        JournalTransaction tx = rig.Journal.Find(done.Trace);
        Assert.Equal(TransactionState.Approved, tx.State);
        Assert.Equal("476173******0301", tx.MaskedPan);
        var counted = Assert.Single(rig.Host.Ledger.Counted());
        Assert.Equal(2500, counted.Amount);
        Assert.Equal(done.Trace, counted.Stan);
        Assert.Equal(2500, rig.Journal.Totals().Find(CardScheme.Visa, "156").DebitAmount);
    }

    [Fact]
    public void Wrong_pin_is_a_host_decline_the_kernel_sees_as_arc_55()
    {
        var rig = new Rig();
        rig.Begin(700, "9999");
        OnlineResponse response = rig.Authoriser.Authorise(Rig.Card(700));
        Assert.NotNull(response);
        Assert.False(response.Approved);
        Assert.Equal("55", System.Text.Encoding.ASCII.GetString(response.AuthorisationResponseCode));
        Assert.Equal(TransactionState.Declined, rig.Journal.Find(rig.Authoriser.Result.Trace).State);
        Assert.Empty(rig.Host.Ledger.Counted());
    }

    [Fact]
    public void Card_decline_after_host_approval_is_reversed_at_once_and_not_counted()
    {
        var rig = new Rig();
        rig.Begin(1500, null);
        Assert.True(rig.Authoriser.Authorise(Rig.Card(1500)).Approved);
        AuthorisationResult done = rig.Authoriser.Complete(false, null);
        Assert.Equal(AuthorisationStatus.Reversed, done.Status);
        Assert.Equal(TransactionState.Reversed, rig.Journal.Find(done.Trace).State);
        Assert.Empty(rig.Host.Ledger.Counted());
        Assert.True(Assert.Single(rig.Host.Ledger.Entries()).Reversed);
    }

    [Fact]
    public void Enciphered_card_data_leaves_no_clear_pan_in_the_request_and_the_journal_keeps_the_masked_pan()
    {
        var rig = new Rig();
        rig.Builder.CardDataCipher = rig.Mac;
        rig.Begin(2200, "1234");
        OnlineResponse response = rig.Authoriser.Authorise(Rig.Card(2200));
        Assert.True(response.Approved);                          // the host deciphered DE 57 under the KSN's data key
        Iso8583Message sent = Generic87Dialect.Dialect.Parse(rig.Link.Sent[^1]);
        Assert.False(sent.Has(2));
        Assert.False(sent.Has(35));
        Assert.True(sent.Has(57));
        Assert.Equal("1010000000000000", sent.GetString(53));     // TDES DUKPT, format 0, card data enciphered
        rig.Authoriser.Complete(true, null);
        Assert.Equal("476173******0301", rig.Journal.Find(rig.Authoriser.Result.Trace).MaskedPan);
        Assert.Equal("476173******0301", Assert.Single(rig.Host.Ledger.Counted()).MaskedPan);
    }

    [Fact]
    public void No_link_is_unable_to_go_online_with_nothing_recorded()
    {
        var rig = new Rig();
        rig.Link.FailConnects = 1;
        rig.Begin(300, null);
        Assert.Null(rig.Authoriser.Authorise(Rig.Card(300)));
        Assert.Equal(AuthorisationStatus.NotSent, rig.Authoriser.Result.Status);
        Assert.Null(rig.Journal.Find(rig.Authoriser.Result.Trace));
        Assert.Empty(rig.Host.Ledger.Entries());
    }

    [Fact]
    public void No_answer_is_unable_to_go_online_and_the_reversal_settles_the_host()
    {
        var rig = new Rig();
        bool first = true;
        var handle = rig.Link.OnSend;
        rig.Link.OnSend = (link, payload) =>
        {
            if (first) { first = false; rig.Host.Handle(payload); return; }   // processed, answer lost
            handle(link, payload);
        };
        rig.Begin(400, null);
        Assert.Null(rig.Authoriser.Authorise(Rig.Card(400)));
        Assert.Equal(AuthorisationStatus.Reversed, rig.Authoriser.Result.Status);
        Assert.Empty(rig.Host.Ledger.Counted());
    }
}
