namespace Terminal.Firmware.Core.HostLink.Transport
{
    /// <summary>
    /// The one exception of the transport: a typed <see cref="Reason"/>. For an exchange already sent, every
    /// reason means the outcome at the host is unknown. The message never carries message content.
    /// </summary>
    public class HostLinkException : System.Exception
    {
        /// <summary>Creates the exception.</summary>
        public HostLinkException(HostLinkError reason, string message)
            : base(Describe(reason, message))
        {
            Reason = reason;
        }

        /// <summary>Creates the exception with its cause (a socket or parser error).</summary>
        public HostLinkException(HostLinkError reason, string message, System.Exception inner)
            : base(Describe(reason, message), inner)
        {
            Reason = reason;
        }

        /// <summary>Why the exchange failed.</summary>
        public HostLinkError Reason { get; private set; }

        /// <summary>A fixed name per reason (no reliance on Enum.ToString on the device).</summary>
        public static string NameOf(HostLinkError reason)
        {
            switch (reason)
            {
                case HostLinkError.Timeout: return "Timeout";
                case HostLinkError.Disconnected: return "Disconnected";
                case HostLinkError.ConnectFailed: return "ConnectFailed";
                case HostLinkError.Malformed: return "Malformed";
                default: return "Unknown";
            }
        }

        private static string Describe(HostLinkError reason, string message)
        {
            return message == null ? NameOf(reason) : string.Concat(NameOf(reason), ": ", message);
        }
    }
}
