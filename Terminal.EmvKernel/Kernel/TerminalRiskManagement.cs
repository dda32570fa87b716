using Terminal.EmvKernel.Util;
using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.DataObjects;
using Terminal.EmvKernel.Tlv;

namespace Terminal.EmvKernel.Kernel
{
    /// <summary>
    /// Terminal risk management, EMV 4.4 Book 3, 10.6 (and Book 4, 6.3.5 / 6.3.6 for the exception file and
    /// transaction log): floor limits with split sales (10.6.1), random transaction selection (10.6.2) and
    /// velocity checking (10.6.3), plus the exception file check. Results are TVR bits only; TSI B1b4 is set
    /// when the step has run. It is mandatory when AIP B1b4 is set; the caller decides whether to run it (a
    /// terminal may always run it). Only a lost card or a broken R-APDU during GET DATA ends the session
    /// (<see cref="KernelTerminatedException"/>); a card that does not give the ATC or Last Online ATC Register
    /// only sets TVR bits.
    /// </summary>
    public sealed class TerminalRiskManagement
    {
        /// <summary>'9F02' Amount, Authorised (n 12).</summary>
        public const int AmountAuthorisedTag = 0x9F02;
        /// <summary>'9F1B' Terminal Floor Limit (b 4, per AID).</summary>
        public const int TerminalFloorLimitTag = 0x9F1B;
        /// <summary>'9F14' Lower Consecutive Offline Limit (b 1).</summary>
        public const int LowerConsecutiveOfflineLimitTag = 0x9F14;
        /// <summary>'9F23' Upper Consecutive Offline Limit (b 1).</summary>
        public const int UpperConsecutiveOfflineLimitTag = 0x9F23;
        /// <summary>'9F36' Application Transaction Counter (b 2).</summary>
        public const int AtcTag = 0x9F36;
        /// <summary>'9F13' Last Online ATC Register (b 2).</summary>
        public const int LastOnlineAtcTag = 0x9F13;
        /// <summary>'5A' Application PAN.</summary>
        public const int PanTag = 0x5A;
        /// <summary>'5F34' PAN Sequence Number.</summary>
        public const int PanSequenceNumberTag = 0x5F34;

        private const string Step = "GET DATA";
        private const int FloorLimitLength = 4;
        private const int CounterLength = 2;

        private readonly ApduTransport _transport;
        private readonly TerminalData _terminal;
        private readonly CardData _card;

        /// <summary>The step over <paramref name="transport"/> with the transaction's terminal and card data.</summary>
        public TerminalRiskManagement(ApduTransport transport, TerminalData terminal, CardData card)
        {
            if (transport == null) throw new System.ArgumentNullException("transport");
            if (terminal == null) throw new System.ArgumentNullException("terminal");
            if (card == null) throw new System.ArgumentNullException("card");
            _transport = transport;
            _terminal = terminal;
            _card = card;
            Atc = -1;
            LastOnlineAtc = -1;
            VelocityChecking = true;
        }

        /// <summary>Velocity checking for this AID (Book 3, 10.6.3 is optional per AID); true by default.</summary>
        public bool VelocityChecking { get; set; }

        /// <summary>The terminal exception file; null: no exception file check.</summary>
        public IExceptionFile ExceptionFile { get; set; }

        /// <summary>The transaction log for split sales; null: the floor limit check uses the amount alone.</summary>
        public ITransactionLog TransactionLog { get; set; }

        /// <summary>The random number source for random transaction selection; null: no random selection.</summary>
        public ITransactionRandom Random { get; set; }

        /// <summary>Threshold Value for Biased Random Selection, in minor units (per AID, Book 3, 10.6.2).</summary>
        public long Threshold { get; set; }

        /// <summary>Target Percentage to be Used for Random Selection, 0-99 (per AID).</summary>
        public int TargetPercent { get; set; }

        /// <summary>Maximum Target Percentage to be Used for Biased Random Selection, 0-99, not below <see cref="TargetPercent"/> (per AID).</summary>
        public int MaxTargetPercent { get; set; }

        /// <summary>The ATC read by the last <see cref="Run"/> (0-65535), or -1 when not read.</summary>
        public int Atc { get; private set; }

        /// <summary>The Last Online ATC Register read by the last <see cref="Run"/> (0-65535), or -1 when not read.</summary>
        public int LastOnlineAtc { get; private set; }

        /// <summary>
        /// Runs the checks, sets the TVR bits found and TSI B1b4 "Terminal risk management was performed".
        /// Terminal data errors (missing or malformed '9F02' or '9F1B', random selection parameters out of range)
        /// throw <see cref="System.ArgumentException"/> before any bit is set or command sent.
        /// </summary>
        public void Run(TerminalVerificationResults tvr, TransactionStatusInformation tsi)
        {
            if (tvr == null) throw new System.ArgumentNullException("tvr");
            if (tsi == null) throw new System.ArgumentNullException("tsi");
            long amount;
            if (!NumericAmount.TryRead(_terminal.Get(AmountAuthorisedTag), out amount))
                throw new System.ArgumentException("Amount, Authorised '9F02' missing or not n 12");
            long floorLimit = FloorLimit(_terminal.Get(TerminalFloorLimitTag));
            CheckSelectionParameters();

            byte[] pan = _card.Get(PanTag);
            CheckExceptionFile(pan, tvr);
            CheckFloorLimit(amount, pan, floorLimit, tvr);
            SelectRandomly(amount, floorLimit, tvr);
            CheckVelocity(tvr);
            tsi.Set(TransactionStatusInformation.TerminalRiskManagementPerformed);
        }

        /// <summary>
        /// Book 3, 10.6.2: whether a transaction of <paramref name="amount"/> is selected for online processing
        /// with random number <paramref name="random"/> (1-99). Amounts at or above <paramref name="floorLimit"/>
        /// are never selected. Below <paramref name="threshold"/>: selected when random &lt;= target. From the
        /// threshold up to the floor limit the Transaction Target Percentage is
        /// TTP = target + (max - target) * (amount - threshold) / (floorLimit - threshold), and the transaction
        /// is selected when random &lt;= TTP. The division is done in long integers and truncates; because the
        /// random number is an integer, random &lt;= trunc(TTP) exactly when random &lt;= TTP, so the truncation
        /// loses nothing. The products stay below 99 * 2^32, far within a long.
        /// </summary>
        public static bool IsSelected(long amount, long floorLimit, long threshold, int targetPercent, int maxTargetPercent, int random)
        {
            if (amount >= floorLimit) return false;
            if (amount < threshold) return random <= targetPercent;
            long transactionTarget = targetPercent
                + (long)(maxTargetPercent - targetPercent) * (amount - threshold) / (floorLimit - threshold);
            return random <= transactionTarget;
        }

        // Book 3, 10.6.1 / Book 4: the PAN (with PSN) on the exception file sets B1b5.
        private void CheckExceptionFile(byte[] pan, TerminalVerificationResults tvr)
        {
            if (ExceptionFile == null || pan == null) return;
            if (ExceptionFile.Contains(Bytes.Copy(pan), Bytes.Copy(_card.Get(PanSequenceNumberTag))))
                tvr.Set(TerminalVerificationResults.CardOnExceptionFile);
        }

        // Book 3, 10.6.1: amount plus the most recent approved logged amount for the same PAN >= floor limit sets B4b8.
        private void CheckFloorLimit(long amount, byte[] pan, long floorLimit, TerminalVerificationResults tvr)
        {
            long total = amount;
            if (TransactionLog != null && pan != null)
            {
                long logged = TransactionLog.RecentApprovedAmount(Bytes.Copy(pan));
                if (logged > 0) total += logged;
            }
            if (total >= floorLimit) tvr.Set(TerminalVerificationResults.FloorLimitExceeded);
        }

        // Book 3, 10.6.2: random transaction selection, B4b5.
        private void SelectRandomly(long amount, long floorLimit, TerminalVerificationResults tvr)
        {
            if (Random == null || amount >= floorLimit) return;
            int random = Random.NextPercent();
            if (random < 1 || random > 99)
                throw new System.ArgumentException("random transaction selection number must be 1 to 99");
            if (IsSelected(amount, floorLimit, Threshold, TargetPercent, MaxTargetPercent, random))
                tvr.Set(TerminalVerificationResults.SelectedRandomlyForOnline);
        }

        // Book 3, 10.6.3: only when the card has both consecutive offline limits. Either counter not returned, or
        // ATC <= Last Online ATC: both B4b7 and B4b6. Otherwise ATC - LOATC above each limit sets its bit.
        // A Last Online ATC Register of zero sets B2b4 "New card". Limits that are not 1 byte cannot be
        // compared, which is treated like a counter that cannot be read (both bits).
        private void CheckVelocity(TerminalVerificationResults tvr)
        {
            byte[] lower = _card.Get(LowerConsecutiveOfflineLimitTag);
            byte[] upper = _card.Get(UpperConsecutiveOfflineLimitTag);
            if (!VelocityChecking || lower == null || upper == null) return;
            Atc = ReadCounter(AtcTag);
            LastOnlineAtc = ReadCounter(LastOnlineAtcTag);

            if (LastOnlineAtc == 0) tvr.Set(TerminalVerificationResults.NewCard);
            if (Atc < 0 || LastOnlineAtc < 0 || Atc <= LastOnlineAtc || lower.Length != 1 || upper.Length != 1)
            {
                tvr.Set(TerminalVerificationResults.LowerConsecutiveOfflineLimitExceeded);
                tvr.Set(TerminalVerificationResults.UpperConsecutiveOfflineLimitExceeded);
                return;
            }
            int offline = Atc - LastOnlineAtc;
            if (offline > lower[0]) tvr.Set(TerminalVerificationResults.LowerConsecutiveOfflineLimitExceeded);
            if (offline > upper[0]) tvr.Set(TerminalVerificationResults.UpperConsecutiveOfflineLimitExceeded);
        }

        // GET DATA for a 2-byte counter (Book 3, 6.5.7). A status other than '9000', or data that is not exactly
        // the one object <tag> with 2 bytes, is "not returned" (-1). Transport errors terminate via CardCommand.
        private int ReadCounter(int tag)
        {
            ResponseApdu response = CardCommand.Exchange(_transport, EmvCommands.GetData(tag), Step);
            if (response.Sw != StatusWord.Success) return -1;
            TlvList list;
            try
            {
                list = TlvParser.Parse(response.Data);
            }
            catch (TlvException)
            {
                return -1;
            }
            if (list.Count != 1 || list[0].Tag != tag) return -1;
            byte[] value = list[0].CopyValue();
            if (value.Length != CounterLength) return -1;
            return (value[0] << 8) | value[1];
        }

        private static long FloorLimit(byte[] value)
        {
            if (value == null || value.Length != FloorLimitLength)
                throw new System.ArgumentException("Terminal Floor Limit '9F1B' missing or not 4 bytes");
            return ((long)value[0] << 24) | ((long)value[1] << 16) | ((long)value[2] << 8) | value[3];
        }

        private void CheckSelectionParameters()
        {
            if (Random == null) return;
            if (TargetPercent < 0 || TargetPercent > 99 || MaxTargetPercent < TargetPercent || MaxTargetPercent > 99 || Threshold < 0)
                throw new System.ArgumentException("random selection needs 0 <= target <= maximum target <= 99 and threshold >= 0");
        }

    }
}
