using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.Firmware.Core.HostLink.Security;
using Terminal.HostSimulation;
using Terminal.Tests.HostLink.Campaign;
using Xunit;
using HostKit = Terminal.Tests.HostSimulation.HostKit;

namespace Terminal.Tests.HostLink.Security;

/// <summary>
/// <see cref="DukptMessageAuthenticator"/>: the PIN block's transaction key survives a message signed in between
/// (a pending reversal or advice goes out before the PIN request, HostSession.Authorise), and every counter step is
/// reported for persistence. The host simulator is the judge: it derives the keys from its BDK and the KSN.
/// </summary>
public class DukptSharedKsnTests
{
    private sealed class Counter : IDukptCounterListener
    {
        public int Steps;
        public void CounterAdvanced() => Steps++;
    }

    [Fact]
    public void A_message_signed_between_pin_entry_and_the_request_does_not_orphan_the_pin_ksn()
    {
        HostSimulator host = HostKit.Host();
        DukptMessageAuthenticator mac = CampaignRig.TerminalDukpt(host.Keys, 5);
        var counter = new Counter();
        mac.CounterListener = counter;

        byte[] ksn = mac.BeginTransaction();
        byte[] pinBlock = mac.EncipherPin(new byte[] { 1, 2, 3, 4 }, HostKit.VisaPan);
        // In between: an unrelated request without DUKPT fields is signed under a key of its own (next counter).
        SimulatedTerminal other = HostKit.Terminal(host);
        Iso8583Message between = other.Sale(HostKit.OtherPan, 100, null, null);
        between.Remove(53);
        between.Remove(62);
        mac.Sign(between);
        Assert.NotEqual(Hex.Encode(ksn), Hex.Encode(GenericSecurityFields.ReadKsn(between)));

        // The PIN request names the PIN's KSN: signed under that key, and the host approves (MAC and PIN verified).
        var t = new TransactionFields { Pan = HostKit.VisaPan, Amount = 2500, Stan = 77, TerminalId = "TERM0001", MerchantId = "123456789012345", PosEntryMode = "021", CurrencyCode = "156", PinBlock = pinBlock };
        t.SetClock(HostKit.Today, HostKit.Today);
        Iso8583Message request = Generic87Messages.Sale(t);
        GenericSecurityFields.Write(request, ksn, null, false);
        mac.Sign(request);
        Iso8583Message answer = Generic87Dialect.Dialect.Parse(host.Handle(Generic87Dialect.Dialect.Pack(request)));
        Assert.Equal("00", answer.GetString(39));
        Assert.True(mac.Verify(answer));
        // Two counter steps: the PIN transaction and the message in between.
        Assert.Equal(2, counter.Steps);
    }
}
