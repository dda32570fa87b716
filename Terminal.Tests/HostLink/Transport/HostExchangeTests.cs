using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.Firmware.Core.HostLink.Transport;
using Terminal.Tests.HostLink.Iso8583;
using Xunit;

namespace Terminal.Tests.HostLink.Transport;

/// <summary>
/// HostExchange against the in-memory connection: framing, matching on MTI + DE 41 + DE 11 (jPOS QMUX key
/// "41, 11"), the per-message deadline on the fake clock, and the failure reasons.
/// </summary>
public class HostExchangeTests
{
    private readonly FakeClock _clock = new();
    private readonly FakeHostConnection _link;
    private readonly HostExchange _exchange;

    public HostExchangeTests()
    {
        _link = new FakeHostConnection(_clock);
        _link.Connect(1000);
        _exchange = new HostExchange(_link, Generic87Dialect.Dialect, _clock) { TimeoutMs = 5000 };
    }

    private static Iso8583Message Sale() => Generic87Messages.Sale(Iso8583TestData.GenericCard()); // DE 11 = 123, DE 41 TERM0001

    private static byte[] Answer(string mti, string terminalId, int stan, string code)
    {
        var m = new Iso8583Message(mti);
        m.SetString(3, "000000");
        m.SetString(11, stan.ToString("D6"));
        m.SetString(39, code);
        m.SetString(41, terminalId);
        return Generic87Dialect.Dialect.Pack(m);
    }

    [Fact]
    public void Request_goes_out_with_its_two_byte_length_and_the_matching_answer_comes_back()
    {
        byte[] sentFrame = null;
        var recorder = new RecordingConnection(_link, f => sentFrame = f);
        var exchange = new HostExchange(recorder, Generic87Dialect.Dialect, _clock);
        _link.DeliverFrame(Answer("0210", "TERM0001", 123, "00"), delayMs: 1200);
        Iso8583Message answer = exchange.Exchange(Sale());
        Assert.Equal("0210", answer.Mti);
        Assert.Equal("00", answer.GetString(39));
        byte[] packed = Generic87Dialect.Dialect.Pack(Sale());
        // 2-byte big-endian length of the payload, then the payload (docs/host-protocol.md, Framing).
        Assert.Equal(packed.Length >> 8, sentFrame[0]);
        Assert.Equal(packed.Length & 0xFF, sentFrame[1]);
        Assert.Equal(Hex.Encode(packed), Hex.Encode(sentFrame[2..]));
        Assert.Equal(1200, _clock.NowMilliseconds);     // waited exactly until the answer arrived
        Assert.Equal(0, exchange.DiscardedCount);
    }

    [Fact]
    public void Answers_with_wrong_trace_terminal_or_mti_are_discarded_and_counted()
    {
        _link.DeliverFrame(Answer("0210", "TERM0001", 122, "00"));  // trace of an earlier request
        _link.DeliverFrame(Answer("0210", "TERM0002", 123, "00"));  // another terminal
        _link.DeliverFrame(Answer("0410", "TERM0001", 123, "00"));  // a reversal answer, same trace
        _link.DeliverFrame(Answer("0110", "TERM0001", 123, "00"));  // answer to a 0100, not a 0200
        _link.DeliverFrame(Answer("0210", "TERM0001", 123, "05"));  // the one
        Iso8583Message answer = _exchange.Exchange(Sale());
        Assert.Equal("05", answer.GetString(39));
        Assert.Equal(4, _exchange.DiscardedCount);
        Assert.True(_link.IsConnected);
    }

    [Fact]
    public void Only_mismatching_answers_then_silence_is_a_timeout_at_the_deadline_and_closes_the_link()
    {
        _link.DeliverFrame(Answer("0210", "TERM0001", 999, "00"), delayMs: 100);
        var e = Assert.Throws<HostLinkException>(() => _exchange.Exchange(Sale()));
        Assert.Equal(HostLinkError.Timeout, e.Reason);
        Assert.Equal(1, _exchange.DiscardedCount);
        Assert.Equal(5000, _clock.NowMilliseconds);     // deadline = send time 0 + 5000 ms
        Assert.False(_link.IsConnected);
    }

    [Fact]
    public void An_answer_after_the_deadline_is_a_timeout()
    {
        _link.DeliverFrame(Answer("0210", "TERM0001", 123, "00"), delayMs: 5001);
        var e = Assert.Throws<HostLinkException>(() => _exchange.Exchange(Sale()));
        Assert.Equal(HostLinkError.Timeout, e.Reason);
    }

    [Fact]
    public void A_per_message_timeout_overrides_the_default()
    {
        _link.DeliverFrame(Answer("0210", "TERM0001", 123, "00"), delayMs: 7000);
        Assert.Equal("00", _exchange.Exchange(Sale(), 8000).GetString(39));
        Assert.Equal(7000, _clock.NowMilliseconds);
    }

    [Fact]
    public void A_frame_that_trickles_in_byte_by_byte_is_reassembled()
    {
        byte[] frame = LengthPrefixFrame.Wrap(Answer("0210", "TERM0001", 123, "00"));
        for (int i = 0; i < frame.Length; i++) _link.Deliver(new[] { frame[i] }, delayMs: 10 * (i + 1));
        Assert.Equal("00", _exchange.Exchange(Sale()).GetString(39));
        Assert.Equal(10 * frame.Length, _clock.NowMilliseconds);
    }

    [Fact]
    public void A_frame_whose_end_arrives_after_the_deadline_is_a_timeout()
    {
        byte[] frame = LengthPrefixFrame.Wrap(Answer("0210", "TERM0001", 123, "00"));
        _link.Deliver(frame[..10], delayMs: 100);
        _link.Deliver(frame[10..], delayMs: 6000);
        Assert.Equal(HostLinkError.Timeout, Assert.Throws<HostLinkException>(() => _exchange.Exchange(Sale())).Reason);
        Assert.False(_link.IsConnected);
    }

    [Fact]
    public void Disconnect_in_the_middle_of_a_frame_is_reported_as_disconnected()
    {
        byte[] frame = LengthPrefixFrame.Wrap(Answer("0210", "TERM0001", 123, "00"));
        _link.Deliver(frame[..7]);
        _link.Disconnect(delayMs: 50);
        Assert.Equal(HostLinkError.Disconnected, Assert.Throws<HostLinkException>(() => _exchange.Exchange(Sale())).Reason);
        Assert.False(_link.IsConnected);
    }

    [Fact]
    public void Disconnect_inside_the_length_header_is_reported_as_disconnected()
    {
        _link.Deliver(new byte[] { 0x00 });
        _link.Disconnect();
        Assert.Equal(HostLinkError.Disconnected, Assert.Throws<HostLinkException>(() => _exchange.Exchange(Sale())).Reason);
    }

    [Fact]
    public void A_zero_length_header_is_malformed()
    {
        _link.Deliver(new byte[] { 0x00, 0x00, 0x02, 0x10 });
        var e = Assert.Throws<HostLinkException>(() => _exchange.Exchange(Sale()));
        Assert.Equal(HostLinkError.Malformed, e.Reason);
        Assert.IsType<Iso8583Exception>(e.InnerException);
        Assert.False(_link.IsConnected);
    }

    [Fact]
    public void A_frame_that_does_not_parse_is_malformed()
    {
        // MTI 0210 with version digit... "1210" has version digit 1 (ISO 8583:1993): refused as BadMti.
        _link.DeliverFrame(Hex.Decode("1210" + "0000000000000000"));
        var e = Assert.Throws<HostLinkException>(() => _exchange.Exchange(Sale()));
        Assert.Equal(HostLinkError.Malformed, e.Reason);
    }

    [Fact]
    public void A_send_on_a_dropped_link_is_disconnected_and_nothing_is_sent()
    {
        _link.FailNextSend = true;
        Assert.Equal(HostLinkError.Disconnected, Assert.Throws<HostLinkException>(() => _exchange.Exchange(Sale())).Reason);
        Assert.Empty(_link.Sent);
    }

    [Fact]
    public void A_request_without_trace_number_is_refused_before_sending()
    {
        Iso8583Message m = Sale();
        m.Remove(11);
        var e = Assert.Throws<Iso8583Exception>(() => _exchange.Exchange(m));
        Assert.Equal(11, e.FieldNumber);
        Assert.Empty(_link.Sent);
    }

    [Fact]
    public void A_repeat_reversal_0401_is_matched_by_a_0410()
    {
        // ResponseOf: a repeat (origin 1) is answered as an original: 0401 -> 0410 (jPOS setResponseMTI).
        Iso8583Message reversal = Generic87Messages.Reversal(Sale(), 124, "0315103100", "68");
        reversal.Mti = MessageTypes.RepeatOf(reversal.Mti);
        _link.DeliverFrame(Answer("0410", "TERM0001", 124, "00"));
        Assert.Equal("0410", _exchange.Exchange(reversal).Mti);
    }

    [Fact]
    public void UnionPay_frames_carry_tpdu_and_header_and_match_the_same_way()
    {
        var exchange = new HostExchange(_link, UnionPayDialect.Dialect, _clock);
        Iso8583Message sale = UnionPayMessages.Sale(Iso8583TestData.UnionPayHeader(), Iso8583TestData.UnionPayCard());
        Iso8583Message answer = UnionPayMessages.Response(sale, "00");
        _link.DeliverFrame(UnionPayDialect.Dialect.Pack(answer));
        Assert.Equal("0210", exchange.Exchange(sale).Mti);
        // The payload sent starts with the TPDU: ID 0x60 (docs/host-protocol.md, dialect B).
        Assert.Equal(0x60, _link.Sent[0][0]);
    }

    /// <summary>Wraps a connection to capture the raw bytes of the first send.</summary>
    private sealed class RecordingConnection(IHostConnection inner, Action<byte[]> onFrame) : IHostConnection
    {
        public bool IsConnected => inner.IsConnected;
        public void Connect(int timeoutMs) => inner.Connect(timeoutMs);
        public void Send(byte[] data, int offset, int count)
        {
            onFrame(data.AsSpan(offset, count).ToArray());
            inner.Send(data, offset, count);
        }
        public int Receive(byte[] buffer, int offset, int count, int timeoutMs) => inner.Receive(buffer, offset, count, timeoutMs);
        public void Close() => inner.Close();
    }
}
