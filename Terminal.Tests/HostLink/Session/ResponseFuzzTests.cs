using CsCheck;
using Terminal.Firmware.Core.HostLink.Session;
using Terminal.Firmware.Core.Journal;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.Tests.HostLink.Transport;
using Terminal.Tests.Tlv;
using Xunit;

namespace Terminal.Tests.HostLink.Session;

/// <summary>
/// Fuzz of the response side: whatever bytes the host sends back to a sale (random payloads, random raw bytes
/// with or without a drop, mutated valid answers, mutated frames), the session never throws, and the sale is
/// never lost: it is in the journal, its status agrees with the journal, and once a well-behaved host takes the
/// reversals it ends Approved (counted once), Declined or Reversed (counted nowhere). A malformed answer is an
/// unknown outcome: reversal.
/// </summary>
public class ResponseFuzzTests
{
    private static long Iterations => Math.Max(1, FuzzIterations.Value / 20);

    private static byte[] RandomBytes(Random r, int min, int max)
    {
        var b = new byte[r.Next(min, max + 1)];
        r.NextBytes(b);
        return b;
    }

    private static byte[] Mutate(byte[] input, Random r)
    {
        var bytes = new List<byte>(input);
        int count = 1 + r.Next(4);
        for (int i = 0; i < count; i++)
        {
            int at = bytes.Count == 0 ? 0 : r.Next(bytes.Count);
            switch (r.Next(5))
            {
                case 0: if (bytes.Count > 0) bytes[at] ^= (byte)(1 << r.Next(8)); break;   // flip a bit
                case 1: if (bytes.Count > 0) bytes[at] = (byte)r.Next(256); break;         // replace a byte
                case 2: bytes.Insert(at, (byte)r.Next(256)); break;                         // insert
                case 3: if (bytes.Count > 0) bytes.RemoveAt(at); break;                     // delete
                default: if (bytes.Count > 0) bytes.RemoveRange(at, bytes.Count - at); break; // truncate
            }
        }
        return bytes.ToArray();
    }

    /// <summary>The host's reply to the sale for one sample: mode picks the kind of damage, seed the bytes.</summary>
    private static Action<FakeHostConnection> Damaged(Iso8583Message request, int mode, Random r)
    {
        Iso8583Message valid = Generic87Messages.Response(request, r.Next(2) == 0 ? "00" : "05");
        valid.SetString(37, "506712345678");
        byte[] payload = Generic87Dialect.Dialect.Pack(valid);
        switch (mode)
        {
            case 0: return link => link.DeliverFrame(RandomBytes(r, 1, 300));                  // framed garbage
            case 1:
                byte[] raw = RandomBytes(r, 1, 300);
                bool drop = r.Next(2) == 0;
                return link => { link.Deliver(raw); if (drop) link.Disconnect(); };              // raw bytes, maybe a drop
            case 2:
                byte[] mutated = Mutate(payload, r);
                return link => { if (mutated.Length > 0) link.DeliverFrame(mutated); };       // mutated answer, framed
            default:
                byte[] frame = Mutate(LengthPrefixFrame.Wrap(payload), r);
                return link => { if (frame.Length > 0) link.Deliver(frame); };                // mutated frame
        }
    }

    private static void OneSale(int mode, int seed)
    {
        var r = new Random(seed);
        var host = new ScriptedHost();
        host.Reply = m => m.Mti == "0200" ? Damaged(m, mode, r) : ScriptedHost.Approve(m);
        AuthorisationResult result = host.Session.Authorise(host.Sale(1000), TransactionKind.Sale, CardScheme.Visa);

        JournalTransaction tx = host.Journal.Find(1);
        Assert.NotNull(tx);                                     // journaled before sending, whatever came back
        switch (result.Status)
        {
            case AuthorisationStatus.HostApproved:
                Assert.Equal(TransactionState.InFlight, tx.State);
                Assert.Equal("0210", result.Response.Mti);      // only a matching answer is taken
                Assert.Equal(1, result.Response.GetNumeric(11));
                Assert.Equal("TERM0001", result.Response.GetString(41));
                result = host.Session.Complete(result, true, null);
                Assert.Equal(TransactionState.Approved, host.Journal.Find(1).State);
                break;
            case AuthorisationStatus.Declined:
                Assert.Equal(TransactionState.Declined, tx.State);
                Assert.NotEqual("00", result.ResponseCode);
                break;
            case AuthorisationStatus.Reversed:
                Assert.Equal(TransactionState.Reversed, tx.State);
                Assert.NotEqual(SessionFailure.None, result.Failure);
                break;
            case AuthorisationStatus.ReversalPending:
                Assert.Equal(TransactionState.ReversalPending, tx.State);
                break;
            default:
                Assert.Fail("unexpected status " + result.Status);
                break;
        }

        // A well-behaved host afterwards: nothing stays open, and the batch counts the sale at most once.
        host.Reply = null;
        Assert.Equal(SessionFailure.None, host.Session.SendPendingReversals());
        TransactionState final = host.Journal.Find(1).State;
        Assert.Contains(final, new[] { TransactionState.Approved, TransactionState.Declined, TransactionState.Reversed });
        Assert.Equal(final == TransactionState.Approved ? 1 : 0, host.Journal.CurrentBatch().Count);
    }

    /// <summary>The sale's answer never comes; the reversal's answer is damaged. The reversal stays pending or is acknowledged, never lost.</summary>
    private static void OneReversal(int mode, int seed)
    {
        var r = new Random(seed);
        var host = new ScriptedHost();
        host.Reply = m => m.Mti == "0200" ? null : Damaged(m, mode, r);
        AuthorisationResult result = host.Session.Authorise(host.Sale(1000), TransactionKind.Sale, CardScheme.Visa);
        Assert.Contains(result.Status, new[] { AuthorisationStatus.ReversalPending, AuthorisationStatus.Reversed });
        Assert.Equal(result.Status == AuthorisationStatus.Reversed ? TransactionState.Reversed : TransactionState.ReversalPending,
            host.Journal.Find(1).State);
        host.Reply = null;
        Assert.Equal(SessionFailure.None, host.Session.SendPendingReversals());
        Assert.Equal(TransactionState.Reversed, host.Journal.Find(1).State);
        Assert.Empty(host.Journal.CurrentBatch());
    }

    /// <summary>One approved sale, then a damaged 0510: settled (batch closed) or failed (batch kept), never an exception.</summary>
    private static void OneSettlement(int mode, int seed)
    {
        var r = new Random(seed);
        var host = new ScriptedHost();
        host.Session.Complete(host.Session.Authorise(host.Sale(1000), TransactionKind.Sale, CardScheme.Visa), true, null);
        host.Reply = m => m.Mti == "0500" ? Damaged(m, mode, r) : ScriptedHost.Approve(m);
        SettlementResult result = host.Session.Settle(SessionTestData.TerminalFields());
        Assert.Equal(result.Settled ? 2 : 1, host.Journal.BatchNumber);
        Assert.Equal(result.Settled, result.Notice.FundsSettled);
        if (!result.Settled)
        {
            Assert.NotEqual(SessionFailure.None, result.Report.Failure);
            Assert.Single(host.Journal.CurrentBatch());          // the approved sale is still in the open batch
        }
    }

    private static void Run(int mode) =>
        Gen.Int.Sample(seed => OneSale(mode, seed), iter: Iterations);

    [Fact] public void Framed_random_payloads_never_lose_the_sale() => Run(0);
    [Fact] public void Raw_random_bytes_and_drops_never_lose_the_sale() => Run(1);
    [Fact] public void Mutated_answers_never_lose_the_sale() => Run(2);
    [Fact] public void Mutated_frames_never_lose_the_sale() => Run(3);

    [Fact]
    public void Damaged_reversal_answers_never_lose_the_reversal() =>
        Gen.Select(Gen.Int[0, 3], Gen.Int).Sample((mode, seed) => OneReversal(mode, seed), iter: Iterations);

    [Fact]
    public void Damaged_settlement_answers_keep_or_close_the_batch_consistently() =>
        Gen.Select(Gen.Int[0, 3], Gen.Int).Sample((mode, seed) => OneSettlement(mode, seed), iter: Iterations);
}
