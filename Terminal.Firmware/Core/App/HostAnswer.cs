using Terminal.EmvKernel.Kernel;

namespace Terminal.Firmware.Core.App
{
    /// <summary>What came of an authorisation.</summary>
    public enum HostAnswerStatus
    {
        /// <summary>The host approved.</summary>
        Approved = 1,
        /// <summary>The host declined (see the response code).</summary>
        Declined = 2,
        /// <summary>No usable answer (not sent, no connection, timeout, bad answer); a reversal may be pending.</summary>
        Unreachable = 3
    }

    /// <summary>The host's answer to a <see cref="PaymentRequest"/>, as the application uses it.</summary>
    public sealed class HostAnswer
    {
        /// <summary>An answer with its status and DE 39 response code (null when none came).</summary>
        public HostAnswer(HostAnswerStatus status, string responseCode)
        {
            Status = status;
            ResponseCode = responseCode;
        }

        /// <summary>Approved, declined or unreachable.</summary>
        public HostAnswerStatus Status { get; private set; }

        /// <summary>DE 39 ("00", "05", "51", ...), or null.</summary>
        public string ResponseCode { get; private set; }

        /// <summary>DE 38 authorisation code, or null.</summary>
        public string AuthorisationCode;
        /// <summary>DE 37 retrieval reference number, or null.</summary>
        public string Rrn;
        /// <summary>DE 11 trace number of the request (0 when not sent).</summary>
        public int Trace;
        /// <summary>Batch number the transaction belongs to.</summary>
        public int Batch;
        /// <summary>True when a reversal of this request is pending (unknown outcome).</summary>
        public bool ReversalPending;
        /// <summary>Why it was unreachable, in English (no card data), or null.</summary>
        public string FailureReason;
        /// <summary>'91' Issuer Authentication Data from DE 55, or null.</summary>
        public byte[] IssuerAuthenticationData;
        /// <summary>'71'/'72' issuer scripts from DE 55, or null.</summary>
        public byte[] IssuerScripts;

        /// <summary>The answer as the kernel takes it ('8A' = the response code), or null when unreachable.</summary>
        public OnlineResponse ToOnlineResponse()
        {
            if (Status == HostAnswerStatus.Unreachable || ResponseCode == null || ResponseCode.Length != 2) return null;
            OnlineResponse r = new OnlineResponse(new byte[] { (byte)ResponseCode[0], (byte)ResponseCode[1] }, Status == HostAnswerStatus.Approved);
            r.IssuerAuthenticationData = IssuerAuthenticationData;
            r.IssuerScripts = IssuerScripts;
            if (AuthorisationCode != null && AuthorisationCode.Length == 6)
            {
                byte[] code = new byte[6];
                for (int i = 0; i < 6; i++) code[i] = (byte)AuthorisationCode[i];
                r.AuthorisationCode = code;
            }
            return r;
        }
    }
}
