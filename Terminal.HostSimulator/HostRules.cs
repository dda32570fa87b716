namespace Terminal.HostSimulation
{
    /// <summary>
    /// The issuer and acquirer decision rules and the response codes used (ISO 8583:1987 DE 39 values; those marked
    /// [K] are common practice, not taken from a specification). Approval is 00.
    /// </summary>
    public sealed class HostRules
    {
        /// <summary>Approval.</summary>
        public const string Approved = "00";
        /// <summary>Do not honour: the default answer to a cryptogram (ARQC) that does not verify [K].</summary>
        public const string DoNotHonour = "05";
        /// <summary>Invalid transaction (unknown processing code or message type) [K].</summary>
        public const string InvalidTransaction = "12";
        /// <summary>No such card (PAN not at this issuer).</summary>
        public const string InvalidCardNumber = "14";
        /// <summary>Format error (a mandatory field is missing or unusable).</summary>
        public const string FormatError = "30";
        /// <summary>Insufficient funds.</summary>
        public const string InsufficientFunds = "51";
        /// <summary>Expired card.</summary>
        public const string ExpiredCard = "54";
        /// <summary>Incorrect PIN.</summary>
        public const string IncorrectPin = "55";
        /// <summary>Exceeds withdrawal amount limit (the "decline above an amount" rule) [K].</summary>
        public const string ExceedsAmountLimit = "61";
        /// <summary>Security violation: the generic dialect's answer to a wrong or missing MAC [K].</summary>
        public const string SecurityViolation = "63";
        /// <summary>Duplicate transmission: same terminal, trace and date with different content.</summary>
        public const string DuplicateTransmission = "94";
        /// <summary>Reconciliation error: the generic dialect's answer to settlement totals that differ [K].</summary>
        public const string ReconcileError = "95";
        /// <summary>UnionPay: MAC error [K: code used by UnionPay terminal code for MAC failures].</summary>
        public const string UnionPayMacError = "A0";

        /// <summary>Creates the default rules: no amount limit, codes as the constants above.</summary>
        public HostRules()
        {
            DeclineAbove = -1;
            AmountLimitCode = ExceedsAmountLimit;
            CryptogramFailureCode = DoNotHonour;
            RequireMac = true;
            CheckExpiry = true;
        }

        /// <summary>Amounts (minor units) strictly above this are declined with <see cref="AmountLimitCode"/>; -1: no limit.</summary>
        public long DeclineAbove { get; set; }
        /// <summary>Response code of the amount limit rule.</summary>
        public string AmountLimitCode { get; set; }
        /// <summary>Response code when the ARQC does not verify (or DE 55 is unusable).</summary>
        public string CryptogramFailureCode { get; set; }
        /// <summary>Response code for a wrong or missing MAC; null: per dialect (UnionPay A0, generic 63).</summary>
        public string MacFailureCode { get; set; }
        /// <summary>True: financial requests, advices, reversals, settlements and uploads must carry a valid MAC.</summary>
        public bool RequireMac { get; set; }
        /// <summary>True: the card's expiry date (account, DE 14 or track 2) is checked against the host date.</summary>
        public bool CheckExpiry { get; set; }
    }
}
