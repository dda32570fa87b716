using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.HostSimulation;
using Xunit;

namespace Terminal.Tests.HostSimulation;

/// <summary>
/// A repeat signed with a new DUKPT key (a store-and-forward retry: 0221 with the next KSN, ANSI X9.24-1: one key
/// per transaction) gets the stored answer MAC'd under the repeat's own MAC response key, so the terminal can
/// verify it and stop resending; it still counts once. Found by the fault campaign
/// (Terminal.Tests/HostLink/Campaign): the stored answer kept the first attempt's MAC and every retry failed as
/// MacInvalid, so an advice whose 0230 was lost was never acknowledged.
/// </summary>
public class RepeatMacTests
{
    [Fact]
    public void Repeated_advice_with_a_new_ksn_gets_an_answer_that_verifies_and_counts_once()
    {
        var host = HostKit.Host();
        var t = HostKit.Terminal(host);
        var f = t.Fields(HostKit.VisaPan, 450);
        f.AuthorizationCode = "Y1    ";
        f.ResponseCode = "Y1";
        var advice = Generic87Messages.Advice(f);
        t.Pin(advice, HostKit.VisaPan, null);
        Assert.NotNull(host.Handle(t.Pack(advice)));          // processed; suppose the 0230 is lost

        var repeat = Generic87Messages.Advice(f);              // same DE 11, same content
        repeat.Mti = MessageTypes.RepeatOf(repeat.Mti);        // 0221
        t.Pin(repeat, HostKit.VisaPan, null);                  // next KSN: another MAC key
        Iso8583Message answer = HostKit.Send(host, t, repeat); // asserts the MAC under the repeat's key
        Assert.Equal("0230", answer.Mti);
        Assert.Equal("00", answer.GetString(39));
        Assert.Equal(f.Stan, answer.GetNumeric(11));
        var counted = Assert.Single(host.Ledger.Counted());
        Assert.Equal(450, counted.Amount);
    }
}
