using System.Text;
using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.Journal;

namespace Terminal.Tests.Journal;

/// <summary>
/// An independent, hand-written model of what the journal must hold (docs/journal.md rules): the torn-write test
/// compares the recovered journal with it. It shares no code with the journal except the enums.
/// </summary>
public sealed class JournalModel
{
    public sealed class Tx
    {
        public int Trace, Batch, OriginalTrace = -1;
        public TransactionKind Kind;
        public CardScheme Scheme;
        public long Amount;
        public string Currency, Pan, Mti, Rrn, Auth, Code, Reason;
        public TransactionState State;
        public byte[] Reversal, Advice;

        public Tx Clone() => (Tx)MemberwiseClone();

        public bool Final => State is TransactionState.Approved or TransactionState.Declined
            or TransactionState.Reversed or TransactionState.Advised;
    }

    public int LastTrace;
    public int Batch = 1;
    /// <summary>The pending settlement as "batch|trace|request hex", or null.</summary>
    public string Settlement;
    public List<Tx> Txs = new();
    /// <summary>Every trace number a completed ReserveTrace returned.</summary>
    public HashSet<int> Handed = new();

    public JournalModel Clone()
    {
        var m = new JournalModel { LastTrace = LastTrace, Batch = Batch, Settlement = Settlement, Handed = new HashSet<int>(Handed) };
        foreach (Tx t in Txs) m.Txs.Add(t.Clone());
        return m;
    }

    public Tx Get(int trace) => Txs.FindLast(t => t.Trace == trace);

    public void Reserve(int trace)
    {
        LastTrace = trace;
        Handed.Add(trace);
    }

    public void Request(JournalTransaction j) => Add(j, TransactionState.InFlight);

    public void Advice(JournalTransaction j) => Add(j, TransactionState.AdvicePending);

    private void Add(JournalTransaction j, TransactionState state)
    {
        Txs.Add(new Tx
        {
            Trace = j.Trace, Batch = Batch, Kind = j.Kind, Scheme = j.Scheme, Amount = j.Amount, Currency = j.Currency,
            Pan = j.MaskedPan, Mti = j.Mti, State = state, Reversal = j.Reversal, Advice = j.Advice,
            OriginalTrace = j.OriginalTrace
        });
    }

    /// <summary>A new batch: final transactions of other batches are settled and leave the journal.</summary>
    public void SetBatch(int batch)
    {
        Batch = batch;
        Settlement = null;                      // a new batch number resolves a pending settlement
        Txs.RemoveAll(t => t.Final && t.Batch != batch);
    }

    /// <summary>Same text as <see cref="JournalTestKit.Describe(TransactionJournal)"/>; after a reopen InFlight reads as ReversalPending.</summary>
    public string Describe(bool reopened)
    {
        var sb = new StringBuilder();
        sb.Append("trace=").Append(LastTrace).Append(" batch=").Append(Batch).Append('\n');
        if (Settlement != null) sb.Append("settlement=").Append(Settlement).Append('\n');
        foreach (Tx t in Txs)
        {
            TransactionState s = reopened && t.State == TransactionState.InFlight ? TransactionState.ReversalPending : t.State;
            sb.Append(string.Join("|", t.Trace, t.Batch, (int)t.Kind, (int)t.Scheme, t.Amount, t.Currency, t.Pan, t.Mti,
                (int)s, t.Rrn, t.Auth, t.Code, t.Reason, t.OriginalTrace,
                t.Reversal == null ? "-" : Hex.Encode(t.Reversal), t.Advice == null ? "-" : Hex.Encode(t.Advice))).Append('\n');
        }
        return sb.ToString();
    }
}
