namespace Terminal.Firmware.Core.HostLink.Transport
{
    /// <summary>Why an exchange with the host failed (<see cref="HostLinkException.Reason"/>).</summary>
    public enum HostLinkError
    {
        /// <summary>No (complete, matching) answer before the deadline.</summary>
        Timeout = 1,
        /// <summary>The connection dropped, before or during a frame.</summary>
        Disconnected = 2,
        /// <summary>The connection (or the TLS handshake) could not be made.</summary>
        ConnectFailed = 3,
        /// <summary>The host sent bytes that are not a valid frame or message of the dialect.</summary>
        Malformed = 4,
    }
}
