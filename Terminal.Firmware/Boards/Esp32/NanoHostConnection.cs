using System;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Terminal.Firmware.Core.HostLink.Transport;

namespace Terminal.Boards.Esp32
{
    /// <summary>
    /// IHostConnection over a TCP socket, plain or with TLS 1.2 (System.Net.txt: Dns.GetHostEntry, IPEndPoint,
    /// Socket(AddressFamily, SocketType, ProtocolType), Connect, Poll, NetworkStream(Socket, bool), SslStream(Socket),
    /// SslVerification, AuthenticateAsClient(string, X509Certificate, X509Certificate, SslProtocols), Read/Write,
    /// DataAvailable; X509Certificate(byte[]) with the DER bytes [K: nano passes them to mbedTLS, which parses DER and
    /// PEM]). nano has no certificate validation callback, so the host is verified against its CA certificate
    /// (nanoframework.md 3.8; <c>set hostca</c>). Every failure is a HostLinkException.
    /// </summary>
    internal sealed class NanoHostConnection : IHostConnection
    {
        private readonly string _host;
        private readonly int _port;
        private readonly X509Certificate _ca;
        private Socket _socket;
        private NetworkStream _stream;

        /// <summary>host and port of the acquirer; caDer (or null: plain TCP) is the CA certificate that signed the host's certificate.</summary>
        public NanoHostConnection(string host, int port, byte[] caDer)
        {
            _host = host;
            _port = port;
            _ca = caDer == null ? null : new X509Certificate(caDer);
        }

        public bool IsConnected
        {
            get { return _stream != null; }
        }

        public void Connect(int timeoutMs)
        {
            Close();
            try
            {
                IPAddress address = Dns.GetHostEntry(_host).AddressList[0];
                Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.SendTimeout = timeoutMs;
                socket.ReceiveTimeout = timeoutMs;
                socket.Connect(new IPEndPoint(address, _port));
                _socket = socket;
                if (_ca == null)
                {
                    _stream = new NetworkStream(socket, true);
                }
                else
                {
                    SslStream tls = new SslStream(socket);
                    tls.SslVerification = SslVerification.VerifyPeer;
                    tls.AuthenticateAsClient(_host, null, _ca, SslProtocols.Tls12);
                    _stream = tls;
                }
            }
            catch (Exception e)
            {
                Close();
                throw new HostLinkException(HostLinkError.ConnectFailed, _ca == null ? "TCP connection to the host failed" : "TCP/TLS connection to the host failed", e);
            }
        }

        public void Send(byte[] data, int offset, int count)
        {
            if (_stream == null) throw new HostLinkException(HostLinkError.Disconnected, "not connected");
            try
            {
                _stream.Write(data, offset, count);
            }
            catch (Exception e)
            {
                Close();
                throw new HostLinkException(HostLinkError.Disconnected, "send failed", e);
            }
        }

        public int Receive(byte[] buffer, int offset, int count, int timeoutMs)
        {
            if (_stream == null) throw new HostLinkException(HostLinkError.Disconnected, "not connected");
            int n;
            try
            {
                // Decrypted bytes may wait in the TLS layer while the socket has nothing new (DataAvailable covers both).
                if (!_stream.DataAvailable && !_socket.Poll(timeoutMs > 2000000 ? 2000000000 : timeoutMs * 1000, SelectMode.SelectRead))
                    throw new HostLinkException(HostLinkError.Timeout, "no data from the host in time");
                n = _stream.Read(buffer, offset, count);
            }
            catch (HostLinkException)
            {
                throw;
            }
            catch (Exception e)
            {
                Close();
                throw new HostLinkException(HostLinkError.Disconnected, "receive failed", e);
            }
            if (n <= 0)
            {
                Close();
                throw new HostLinkException(HostLinkError.Disconnected, "the host closed the connection");
            }
            return n;
        }

        public void Close()
        {
            try
            {
                if (_stream != null) _stream.Dispose();
            }
            catch (Exception)
            {
                // Close never throws.
            }
            try
            {
                if (_socket != null) _socket.Close();
            }
            catch (Exception)
            {
                // Close never throws.
            }
            _stream = null;
            _socket = null;
        }
    }
}
