namespace Terminal.Firmware.Core.HostLink.Iso8583
{
    /// <summary>
    /// ISO 8583:1987 message type indicators used by the terminal, and the rules that relate a request to its
    /// response and to its repeat. MTI digits: version (0 = 1987), class, function (0 request, 1 response,
    /// 2 advice, 3 advice response), origin (0 acquirer; 1 acquirer repeat).
    /// </summary>
    public static class MessageTypes
    {
        /// <summary>Authorization request.</summary>
        public const string AuthorizationRequest = "0100";
        /// <summary>Authorization response.</summary>
        public const string AuthorizationResponse = "0110";
        /// <summary>Financial transaction request.</summary>
        public const string FinancialRequest = "0200";
        /// <summary>Financial transaction response.</summary>
        public const string FinancialResponse = "0210";
        /// <summary>Financial transaction advice (offline approval, store-and-forward, completion).</summary>
        public const string FinancialAdvice = "0220";
        /// <summary>Financial transaction advice response.</summary>
        public const string FinancialAdviceResponse = "0230";
        /// <summary>Batch upload (file action advice in the 1987 numbering, used by terminals for batch upload).</summary>
        public const string BatchUpload = "0320";
        /// <summary>Batch upload response.</summary>
        public const string BatchUploadResponse = "0330";
        /// <summary>Reversal request.</summary>
        public const string ReversalRequest = "0400";
        /// <summary>Reversal response.</summary>
        public const string ReversalResponse = "0410";
        /// <summary>Reconciliation (settlement) request.</summary>
        public const string ReconciliationRequest = "0500";
        /// <summary>Reconciliation response.</summary>
        public const string ReconciliationResponse = "0510";
        /// <summary>Network management request (sign-on, key exchange, echo).</summary>
        public const string NetworkManagementRequest = "0800";
        /// <summary>Network management response.</summary>
        public const string NetworkManagementResponse = "0810";
        /// <summary>Network management advice (UnionPay: sign-off, echo test, status upload).</summary>
        public const string NetworkManagementAdvice = "0820";
        /// <summary>Network management advice response.</summary>
        public const string NetworkManagementAdviceResponse = "0830";

        /// <summary>
        /// The MTI of the answer: function 0 becomes 1, 2 becomes 3, and a repeat (origin 1) is answered as an
        /// original (origin 0), as jPOS ISOMsg.setResponseMTI does. Throws <see cref="Iso8583Error.BadMti"/> for a
        /// response MTI.
        /// </summary>
        public static string ResponseOf(string mti)
        {
            Iso8583Packager.CheckMti(mti);
            char function = mti[2];
            if (function != '0' && function != '2')
                throw new Iso8583Exception(Iso8583Error.BadMti, Iso8583Exception.MtiField, Iso8583Exception.NoOffset, "not a request or advice");
            return string.Concat(mti.Substring(0, 2), function == '0' ? "1" : "3", "0");
        }

        /// <summary>The MTI of a repeat: origin digit 1 (0220 to 0221, 0400 to 0401).</summary>
        public static string RepeatOf(string mti)
        {
            Iso8583Packager.CheckMti(mti);
            return string.Concat(mti.Substring(0, 3), "1");
        }

        /// <summary>True when the MTI is a repeat (last digit 1).</summary>
        public static bool IsRepeat(string mti)
        {
            Iso8583Packager.CheckMti(mti);
            return mti[3] == '1';
        }

        /// <summary>True when the MTI is a response (function digit 1 or 3).</summary>
        public static bool IsResponse(string mti)
        {
            Iso8583Packager.CheckMti(mti);
            return mti[2] == '1' || mti[2] == '3';
        }
    }
}
