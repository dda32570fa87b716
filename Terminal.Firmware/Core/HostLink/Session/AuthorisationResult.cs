using Terminal.Firmware.Core.HostLink.Iso8583;

namespace Terminal.Firmware.Core.HostLink.Session
{
    /// <summary>What <see cref="HostSession.Authorise"/> returns: status, trace, the host's answer when one matched.</summary>
    public sealed class AuthorisationResult
    {
        internal AuthorisationResult(int trace, AuthorisationStatus status, SessionFailure failure, Iso8583Message response)
        {
            Trace = trace;
            Status = status;
            Failure = failure;
            Response = response;
        }

        /// <summary>DE 11 of the request (the journal key).</summary>
        public int Trace { get; private set; }

        /// <summary>Where the transaction stands.</summary>
        public AuthorisationStatus Status { get; internal set; }

        /// <summary>Why it did not get an answer (None when it did).</summary>
        public SessionFailure Failure { get; internal set; }

        /// <summary>The matching answer (DE 39, 37, 38 and DE 55 for the second GENERATE AC), or null.</summary>
        public Iso8583Message Response { get; private set; }

        /// <summary>DE 39 of the answer, or null.</summary>
        public string ResponseCode
        {
            get { return Response == null ? null : Response.GetString(39); }
        }
    }
}
