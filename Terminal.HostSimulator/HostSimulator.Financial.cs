using System;
using System.Collections.Generic;
using Terminal.EmvKernel.Tlv;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.Firmware.Core.HostLink.Security;
using Terminal.EmvKernel.Util;

namespace Terminal.HostSimulation
{
    public sealed partial class HostSimulator
    {
        // The checks every card-bearing request passes first: MAC, decipherable card data, a PAN; then DE 3 and DE 4.
        // Returns the refusal to send, or null with the PAN, processing code and amount read.
        private byte[] CardRequest(RequestContext ctx, out string pan, out string pc, out long amount)
        {
            Iso8583Message req = ctx.Request;
            pan = null;
            pc = null;
            amount = 0;
            if (!ctx.MacValid()) return ctx.Answer(MacFailureCode());
            if (ctx.CardDataUndecipherable) return ctx.Answer(HostRules.CardDataUndecipherable);
            pan = ctx.Pan;
            if (pan == null) return ctx.Answer(HostRules.FormatError);
            pc = req.GetString(3) ?? "000000";
            amount = req.Has(4) ? req.GetNumeric(4) : 0;
            return null;
        }

        /// <summary>0100/0200: MAC, repeat check, issuer decision, answer with ARPC, ledger entry.</summary>
        private byte[] Financial(RequestContext ctx)
        {
            Iso8583Message req = ctx.Request;
            string tid = ctx.TerminalId;
            int stan = ctx.Stan;
            string dateKey = ctx.DateKey;
            int batch = ctx.Batch;
            string pan, pc;
            long amount;
            byte[] refused = CardRequest(ctx, out pan, out pc, out amount);
            if (refused != null) return refused;
            LedgerKind kind = KindOf(ctx, pc);
            string key = Ledger.KeyOf(tid, stan, dateKey);
            string fingerprint = string.Concat(ctx.BaseMti, "|", pc, "|", amount.ToString(), "|", pan);

            lock (StripeOf(key))
            {
                lock (Ledger.Sync)
                {
                    LedgerEntry existing = Ledger.FindInternal(key);
                    if (existing != null)
                        return existing.Fingerprint == fingerprint ? ctx.Repeat(existing.Response) : ctx.Answer(HostRules.DuplicateTransmission);
                }

                HostAccount account = Account(pan);
                ArqcData arqc = null;
                string code = Decide(ctx, account, kind, amount, pan, ref arqc);
                bool lateAfterReversal;
                lock (Ledger.Sync) lateAfterReversal = Ledger.WasReversedBeforeArrival(key);
                // The original arriving after its own reversal (delayed on another connection) is not approved [K].
                if (lateAfterReversal && code == HostRules.Approved) code = HostRules.DuplicateTransmission;
                bool approved = code == HostRules.Approved;

                Iso8583Message response = ctx.Response(code);
                long sequence = NextSequence();
                response.SetString(37, sequence.ToString("D12"));
                if (approved && kind != LedgerKind.None) response.SetString(38, (sequence % 1000000).ToString("D6"));
                if (pc.StartsWith("31", StringComparison.Ordinal) && approved && account != null)
                    response.SetString(54, BalanceField(req, account));
                if (arqc != null && account != null && account.CryptogramVersion != null && account.MasterKeys != null)
                {
                    IssuerScript[] scripts = approved ? TakeScripts(account) : null;
                    response.SetBytes(55, IssuerCryptography.ResponseField55(Crypto, account, arqc, code, scripts, (int)(sequence & 0x7FFFFFFF)));
                }
                byte[] clean;
                byte[] delivered = ctx.Finish(response, out clean);

                LedgerEntry e = new LedgerEntry();
                e.Key = key;
                e.TerminalId = tid;
                e.Stan = stan;
                e.DateKey = dateKey;
                e.Batch = batch;
                e.Mti = req.Mti;
                e.Kind = kind;
                e.Amount = amount;
                e.Pan = pan;
                e.MaskedPan = HostAccount.Mask(pan);
                e.ResponseCode = code;
                e.Approved = approved;
                e.Fingerprint = fingerprint;
                e.Response = clean;
                lock (Ledger.Sync)
                {
                    Ledger.AddInternal(e);
                    if (approved && account != null) ApplyBalance(account, kind, amount, false);
                }
                return delivered;
            }
        }

        /// <summary>The issuer decision: card, cryptogram, expiry, PIN, amount limit, funds (in that order).</summary>
        private string Decide(RequestContext ctx, HostAccount account, LedgerKind kind, long amount, string pan, ref ArqcData arqc)
        {
            if (account == null) return HostRules.InvalidCardNumber;
            bool cryptogramOk = true;
            try
            {
                arqc = IssuerCryptography.Read(ctx.Request.GetBytes(55));
                if (arqc != null) cryptogramOk = IssuerCryptography.Verify(Crypto, account, arqc);
            }
            catch (TlvException)
            {
                arqc = null;
                cryptogramOk = false;
            }
            catch (ArgumentException)
            {
                arqc = null;
                cryptogramOk = false;
            }
            if (!cryptogramOk) return Rules.CryptogramFailureCode;
            if (Rules.CheckExpiry && Expired(account.Expiry ?? ctx.CardExpiry)) return HostRules.ExpiredCard;
            if (!PinOk(ctx, account, pan)) return HostRules.IncorrectPin;
            bool spends = kind == LedgerKind.Debit || kind == LedgerKind.Authorization;
            if (spends && Rules.DeclineAbove >= 0 && amount > Rules.DeclineAbove) return Rules.AmountLimitCode;
            if (spends && amount > Balance(account)) return HostRules.InsufficientFunds;
            return HostRules.Approved;
        }

        /// <summary>True when no PIN block came, or the deciphered PIN equals the account's PIN.</summary>
        private bool PinOk(RequestContext ctx, HostAccount account, string pan)
        {
            RequestKeys keys = ctx.Keys;
            bool hasBlock = ctx.Request.Has(52) || (keys != null && keys.AesPinBlock != null);
            if (!hasBlock) return true;
            if (keys == null || account.Pin == null) return false;
            bool withoutPan = false;
            if (ctx.UnionPay && ctx.Request.Has(53))
            {
                UnionPayField53 f53 = UnionPayField53.Parse(ctx.Request.GetString(53));
                withoutPan = f53.PinFormat == 1;
            }
            byte[] digits = null;
            try
            {
                digits = keys.DecipherPin(ctx.Request, pan, withoutPan);
                if (digits == null) return true;
                if (digits.Length != account.Pin.Length) return false;
                int diff = 0;
                for (int i = 0; i < digits.Length; i++) diff |= digits[i] ^ (account.Pin[i] - '0');
                return diff == 0;
            }
            catch (SecurityException)
            {
                return false;
            }
            finally
            {
                if (digits != null) Array.Clear(digits, 0, digits.Length);
            }
        }

        private bool Expired(string yymm)
        {
            if (!DecimalText.IsDigits(yymm, 4, 4)) return false;
            DateTime now = Clock();
            int current = (now.Year % 100) * 100 + now.Month;
            return int.Parse(yymm) < current;
        }

        private LedgerKind KindOf(RequestContext ctx, string pc)
        {
            if (pc.StartsWith("31", StringComparison.Ordinal)) return LedgerKind.None;
            bool credit = pc.StartsWith("20", StringComparison.Ordinal);
            if (ctx.BaseMti == MessageTypes.AuthorizationRequest) return credit ? LedgerKind.None : LedgerKind.Authorization;
            return credit ? LedgerKind.Credit : LedgerKind.Debit;
        }

        private long Balance(HostAccount account)
        {
            lock (Ledger.Sync) return account.Balance;
        }

        /// <summary>Debits or credits the balance (reverse: undo). Called under the ledger lock.</summary>
        private void ApplyBalance(HostAccount account, LedgerKind kind, long amount, bool reverse)
        {
            long sign = kind == LedgerKind.Debit ? -1 : kind == LedgerKind.Credit ? 1 : 0;
            if (reverse) sign = -sign;
            account.Balance += sign * amount;
            Ledger.Touch();
        }

        private static string BalanceField(Iso8583Message req, HostAccount account)
        {
            // ISO 8583 DE 54 amount: account type 00, amount type 02 (available), currency, C/D, 12 digits [K].
            string currency = req.GetString(49) ?? "156";
            long b = account.Balance;
            return string.Concat("0002", currency, b >= 0 ? "C" : "D", Math.Abs(b).ToString("D12"));
        }

        private IssuerScript[] TakeScripts(HostAccount account)
        {
            lock (account.Scripts)
            {
                if (account.Scripts.Count == 0) return null;
                IssuerScript[] all = new IssuerScript[account.Scripts.Count];
                account.Scripts.CopyTo(all, 0);
                for (int i = account.Scripts.Count - 1; i >= 0; i--) if (account.Scripts[i].Once) account.Scripts.RemoveAt(i);
                return all;
            }
        }

        /// <summary>0220/0221: offline approvals, store-and-forward, UnionPay refunds and completion advices; counted once.</summary>
        private byte[] Advice(RequestContext ctx)
        {
            Iso8583Message req = ctx.Request;
            string tid = ctx.TerminalId;
            int stan = ctx.Stan;
            string dateKey = ctx.DateKey;
            int batch = ctx.Batch;
            string pan, pc;
            long amount;
            byte[] refused = CardRequest(ctx, out pan, out pc, out amount);
            if (refused != null) return refused;
            LedgerKind kind = pc.StartsWith("20", StringComparison.Ordinal) ? LedgerKind.Credit : LedgerKind.Debit;
            // Generic advices carry the terminal's decision in DE 39: Y1/Y3 (offline approved) or 00 count, Z1/Z3 do not.
            string terminalCode = req.GetString(39);
            bool approved = terminalCode == null || terminalCode == "Y1" || terminalCode == "Y3" || terminalCode == "00";
            string key = Ledger.KeyOf(tid, stan, dateKey);
            string fingerprint = string.Concat(MessageTypes.FinancialAdvice, "|", pc, "|", amount.ToString(), "|", pan);
            lock (StripeOf(key))
            {
                lock (Ledger.Sync)
                {
                    LedgerEntry existing = Ledger.FindInternal(key);
                    if (existing != null)
                        return existing.Fingerprint == fingerprint ? ctx.Repeat(existing.Response) : ctx.Answer(HostRules.DuplicateTransmission);
                }
                Iso8583Message response = ctx.Response(HostRules.Approved);
                byte[] clean;
                byte[] delivered = ctx.Finish(response, out clean);
                LedgerEntry e = new LedgerEntry();
                e.Key = key;
                e.TerminalId = tid;
                e.Stan = stan;
                e.DateKey = dateKey;
                e.Batch = batch;
                e.Mti = req.Mti;
                e.Kind = kind;
                e.Amount = amount;
                e.Pan = pan;
                e.MaskedPan = HostAccount.Mask(pan);
                e.ResponseCode = terminalCode ?? HostRules.Approved;
                e.Approved = approved;
                e.Advice = true;
                e.Fingerprint = fingerprint;
                e.Response = clean;
                HostAccount account = Account(pan);
                lock (Ledger.Sync)
                {
                    Ledger.AddInternal(e);
                    if (approved && account != null) ApplyBalance(account, kind, amount, false);
                }
                return delivered;
            }
        }

        /// <summary>
        /// 0400/0401: reverses the original (generic: DE 90 trace, DE 13 date; UnionPay: same DE 11 and batch).
        /// Unknown originals are acknowledged and remembered; repeats change nothing.
        /// </summary>
        private byte[] Reversal(RequestContext ctx)
        {
            Iso8583Message req = ctx.Request;
            string tid = ctx.TerminalId;
            int originalStan = ctx.Stan;
            if (!ctx.UnionPay && req.Has(90))
            {
                string f90 = req.GetString(90);
                originalStan = int.Parse(f90.Substring(4, 6));
            }
            string dateKey = ctx.DateKey;
            if (!ctx.MacValid()) return ctx.Answer(MacFailureCode());
            string key = Ledger.KeyOf(tid, originalStan, dateKey);
            lock (StripeOf(key))
            {
                string code = HostRules.Approved;
                lock (Ledger.Sync)
                {
                    LedgerEntry e = Ledger.FindInternal(key);
                    if (e == null) Ledger.RememberUnknownReversal(key);
                    else if (e.SettledBatch >= 0) code = HostRules.InvalidTransaction;
                    else if (!e.Reversed)
                    {
                        Ledger.MarkReversedInternal(e);
                        HostAccount account = Account(e.Pan);
                        if (e.Approved && account != null) ApplyBalance(account, e.Kind, e.Amount, true);
                    }
                }
                return ctx.Answer(code);
            }
        }
    }
}
