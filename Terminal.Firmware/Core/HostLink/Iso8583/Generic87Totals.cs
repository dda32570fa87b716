namespace Terminal.Firmware.Core.HostLink.Iso8583
{
    /// <summary>
    /// Batch totals of dialect A's reconciliation (0500): the ISO 8583:1987 count elements DE 74-77 (n10), the
    /// amount elements DE 86-89 (n16) and the net settlement amount DE 97 (x+n16).
    /// </summary>
    public sealed class Generic87Totals
    {
        /// <summary>DE 74: number of credits (refunds).</summary>
        public long CreditsNumber { get; set; }
        /// <summary>DE 75: number of credit reversals.</summary>
        public long CreditsReversalNumber { get; set; }
        /// <summary>DE 76: number of debits (sales, completions).</summary>
        public long DebitsNumber { get; set; }
        /// <summary>DE 77: number of debit reversals.</summary>
        public long DebitsReversalNumber { get; set; }
        /// <summary>DE 86: credits amount, minor units.</summary>
        public long CreditsAmount { get; set; }
        /// <summary>DE 87: credit reversals amount.</summary>
        public long CreditsReversalAmount { get; set; }
        /// <summary>DE 88: debits amount.</summary>
        public long DebitsAmount { get; set; }
        /// <summary>DE 89: debit reversals amount.</summary>
        public long DebitsReversalAmount { get; set; }

        /// <summary>
        /// Net settlement: (debits - debit reversals) - (credits - credit reversals). Positive means the card
        /// acceptor is owed money.
        /// </summary>
        public long NetAmount
        {
            get { return (DebitsAmount - DebitsReversalAmount) - (CreditsAmount - CreditsReversalAmount); }
        }

        /// <summary>DE 97 value: C (net credit to the card acceptor, net amount zero or above) or D, then 16 digits.</summary>
        public string NetSettlement()
        {
            long net = NetAmount;
            return string.Concat(net >= 0 ? "C" : "D", Digits.Pad(net >= 0 ? net : -net, 16, 97));
        }

        /// <summary>Writes DE 74-77, 86-89 and 97 into the message.</summary>
        public void WriteTo(Iso8583Message m)
        {
            Iso8583Packager p = Generic87Dialect.Packager;
            p.SetNumeric(m, 74, CreditsNumber);
            p.SetNumeric(m, 75, CreditsReversalNumber);
            p.SetNumeric(m, 76, DebitsNumber);
            p.SetNumeric(m, 77, DebitsReversalNumber);
            p.SetNumeric(m, 86, CreditsAmount);
            p.SetNumeric(m, 87, CreditsReversalAmount);
            p.SetNumeric(m, 88, DebitsAmount);
            p.SetNumeric(m, 89, DebitsReversalAmount);
            m.SetString(97, NetSettlement());
        }

        /// <summary>Reads DE 74-77 and 86-89 (all must be present).</summary>
        public static Generic87Totals ReadFrom(Iso8583Message m)
        {
            MessageBuilding.CheckInput(m);
            Generic87Totals t = new Generic87Totals();
            t.CreditsNumber = m.GetNumeric(74);
            t.CreditsReversalNumber = m.GetNumeric(75);
            t.DebitsNumber = m.GetNumeric(76);
            t.DebitsReversalNumber = m.GetNumeric(77);
            t.CreditsAmount = m.GetNumeric(86);
            t.CreditsReversalAmount = m.GetNumeric(87);
            t.DebitsAmount = m.GetNumeric(88);
            t.DebitsReversalAmount = m.GetNumeric(89);
            return t;
        }
    }
}
