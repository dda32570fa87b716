using Terminal.EmvKernel.Util;
using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Capk;
using Terminal.EmvKernel.DataObjects;

namespace Terminal.EmvKernel.Kernel
{
    /// <summary>
    /// Processing restrictions, EMV 4.4 Book 3, 10.4: application version numbers (10.4.1), Application Usage
    /// Control (10.4.2) and the application effective and expiration dates (10.4.3). The step never sends a
    /// command and never throws on card data: its only result is the TVR byte 2 bits b8 to b5.
    /// </summary>
    public static class ProcessingRestrictions
    {
        /// <summary>'9F08' Application Version Number (ICC).</summary>
        public const int CardApplicationVersionTag = 0x9F08;
        /// <summary>'9F09' Application Version Number (terminal, per AID).</summary>
        public const int TerminalApplicationVersionTag = 0x9F09;
        /// <summary>'5F28' Issuer Country Code.</summary>
        public const int IssuerCountryCodeTag = 0x5F28;
        /// <summary>'9F1A' Terminal Country Code.</summary>
        public const int TerminalCountryCodeTag = 0x9F1A;
        /// <summary>'9F35' Terminal Type.</summary>
        public const int TerminalTypeTag = 0x9F35;
        /// <summary>'9F03' Amount, Other (Numeric).</summary>
        public const int AmountOtherTag = 0x9F03;
        /// <summary>'5F25' Application Effective Date.</summary>
        public const int EffectiveDateTag = 0x5F25;
        /// <summary>'5F24' Application Expiration Date.</summary>
        public const int ExpirationDateTag = 0x5F24;
        /// <summary>'9A' Transaction Date.</summary>
        public const int TransactionDateTag = 0x9A;

        /// <summary>
        /// Runs the three checks of Book 3, 10.4 and sets the failing ones in <paramref name="tvr"/>.
        /// <paramref name="purchaseOfServices"/> is the terminal's own knowledge of what it sells (Book 3, 10.4.2
        /// "as appropriate"): true when a purchase ('9C' 00 or 09) is of services, false for goods.
        /// </summary>
        public static void Apply(CardData card, TerminalData terminal, bool purchaseOfServices, TerminalVerificationResults tvr)
        {
            CheckApplicationVersion(card, terminal, tvr);
            CheckUsageControl(card, terminal, purchaseOfServices, tvr);
            CheckDates(card, terminal, tvr);
        }

        /// <summary>
        /// Book 3, 10.4.1: when the card has '9F08' and it differs from the terminal's '9F09', sets TVR B2b8
        /// "ICC and terminal have different application versions". Without '9F08' the versions are assumed
        /// compatible; without a terminal '9F09' there is nothing to compare and no bit is set.
        /// </summary>
        public static void CheckApplicationVersion(CardData card, TerminalData terminal, TerminalVerificationResults tvr)
        {
            CheckArguments(card, terminal, tvr);
            byte[] icc = card.Get(CardApplicationVersionTag);
            byte[] term = terminal.Get(TerminalApplicationVersionTag);
            if (icc == null || term == null) return;
            if (!Bytes.Equal(icc, term)) tvr.Set(TerminalVerificationResults.DifferentApplicationVersions);
        }

        /// <summary>
        /// Book 3, 10.4.2, when the card has '9F07': the ATM / non-ATM check, then, when the card has '5F28',
        /// the domestic ('5F28' = '9F1A') or international cash, goods, services and cashback checks. Any failure
        /// sets TVR B2b5 "Requested service not allowed for card product". An AUC that is not 2 bytes long is
        /// treated as failing the checks (the card's restrictions cannot be read, so the service is not allowed).
        /// </summary>
        public static void CheckUsageControl(CardData card, TerminalData terminal, bool purchaseOfServices, TerminalVerificationResults tvr)
        {
            CheckArguments(card, terminal, tvr);
            byte[] value = card.Get(ApplicationUsageControl.TagValue);
            if (value == null) return;
            if (value.Length != ApplicationUsageControl.ValueLength)
            {
                tvr.Set(TerminalVerificationResults.ServiceNotAllowed);
                return;
            }
            if (!UsageAllowed(new ApplicationUsageControl(value), card, terminal, purchaseOfServices))
                tvr.Set(TerminalVerificationResults.ServiceNotAllowed);
        }

        /// <summary>
        /// Book 3, 10.4.3: effective date '5F25' after the transaction date '9A' sets TVR B2b6 "Application not
        /// yet effective"; expiration date '5F24' before it sets B2b7 "Expired application". The same day passes
        /// both. Dates are n 6 YYMMDD, YY 00-49 being 20YY and 50-99 19YY (<see cref="EmvDate.YearOf"/>).
        /// A card date that is present but not a valid 3-byte date is treated as failing its check (the
        /// corresponding bit is set), and so is every card date present when the terminal's '9A' is missing or
        /// invalid, since the application cannot then be shown to be in its validity period.
        /// </summary>
        public static void CheckDates(CardData card, TerminalData terminal, TerminalVerificationResults tvr)
        {
            CheckArguments(card, terminal, tvr);
            EmvDate today;
            bool todayKnown = TryReadDate(terminal.Get(TransactionDateTag), out today);

            byte[] effective = card.Get(EffectiveDateTag);
            if (effective != null)
            {
                EmvDate date;
                if (!todayKnown || !TryReadDate(effective, out date) || date.CompareTo(today) > 0)
                    tvr.Set(TerminalVerificationResults.ApplicationNotYetEffective);
            }

            byte[] expiry = card.Get(ExpirationDateTag);
            if (expiry != null)
            {
                EmvDate date;
                if (!todayKnown || !TryReadDate(expiry, out date) || date.CompareTo(today) < 0)
                    tvr.Set(TerminalVerificationResults.ExpiredApplication);
            }
        }

        /// <summary>
        /// True when the terminal is an ATM for the AUC check: Terminal Type 14, 15 or 16 with "cash" in the
        /// Additional Terminal Capabilities (EMV 4.4 Book 4, Annex A1). Missing or malformed terminal data is
        /// not an ATM.
        /// </summary>
        public static bool IsAtm(TerminalData terminal)
        {
            if (terminal == null) throw new System.ArgumentNullException("terminal");
            byte[] type = terminal.Get(TerminalTypeTag);
            byte[] capabilities = terminal.Get(AdditionalTerminalCapabilities.TagValue);
            if (type == null || type.Length != 1 || capabilities == null
                || capabilities.Length != AdditionalTerminalCapabilities.ValueLength) return false;
            TerminalType terminalType;
            try
            {
                terminalType = new TerminalType(type);
            }
            catch (DataObjectException)
            {
                return false;
            }
            return terminalType.IsFinancialInstitutionUnattended
                && new AdditionalTerminalCapabilities(capabilities).IsSet(AdditionalTerminalCapabilities.Cash);
        }

        private static bool UsageAllowed(ApplicationUsageControl auc, CardData card, TerminalData terminal, bool purchaseOfServices)
        {
            // Book 3, 10.4.2: valid at ATMs / valid at terminals other than ATMs.
            if (!auc.IsSet(IsAtm(terminal) ? ApplicationUsageControl.ValidAtAtms : ApplicationUsageControl.ValidAtNonAtmTerminals))
                return false;

            // The country checks need the Issuer Country Code.
            byte[] issuerCountry = card.Get(IssuerCountryCodeTag);
            if (issuerCountry == null) return true;
            bool domestic = Bytes.Equal(issuerCountry, terminal.Get(TerminalCountryCodeTag));

            // A missing '9C' is read as '00' (goods and services), the transaction type when none is given.
            byte[] typeValue = terminal.Get(TransactionType.TagValue);
            int type = typeValue != null && typeValue.Length == 1 ? typeValue[0] : TransactionType.GoodsAndServices;

            if (TransactionType.IsCash(type)
                && !auc.IsSet(domestic ? ApplicationUsageControl.DomesticCash : ApplicationUsageControl.InternationalCash))
                return false;

            if (TransactionType.IsPurchase(type))
            {
                int bit = purchaseOfServices
                    ? (domestic ? ApplicationUsageControl.DomesticServices : ApplicationUsageControl.InternationalServices)
                    : (domestic ? ApplicationUsageControl.DomesticGoods : ApplicationUsageControl.InternationalGoods);
                if (!auc.IsSet(bit)) return false;
            }

            // Cashback: an Amount, Other that is not zero.
            if (IsNonZero(terminal.Get(AmountOtherTag))
                && !auc.IsSet(domestic ? ApplicationUsageControl.DomesticCashback : ApplicationUsageControl.InternationalCashback))
                return false;

            return true;
        }

        private static bool TryReadDate(byte[] value, out EmvDate date)
        {
            date = EmvDate.None;
            if (value == null || value.Length != 3) return false;
            return EmvDate.TryFromYymmdd(value, 0, out date);
        }

        private static bool IsNonZero(byte[] value)
        {
            if (value == null) return false;
            for (int i = 0; i < value.Length; i++)
                if (value[i] != 0) return true;
            return false;
        }

        private static void CheckArguments(CardData card, TerminalData terminal, TerminalVerificationResults tvr)
        {
            if (card == null) throw new System.ArgumentNullException("card");
            if (terminal == null) throw new System.ArgumentNullException("terminal");
            if (tvr == null) throw new System.ArgumentNullException("tvr");
        }
    }
}
