namespace Terminal.Firmware.Core.HostLink.Transport
{
    /// <summary>
    /// A byte connection to the acquirer host (TCP, optionally TLS): the PC implementation is
    /// Terminal.Pc.HostLink.TcpHostConnection; the ESP32 board wraps nanoFramework's socket and SslStream.
    /// Every failure is a <see cref="HostLinkException"/>. Framing and matching are <see cref="HostExchange"/>'s.
    /// </summary>
    public interface IHostConnection
    {
        /// <summary>True between a successful <see cref="Connect"/> and <see cref="Close"/> or a detected drop.</summary>
        bool IsConnected { get; }

        /// <summary>Opens the connection (and the TLS session). Failure: <see cref="HostLinkError.ConnectFailed"/>.</summary>
        void Connect(int timeoutMs);

        /// <summary>Sends all <paramref name="count"/> bytes. Failure: <see cref="HostLinkError.Disconnected"/>.</summary>
        void Send(byte[] data, int offset, int count);

        /// <summary>
        /// Waits up to <paramref name="timeoutMs"/> for data and copies 1..<paramref name="count"/> bytes into the
        /// buffer; returns how many. Nothing in time: <see cref="HostLinkError.Timeout"/> (the connection stays
        /// usable); peer closed or link lost: <see cref="HostLinkError.Disconnected"/>.
        /// </summary>
        int Receive(byte[] buffer, int offset, int count, int timeoutMs);

        /// <summary>Closes the connection; no effect when already closed. Never throws.</summary>
        void Close();
    }
}
