using Terminal.EmvKernel.Kernel;
using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.Firmware.Core.HostLink.Security;
using Terminal.Firmware.Core.HostLink.Session;
using Terminal.Firmware.Core.Journal;
using Terminal.HostSimulation;
using Terminal.Tests.HostLink.Transport;
using Xunit;
using HostKit = Terminal.Tests.HostSimulation.HostKit;

namespace Terminal.Tests.HostLink.Session;

/// <summary>
/// The UnionPay dialect end to end without a kernel: sign-on through the session (working keys verified against
/// their check values and installed under the TMK), then a chip sale with an online PIN through
/// <see cref="HostAuthoriser"/>, MACed by <see cref="MasterSessionMessageAuthenticator"/> with the UnionPay ECB MAC,
/// to the host simulator (configured for the same MAC) in process; the host verifies MAC, PIN and ARQC.
/// </summary>
public class UnionPayAuthoriserLoopTests
{
    private sealed class WallClock : IWallClock
    {
        public DateTime Now => new(2026, 6, 15, 10, 30, 0);
    }

    [Fact]
    public void Sign_on_then_pin_sale_is_approved_with_the_ecb_mac_and_counted_once()
    {
        HostSimulator host = HostKit.Host(HostDialect.UnionPay);
        host.UnionPayMacAlgorithm = MessageMacAlgorithm.UnionPayEcb;
        var clock = new FakeClock();
        var link = new FakeHostConnection(clock)
        {
            OnSend = (l, payload) =>
            {
                byte[] answer = host.Handle(payload);
                if (answer != null) l.DeliverFrame(answer);
            },
        };
        var journal = TransactionJournal.Open(new MemoryJournalStorage(), new MemoryJournalStorage());
        var keys = new MasterSessionKeys();
        keys.LoadMasterKey(host.Keys.MasterKeyOf("TERM0001"));
        var auth = new MasterSessionMessageAuthenticator(keys, UnionPayDialect.Packager, MessageMacAlgorithm.UnionPayEcb);
        var session = new HostSession(link, clock, journal, new UnionPaySessionMessages(UnionPayHeader.ForHost(3), "001")) { Authenticator = auth };

        // Sign-on (0800, no MAC): DE 62 brings the PIN and MAC keys under the TMK with check values.
        var t = new TransactionFields { Stan = session.NextTrace(), TerminalId = "TERM0001", MerchantId = "123456789012345", BatchNumber = 1 };
        Iso8583Message signOn = session.SendUnjournaled(
            UnionPayMessages.SignOn(UnionPayHeader.ForHost(3), t, "001", UnionPayMessages.NetSignOnDoubleKeys), out SessionFailure failure);
        Assert.Equal(SessionFailure.None, failure);
        Assert.Equal("00", signOn.GetString(39));
        keys.InstallWorkingKeys(UnionPayWorkingKeys.Parse(signOn.GetBytes(62)));
        Assert.True(keys.HasWorkingKeys);

        var builder = AuthorisationRequestBuilder.UnionPay(UnionPayHeader.ForHost(3), "TERM0001", "123456789012345", "156");
        var authoriser = new HostAuthoriser(session, builder, new WallClock());
        var sale = new AuthorisationRequest(TransactionKind.Sale, 2500, CardEntry.Chip) { Scheme = CardScheme.UnionPay };
        Assert.True(authoriser.Begin(sale));
        sale.PinBlock = keys.EncryptPinBlock(new byte[] { 1, 2, 3, 4 }, HostKit.VisaPan);
        OnlineRequest card = KernelData.OnlineRequest(HostKit.IccData(2500), HostKit.VisaPan, "01", "301231", null, true);
        OnlineResponse response = authoriser.Authorise(card);

        Assert.NotNull(response);
        Assert.True(response.Approved);
        Iso8583Message sent = UnionPayDialect.Dialect.Parse(link.Sent[^1]);
        byte[] mac = sent.GetBytes(64);
        Assert.All(mac, c => Assert.Contains((char)c, "0123456789ABCDEF"));   // the ECB MAC: 8 hex characters
        Assert.Equal(AuthorisationStatus.Approved, authoriser.Complete(true, null).Status);
        var counted = Assert.Single(host.Ledger.Counted());
        Assert.Equal(2500, counted.Amount);
        Assert.Equal("476173******0301", journal.Find(authoriser.Result.Trace).MaskedPan);
    }
}
