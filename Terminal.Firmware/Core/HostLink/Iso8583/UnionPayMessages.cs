namespace Terminal.Firmware.Core.HostLink.Iso8583
{
    /// <summary>
    /// Request builders of the UnionPay POS dialect (<see cref="UnionPayDialect"/>), one per transaction type,
    /// and the response builder used by a host. The transaction is identified by MTI + DE 3 + DE 25 + 60.1
    /// (the table of the UnionPay POS terminal message specification). Builders leave DE 64 (MAC) to the
    /// security layer; MAC-carrying messages get it after <see cref="Iso8583Packager.Pack(Iso8583Message)"/>.
    /// </summary>
    public static class UnionPayMessages
    {
        /// <summary>60.1 management messages (sign-on, settlement, batch upload, echo).</summary>
        public const string TypeManagement = "00";
        /// <summary>60.1 balance inquiry.</summary>
        public const string TypeBalanceInquiry = "01";
        /// <summary>60.1 pre-authorization.</summary>
        public const string TypePreAuthorization = "10";
        /// <summary>60.1 pre-authorization void.</summary>
        public const string TypePreAuthorizationVoid = "11";
        /// <summary>60.1 pre-authorization completion request (online).</summary>
        public const string TypeCompletionRequest = "20";
        /// <summary>60.1 pre-authorization completion void.</summary>
        public const string TypeCompletionVoid = "21";
        /// <summary>60.1 sale.</summary>
        public const string TypeSale = "22";
        /// <summary>60.1 sale void.</summary>
        public const string TypeSaleVoid = "23";
        /// <summary>60.1 pre-authorization completion advice (offline).</summary>
        public const string TypeCompletionAdvice = "24";
        /// <summary>60.1 refund.</summary>
        public const string TypeRefund = "25";

        /// <summary>60.3 financial messages.</summary>
        public const string NetNone = "000";
        /// <summary>60.3 sign-on, single-length keys (field 62 of the answer: 24 bytes).</summary>
        public const string NetSignOnSingleKeys = "001";
        /// <summary>60.3 sign-off.</summary>
        public const string NetSignOff = "002";
        /// <summary>60.3 sign-on, double-length keys (40 bytes).</summary>
        public const string NetSignOnDoubleKeys = "003";
        /// <summary>60.3 sign-on, double-length keys with track key (60 bytes).</summary>
        public const string NetSignOnWithTrackKey = "004";
        /// <summary>60.3 batch settlement, and batch upload of transactions.</summary>
        public const string NetSettlement = "201";
        /// <summary>60.3 end of batch upload after totals that did not balance.</summary>
        public const string NetBatchUploadEndNotBalanced = "202";
        /// <summary>60.3 end of batch upload after totals that balanced.</summary>
        public const string NetBatchUploadEndBalanced = "207";
        /// <summary>60.3 echo test.</summary>
        public const string NetEchoTest = "301";

        /// <summary>DE 3 purchase, pre-authorization completion.</summary>
        public const string ProcessingPurchase = "000000";
        /// <summary>DE 3 void and refund.</summary>
        public const string ProcessingVoidOrRefund = "200000";
        /// <summary>DE 3 balance inquiry.</summary>
        public const string ProcessingBalanceInquiry = "310000";
        /// <summary>DE 3 pre-authorization.</summary>
        public const string ProcessingPreAuthorization = "030000";

        /// <summary>DE 25 normal presentment.</summary>
        public const string ConditionNormal = "00";
        /// <summary>DE 25 pre-authorization family.</summary>
        public const string ConditionPreAuthorization = "06";

        /// <summary>DE 39 of a reversal: no answer within the time limit.</summary>
        public const string ReversalNoResponse = "98";
        /// <summary>DE 39 of a reversal: other terminal-side reason (e.g. card declined after host approval).</summary>
        public const string ReversalOther = "06";
        /// <summary>DE 39 of a reversal: the answer's MAC was wrong.</summary>
        public const string ReversalMacError = "A0";

        /// <summary>DE 49 Chinese yuan.</summary>
        public const string CurrencyCny = "156";

        private static readonly int[] ReversalCopy = { 2, 3, 4, 11, 14, 22, 23, 25, 38, 41, 42, 49, 55, 60, 61 };
        private static readonly int[] ResponseEcho = { 2, 3, 4, 11, 14, 22, 23, 25, 41, 42, 48, 49, 60, 61 };

        /// <summary>0800 sign-on: DE 11, 41, 42, 60 (00 + batch + key mode 001/003/004), 63 operator code (3 characters).</summary>
        public static Iso8583Message SignOn(UnionPayHeader header, TransactionFields t, string operatorCode, string keyMode)
        {
            Iso8583Message m = Management(MessageTypes.NetworkManagementRequest, header, t, keyMode);
            MessageBuilding.Required(m, 63, operatorCode);
            return m;
        }

        /// <summary>0820 sign-off: DE 11, 41, 42, 60 (00 + batch + 002).</summary>
        public static Iso8583Message SignOff(UnionPayHeader header, TransactionFields t)
        {
            return Management(MessageTypes.NetworkManagementAdvice, header, t, NetSignOff);
        }

        /// <summary>0820 echo test: DE 11, 41, 42, 60 (00 + batch + 301).</summary>
        public static Iso8583Message EchoTest(UnionPayHeader header, TransactionFields t)
        {
            return Management(MessageTypes.NetworkManagementAdvice, header, t, NetEchoTest);
        }

        /// <summary>0200 sale: DE 3 000000, 25 00, 60.1 22.</summary>
        public static Iso8583Message Sale(UnionPayHeader header, TransactionFields t)
        {
            return Card(MessageTypes.FinancialRequest, ProcessingPurchase, ConditionNormal, TypeSale, header, t, true);
        }

        /// <summary>0200 balance inquiry: DE 3 310000, 25 00, 60.1 01, no amount.</summary>
        public static Iso8583Message BalanceInquiry(UnionPayHeader header, TransactionFields t)
        {
            return Card(MessageTypes.FinancialRequest, ProcessingBalanceInquiry, ConditionNormal, TypeBalanceInquiry, header, t, false);
        }

        /// <summary>0200 sale void: DE 3 200000, 60.1 23, DE 37 original RRN, DE 38 original code, 61 original batch + trace.</summary>
        public static Iso8583Message Void(UnionPayHeader header, TransactionFields t)
        {
            Iso8583Message m = Card(MessageTypes.FinancialRequest, ProcessingVoidOrRefund, ConditionNormal, TypeSaleVoid, header, t, true);
            MessageBuilding.Required(m, 37, t.OriginalRrn);
            MessageBuilding.Optional(m, 38, t.AuthorizationCode);
            m.SetString(61, OriginalData(t, false));
            return m;
        }

        /// <summary>0220 refund: DE 3 200000, 60.1 25, DE 37 original RRN, 61 original batch + trace + date, 63 "000".</summary>
        public static Iso8583Message Refund(UnionPayHeader header, TransactionFields t)
        {
            Iso8583Message m = Card(MessageTypes.FinancialAdvice, ProcessingVoidOrRefund, ConditionNormal, TypeRefund, header, t, true);
            MessageBuilding.Required(m, 37, t.OriginalRrn);
            m.SetString(61, OriginalData(t, true));
            m.SetString(63, "000");
            return m;
        }

        /// <summary>0100 pre-authorization: DE 3 030000, 25 06, 60.1 10.</summary>
        public static Iso8583Message PreAuthorization(UnionPayHeader header, TransactionFields t)
        {
            return Card(MessageTypes.AuthorizationRequest, ProcessingPreAuthorization, ConditionPreAuthorization, TypePreAuthorization, header, t, true);
        }

        /// <summary>0200 pre-authorization completion request: DE 3 000000, 25 06, 60.1 20, DE 38 pre-auth code, 61.</summary>
        public static Iso8583Message PreAuthorizationCompletion(UnionPayHeader header, TransactionFields t)
        {
            Iso8583Message m = Card(MessageTypes.FinancialRequest, ProcessingPurchase, ConditionPreAuthorization, TypeCompletionRequest, header, t, true);
            MessageBuilding.Required(m, 38, t.AuthorizationCode);
            m.SetString(61, OriginalData(t, true));
            return m;
        }

        /// <summary>0220 pre-authorization completion advice: DE 3 000000, 25 06, 60.1 24, DE 38, 61; no PIN.</summary>
        public static Iso8583Message PreAuthorizationCompletionAdvice(UnionPayHeader header, TransactionFields t)
        {
            Iso8583Message m = Card(MessageTypes.FinancialAdvice, ProcessingPurchase, ConditionPreAuthorization, TypeCompletionAdvice, header, t, true);
            m.Remove(26);
            m.Remove(52);
            m.Remove(53);
            MessageBuilding.Required(m, 38, t.AuthorizationCode);
            m.SetString(61, OriginalData(t, true));
            return m;
        }

        /// <summary>
        /// 0400 reversal of <paramref name="original"/>: same header and trace number, its card, amount and
        /// field 60/61 data (no track data, no PIN), DE 39 = reason (98 no answer, 06 other, A0 MAC error).
        /// </summary>
        public static Iso8583Message Reversal(Iso8583Message original, string reasonCode)
        {
            MessageBuilding.CheckInput(original);
            Iso8583Message m = new Iso8583Message(MessageTypes.ReversalRequest);
            m.Header = original.Header;
            m.CopyFields(original, ReversalCopy);
            MessageBuilding.Required(m, 39, reasonCode);
            if (!m.Has(11)) throw MessageBuilding.Missing(11);
            return m;
        }

        /// <summary>0500 batch settlement: DE 11, 41, 42, 48 totals, 49, 60 (00 + batch + 201), 63 operator code.</summary>
        public static Iso8583Message Settlement(UnionPayHeader header, TransactionFields t, UnionPaySettlementTotals totals, string operatorCode)
        {
            MessageBuilding.CheckInput(totals);
            Iso8583Message m = Management(MessageTypes.ReconciliationRequest, header, t, NetSettlement);
            m.SetString(48, totals.Compose());
            m.SetString(49, t.CurrencyCode == null ? CurrencyCny : t.CurrencyCode);
            MessageBuilding.Required(m, 63, operatorCode);
            return m;
        }

        /// <summary>0320 batch upload: DE 11, 41, 42, 48 (caller's digits: count and transaction details), 60 (00 + batch + code).</summary>
        public static Iso8583Message BatchUpload(UnionPayHeader header, TransactionFields t, string field48, string networkCode)
        {
            Iso8583Message m = Management(MessageTypes.BatchUpload, header, t, networkCode);
            MessageBuilding.Required(m, 48, field48);
            return m;
        }

        /// <summary>0320 end of batch upload: DE 48 = number of uploaded transactions (4 digits), 60.3 207 or 202.</summary>
        public static Iso8583Message BatchUploadEnd(UnionPayHeader header, TransactionFields t, int uploadedCount, bool balanced)
        {
            Iso8583Message m = Management(MessageTypes.BatchUpload, header, t, balanced ? NetBatchUploadEndBalanced : NetBatchUploadEndNotBalanced);
            m.SetString(48, Digits.Pad(uploadedCount, 4, 48));
            return m;
        }

        /// <summary>
        /// The answer to <paramref name="request"/> (host side): TPDU addresses swapped, response MTI, the request's
        /// identifying fields echoed, DE 39. The host adds DE 12, 13, 37, 38, 55, 62, 63 as needed.
        /// </summary>
        public static Iso8583Message Response(Iso8583Message request, string responseCode)
        {
            MessageBuilding.CheckInput(request);
            byte[] header = UnionPayHeader.FromBytes(request.Header).ForResponse().ToBytes();
            return MessageBuilding.Response(request, header, ResponseEcho, responseCode);
        }

        private static Iso8583Message Management(string mti, UnionPayHeader header, TransactionFields t, string networkCode)
        {
            MessageBuilding.CheckInput(t);
            Iso8583Message m = Start(mti, header);
            MessageBuilding.Required(UnionPayDialect.Packager, m, 11, t.Stan);
            MessageBuilding.Required(m, 41, t.TerminalId);
            MessageBuilding.Required(m, 42, t.MerchantId);
            m.SetString(60, new UnionPayField60(TypeManagement, Batch(t), networkCode).Compose());
            return m;
        }

        private static Iso8583Message Card(string mti, string processingCode, string condition, string type,
            UnionPayHeader header, TransactionFields t, bool withAmount)
        {
            MessageBuilding.CheckInput(t);
            Iso8583Message m = Start(mti, header);
            if (t.Pan == null && t.Track2 == null) throw MessageBuilding.Missing(2);
            MessageBuilding.Optional(m, 2, t.Pan);
            m.SetString(3, processingCode);
            if (withAmount) MessageBuilding.Required(UnionPayDialect.Packager, m, 4, t.Amount);
            MessageBuilding.Required(UnionPayDialect.Packager, m, 11, t.Stan);
            MessageBuilding.Optional(m, 14, t.ExpiryDate);
            MessageBuilding.Required(m, 22, t.PosEntryMode);
            MessageBuilding.Optional(m, 23, t.CardSequenceNumber);
            m.SetString(25, condition);
            if (t.PinBlock != null)
            {
                m.SetString(26, t.PinCaptureCode == null ? "12" : t.PinCaptureCode);
                m.SetBytes(52, t.PinBlock);
                m.SetString(53, t.SecurityControl == null
                    ? new UnionPayField53(UnionPayField53.PinFormatWithPan, UnionPayField53.DoubleLengthKeys, 0).Compose()
                    : t.SecurityControl);
            }
            else
            {
                MessageBuilding.Optional(m, 53, t.SecurityControl);
            }
            MessageBuilding.Optional(m, 35, t.Track2);
            MessageBuilding.Required(m, 41, t.TerminalId);
            MessageBuilding.Required(m, 42, t.MerchantId);
            m.SetString(49, t.CurrencyCode == null ? CurrencyCny : t.CurrencyCode);
            MessageBuilding.Optional(m, 55, t.IccData);
            string extension = string.Concat(t.TerminalReadCapability == null ? string.Empty : t.TerminalReadCapability,
                t.IcConditionCode == null ? string.Empty : t.IcConditionCode);
            m.SetString(60, new UnionPayField60(type, Batch(t), NetNone).WithExtension(extension).Compose());
            return m;
        }

        private static Iso8583Message Start(string mti, UnionPayHeader header)
        {
            MessageBuilding.CheckInput(header);
            Iso8583Message m = new Iso8583Message(mti);
            m.RawHeader = header.ToBytes();
            return m;
        }

        private static int Batch(TransactionFields t)
        {
            if (t.BatchNumber < 0) throw MessageBuilding.Missing(60);
            return t.BatchNumber;
        }

        /// <summary>Field 61: original batch (6) + original trace (6), then original date MMDD (4) when asked.</summary>
        private static string OriginalData(TransactionFields t, bool withDate)
        {
            if (t.OriginalBatchNumber < 0 || t.OriginalStan < 0) throw MessageBuilding.Missing(61);
            string value = string.Concat(Digits.Pad(t.OriginalBatchNumber, 6, 61), Digits.Pad(t.OriginalStan, 6, 61));
            if (!withDate) return value;
            return string.Concat(value, Digits.Exact(t.OriginalDate, 4, 61, "original date is not MMDD"));
        }
    }
}
