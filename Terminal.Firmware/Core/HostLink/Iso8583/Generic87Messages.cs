namespace Terminal.Firmware.Core.HostLink.Iso8583
{
    /// <summary>
    /// Request builders of dialect A (<see cref="Generic87Dialect"/>), one per transaction type, and the generic
    /// response builder a host (or the host simulator) uses. Builders leave DE 64/128 (MAC) to the security layer.
    /// Processing codes and network management codes follow common ISO 8583:1987 terminal practice.
    /// </summary>
    public static class Generic87Messages
    {
        /// <summary>DE 3 goods and services.</summary>
        public const string ProcessingPurchase = "000000";
        /// <summary>DE 3 refund (returns).</summary>
        public const string ProcessingRefund = "200000";
        /// <summary>DE 3 balance inquiry.</summary>
        public const string ProcessingBalanceInquiry = "310000";
        /// <summary>DE 3 of the reconciliation request.</summary>
        public const string ProcessingReconciliation = "920000";

        /// <summary>DE 70 sign-on.</summary>
        public const string NetworkSignOn = "001";
        /// <summary>DE 70 sign-off.</summary>
        public const string NetworkSignOff = "002";
        /// <summary>DE 70 key change (working keys arrive in DE 62 of the 0810).</summary>
        public const string NetworkKeyChange = "101";
        /// <summary>DE 70 echo test.</summary>
        public const string NetworkEchoTest = "301";

        private static readonly int[] ReversalCopy = { 2, 3, 4, 12, 13, 14, 22, 23, 24, 25, 41, 42, 49, 55, 60 };
        private static readonly int[] UploadCopy = { 2, 3, 4, 12, 13, 14, 22, 23, 24, 25, 37, 38, 39, 41, 42, 49, 55 };
        private static readonly int[] ResponseEcho = { 2, 3, 4, 7, 11, 12, 13, 22, 23, 24, 25, 41, 42, 49, 60, 70, 74, 75, 76, 77, 86, 87, 88, 89, 90, 97 };

        /// <summary>0100 authorization request (pre-authorization), DE 3 000000.</summary>
        public static Iso8583Message Authorization(TransactionFields t)
        {
            return Card(MessageTypes.AuthorizationRequest, ProcessingPurchase, t, true);
        }

        /// <summary>0200 financial request, purchase.</summary>
        public static Iso8583Message Sale(TransactionFields t)
        {
            return Card(MessageTypes.FinancialRequest, ProcessingPurchase, t, true);
        }

        /// <summary>0200 financial request, refund.</summary>
        public static Iso8583Message Refund(TransactionFields t)
        {
            return Card(MessageTypes.FinancialRequest, ProcessingRefund, t, true);
        }

        /// <summary>0200 financial request, balance inquiry (no amount).</summary>
        public static Iso8583Message BalanceInquiry(TransactionFields t)
        {
            return Card(MessageTypes.FinancialRequest, ProcessingBalanceInquiry, t, false);
        }

        /// <summary>
        /// 0220 advice of an offline approval (store-and-forward): the card data, DE 38 authorization code and
        /// DE 39 response code (e.g. Y1, Y3) from <paramref name="t"/>, the final DE 55. No PIN block.
        /// </summary>
        public static Iso8583Message Advice(TransactionFields t)
        {
            Iso8583Message m = Card(MessageTypes.FinancialAdvice, ProcessingPurchase, t, true);
            m.Remove(52);
            m.Remove(53);
            MessageBuilding.Required(m, 38, t.AuthorizationCode);
            MessageBuilding.Required(m, 39, t.ResponseCode);
            return m;
        }

        /// <summary>
        /// 0400 reversal of <paramref name="original"/> (0100 or 0200): its card and amount fields (no track 2 or
        /// PIN), a new DE 11 and DE 7, DE 39 reason when given, DE 90 original data elements.
        /// </summary>
        public static Iso8583Message Reversal(Iso8583Message original, int stan, string transmissionDateTime, string reasonCode)
        {
            Iso8583Message m = Follow(original, MessageTypes.ReversalRequest, ReversalCopy, stan, transmissionDateTime);
            MessageBuilding.Optional(m, 39, reasonCode);
            m.SetString(90, OriginalDataElements(original));
            return m;
        }

        /// <summary>
        /// DE 90 of a reversal: original MTI (4), original DE 11 (6), original DE 7 (10), acquiring and forwarding
        /// institution IDs (11 + 11, zero here).
        /// </summary>
        public static string OriginalDataElements(Iso8583Message original)
        {
            MessageBuilding.CheckInput(original);
            Iso8583Packager.CheckMti(original.Mti);
            return string.Concat(new string[]
            {
                original.Mti, Digits.Pad(original.GetNumeric(11), 6, 90), Digits.Pad(original.GetNumeric(7), 10, 90),
                "00000000000", "00000000000"
            });
        }

        /// <summary>
        /// 0320 batch upload of one approved transaction (<paramref name="approved"/>: the request with DE 37/38/39
        /// of its response merged in): its fields, a new DE 11 and DE 7, DE 60 = original MTI and original DE 11.
        /// </summary>
        public static Iso8583Message BatchUpload(Iso8583Message approved, int stan, string transmissionDateTime)
        {
            Iso8583Message m = Follow(approved, MessageTypes.BatchUpload, UploadCopy, stan, transmissionDateTime);
            Iso8583Packager.CheckMti(approved.Mti);
            m.SetString(60, string.Concat(approved.Mti, Digits.Pad(approved.GetNumeric(11), 6, 60)));
            return m;
        }

        /// <summary>0500 reconciliation: DE 3 920000, 7, 11, 41, 42, DE 60 batch number (6 digits), totals.</summary>
        public static Iso8583Message Reconciliation(TransactionFields t, Generic87Totals totals)
        {
            MessageBuilding.CheckInput(t);
            MessageBuilding.CheckInput(totals);
            Iso8583Message m = new Iso8583Message(MessageTypes.ReconciliationRequest);
            m.SetString(3, ProcessingReconciliation);
            Terminal(m, t);
            if (t.BatchNumber < 0) throw MessageBuilding.Missing(60);
            m.SetString(60, Digits.Pad(t.BatchNumber, 6, 60));
            totals.WriteTo(m);
            return m;
        }

        /// <summary>0800 network management: DE 7, 11, 24 (when set), 41, 42, 70 = <paramref name="networkCode"/>.</summary>
        public static Iso8583Message NetworkManagement(TransactionFields t, string networkCode)
        {
            MessageBuilding.CheckInput(t);
            Iso8583Message m = new Iso8583Message(MessageTypes.NetworkManagementRequest);
            Terminal(m, t);
            MessageBuilding.Optional(m, 24, t.Nii);
            MessageBuilding.Required(m, 70, networkCode);
            return m;
        }

        /// <summary>
        /// The answer to <paramref name="request"/> (host side): response MTI, same header, the request's
        /// identifying fields echoed, DE 39. The host adds DE 37, 38, 55, 62 as needed.
        /// </summary>
        public static Iso8583Message Response(Iso8583Message request, string responseCode)
        {
            MessageBuilding.CheckInput(request);
            return MessageBuilding.Response(request, request.Header, ResponseEcho, responseCode);
        }

        /// <summary>A message that follows <paramref name="original"/>: same header, copied fields, its own DE 7 and DE 11.</summary>
        private static Iso8583Message Follow(Iso8583Message original, string mti, int[] copy, int stan, string transmissionDateTime)
        {
            MessageBuilding.CheckInput(original);
            Iso8583Message m = new Iso8583Message(mti);
            m.Header = original.Header;
            m.CopyFields(original, copy);
            MessageBuilding.Required(m, 7, transmissionDateTime);
            MessageBuilding.Required(Generic87Dialect.Packager, m, 11, stan);
            return m;
        }

        private static Iso8583Message Card(string mti, string processingCode, TransactionFields t, bool withAmount)
        {
            MessageBuilding.CheckInput(t);
            Iso8583Message m = new Iso8583Message(mti);
            bool enciphered = t.EncipheredCardData != null;
            if (t.Pan == null && t.Track2 == null && !enciphered) throw MessageBuilding.Missing(2);
            // Enciphered card data (DE 57) replaces DE 2 and DE 35: the clear PAN stays out of the message.
            if (!enciphered) MessageBuilding.Optional(m, 2, t.Pan);
            m.SetString(3, processingCode);
            if (withAmount) MessageBuilding.Required(Generic87Dialect.Packager, m, 4, t.Amount);
            Terminal(m, t);
            MessageBuilding.Required(m, 12, t.LocalTime);
            MessageBuilding.Required(m, 13, t.LocalDate);
            MessageBuilding.Optional(m, 14, t.ExpiryDate);
            MessageBuilding.Required(m, 22, t.PosEntryMode);
            MessageBuilding.Optional(m, 23, t.CardSequenceNumber);
            MessageBuilding.Optional(m, 24, t.Nii);
            MessageBuilding.Required(m, 25, t.PosConditionCode);
            if (!enciphered) MessageBuilding.Optional(m, 35, t.Track2);
            MessageBuilding.Required(m, 49, t.CurrencyCode);
            MessageBuilding.Optional(m, 52, t.PinBlock);
            MessageBuilding.Optional(m, 53, t.SecurityControl);
            MessageBuilding.Optional(m, 55, t.IccData);
            MessageBuilding.Optional(m, 57, t.EncipheredCardData);
            return m;
        }

        private static void Terminal(Iso8583Message m, TransactionFields t)
        {
            MessageBuilding.Required(m, 7, t.TransmissionDateTime);
            MessageBuilding.Required(Generic87Dialect.Packager, m, 11, t.Stan);
            MessageBuilding.Required(m, 41, t.TerminalId);
            MessageBuilding.Optional(m, 42, t.MerchantId);
        }
    }
}
