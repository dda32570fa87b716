using System.Collections.Generic;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.EmvKernel.Util;

namespace Terminal.HostSimulation
{
    public sealed partial class HostSimulator
    {
        private readonly Dictionary<string, byte[]> _settlementAnswers = new Dictionary<string, byte[]>();
        private readonly Dictionary<string, int> _uploadBatch = new Dictionary<string, int>();

        /// <summary>
        /// 0500: compares the terminal's batch totals with the ledger's for that terminal and batch. Equal: the batch
        /// is closed, answer 00 (UnionPay: DE 48 result 1). Different: generic answer 95, UnionPay 00 with DE 48
        /// result 2, and the host waits for the batch upload; a generic 0500 repeated after the upload closes the
        /// batch (recorded as closed after upload). A repeat of the same request (same trace) gets the same answer.
        /// </summary>
        private byte[] Reconciliation(RequestContext ctx)
        {
            Iso8583Message req = ctx.Request;
            string tid = ctx.TerminalId;
            int stan = ctx.Stan;
            int batch;
            BatchTotals terminal;
            UnionPaySettlementTotals upTotals = null;
            if (ctx.UnionPay)
            {
                batch = ctx.Batch;
                upTotals = UnionPaySettlementTotals.Parse(req.GetString(48));
                terminal = new BatchTotals();
                terminal.DebitAmount = upTotals.Domestic.DebitAmount + upTotals.Foreign.DebitAmount;
                terminal.DebitCount = upTotals.Domestic.DebitCount + upTotals.Foreign.DebitCount;
                terminal.CreditAmount = upTotals.Domestic.CreditAmount + upTotals.Foreign.CreditAmount;
                terminal.CreditCount = upTotals.Domestic.CreditCount + upTotals.Foreign.CreditCount;
            }
            else
            {
                string f60 = req.GetString(60);
                if (!DecimalText.IsDigits(f60, 6, 6)) return ctx.Answer(HostRules.FormatError);
                batch = int.Parse(f60);
                Generic87Totals g = Generic87Totals.ReadFrom(req);
                // The terminal may count reversed transactions in DE 76/88 and again in DE 77/89: compare the net.
                terminal = new BatchTotals();
                terminal.DebitCount = g.DebitsNumber - g.DebitsReversalNumber;
                terminal.DebitAmount = g.DebitsAmount - g.DebitsReversalAmount;
                terminal.CreditCount = g.CreditsNumber - g.CreditsReversalNumber;
                terminal.CreditAmount = g.CreditsAmount - g.CreditsReversalAmount;
            }
            if (!ctx.MacValid()) return ctx.Answer(MacFailureCode());
            string answerKey = string.Concat(tid, "|", stan.ToString(), "|", batch.ToString());
            lock (Ledger.Sync)
            {
                byte[] previous;
                if (_settlementAnswers.TryGetValue(answerKey, out previous)) return ctx.Repeat(previous);
                BatchTotals host = Ledger.Totals(tid, batch);
                SettlementRecord closed = ClosedSettlement(tid, batch);
                if (closed != null && host.SameAs(new BatchTotals()) && closed.Host.SameAs(terminal))
                {
                    // The batch is already closed with these very totals: the terminal never got the answer (lost 0510,
                    // power cut) and settles again under a new trace. The settlement is the same one: balanced, nothing
                    // closed twice, no new record (hosts key settlement on terminal and batch number).
                    Iso8583Message again = ctx.Response(HostRules.Approved);
                    if (ctx.UnionPay)
                    {
                        int balanced = UnionPayCardTotals.ResultBalanced;
                        again.SetString(48, new UnionPaySettlementTotals(
                            new UnionPayCardTotals(upTotals.Domestic.DebitAmount, upTotals.Domestic.DebitCount, upTotals.Domestic.CreditAmount, upTotals.Domestic.CreditCount, balanced),
                            new UnionPayCardTotals(upTotals.Foreign.DebitAmount, upTotals.Foreign.DebitCount, upTotals.Foreign.CreditAmount, upTotals.Foreign.CreditCount, balanced)).Compose());
                    }
                    byte[] cleanAgain;
                    byte[] deliveredAgain = ctx.Finish(again, out cleanAgain);
                    _settlementAnswers[answerKey] = cleanAgain;
                    return deliveredAgain;
                }
                SettlementRecord record = new SettlementRecord();
                record.TerminalId = tid;
                record.Batch = batch;
                record.Terminal = terminal;
                record.Host = host;
                record.Balanced = host.SameAs(terminal);
                record.Uploaded = Ledger.UploadsOf(tid, batch);
                string code = HostRules.Approved;
                if (record.Balanced)
                {
                    Ledger.CloseBatchInternal(tid, batch);
                    Ledger.SetPendingUpload(tid, batch, false);
                }
                else if (!ctx.UnionPay && Ledger.PendingUpload(tid, batch) && record.Uploaded > 0)
                {
                    record.ClosedAfterUpload = true;
                    Ledger.CloseBatchInternal(tid, batch);
                    Ledger.SetPendingUpload(tid, batch, false);
                }
                else
                {
                    Ledger.SetPendingUpload(tid, batch, true);
                    lock (_uploadBatch) _uploadBatch[tid] = batch;
                    if (!ctx.UnionPay) code = HostRules.ReconcileError;
                }
                Ledger.AddSettlementInternal(record);
                Iso8583Message response = ctx.Response(code);
                if (ctx.UnionPay)
                {
                    int result = record.Balanced ? UnionPayCardTotals.ResultBalanced : UnionPayCardTotals.ResultNotBalanced;
                    UnionPaySettlementTotals answer = new UnionPaySettlementTotals(
                        new UnionPayCardTotals(upTotals.Domestic.DebitAmount, upTotals.Domestic.DebitCount, upTotals.Domestic.CreditAmount, upTotals.Domestic.CreditCount, result),
                        new UnionPayCardTotals(upTotals.Foreign.DebitAmount, upTotals.Foreign.DebitCount, upTotals.Foreign.CreditAmount, upTotals.Foreign.CreditCount, result));
                    response.SetString(48, answer.Compose());
                }
                byte[] clean;
                byte[] delivered = ctx.Finish(response, out clean);
                _settlementAnswers[answerKey] = clean;
                return delivered;
            }
        }

        // The settlement record that closed this terminal's batch, or null when the batch is still open.
        private SettlementRecord ClosedSettlement(string terminalId, int batch)
        {
            IReadOnlyList<SettlementRecord> all = Ledger.Settlements();
            for (int i = all.Count - 1; i >= 0; i--)
            {
                SettlementRecord r = all[i];
                if (r.TerminalId == terminalId && r.Batch == batch && (r.Balanced || r.ClosedAfterUpload)) return r;
            }
            return null;
        }

        /// <summary>
        /// 0320: batch upload after totals that differed. Each upload is counted for the terminal's pending batch;
        /// UnionPay end of upload (60.3 202 after unbalanced totals) closes the batch. Always acknowledged (00).
        /// </summary>
        private byte[] BatchUpload(RequestContext ctx)
        {
            string tid = ctx.TerminalId;
            int stan = ctx.Stan;
            if (!ctx.MacValid()) return ctx.Answer(MacFailureCode());
            int batch;
            string network = null;
            if (ctx.UnionPay)
            {
                UnionPayField60 f60 = ctx.Field60();
                batch = f60.BatchNumber;
                network = f60.NetworkCode;
            }
            else
            {
                lock (_uploadBatch) if (!_uploadBatch.TryGetValue(tid, out batch)) batch = -1;
            }
            string answerKey = string.Concat("U|", tid, "|", stan.ToString(), "|", batch.ToString());
            lock (Ledger.Sync)
            {
                byte[] previous;
                if (_settlementAnswers.TryGetValue(answerKey, out previous)) return ctx.Repeat(previous);
                if (batch >= 0 && Ledger.PendingUpload(tid, batch))
                {
                    if (network == UnionPayMessages.NetBatchUploadEndNotBalanced)
                    {
                        SettlementRecord record = new SettlementRecord();
                        record.TerminalId = tid;
                        record.Batch = batch;
                        record.Host = Ledger.Totals(tid, batch);
                        record.Uploaded = Ledger.UploadsOf(tid, batch);
                        record.ClosedAfterUpload = true;
                        Ledger.CloseBatchInternal(tid, batch);
                        Ledger.SetPendingUpload(tid, batch, false);
                        Ledger.AddSettlementInternal(record);
                    }
                    else if (network == null || network == UnionPayMessages.NetSettlement)
                    {
                        Ledger.RecordUpload(tid, batch);
                    }
                }
                byte[] clean;
                byte[] delivered = ctx.Finish(ctx.Response(HostRules.Approved), out clean);
                _settlementAnswers[answerKey] = clean;
                return delivered;
            }
        }
    }
}
