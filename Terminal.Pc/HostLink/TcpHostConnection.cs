using System;
using System.IO;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Terminal.Firmware.Core.HostLink.Transport;

namespace Terminal.Pc.HostLink
{
    /// <summary>
    /// <see cref="IHostConnection"/> over a <see cref="TcpClient"/>, optionally inside TLS (<see cref="SslStream"/>).
    /// A receive that times out leaves its read pending and the next <see cref="Receive"/> collects it, so a
    /// timeout never corrupts the TLS stream. All failures are <see cref="HostLinkException"/>.
    /// </summary>
    public sealed class TcpHostConnection : IHostConnection
    {
        private readonly string _host;
        private readonly int _port;
        private readonly TlsOptions _tls;
        private TcpClient _client;
        private Stream _stream;
        private Task<int> _pendingRead;
        private readonly byte[] _readBuffer = new byte[4096];
        private int _readStart;
        private int _readEnd;

        /// <summary>A plain TCP connection to <paramref name="host"/>:<paramref name="port"/>.</summary>
        public TcpHostConnection(string host, int port)
            : this(host, port, null)
        {
        }

        /// <summary>A connection to <paramref name="host"/>:<paramref name="port"/>, inside TLS when <paramref name="tls"/> is set.</summary>
        public TcpHostConnection(string host, int port, TlsOptions tls)
        {
            if (string.IsNullOrEmpty(host)) throw new ArgumentException("host required", nameof(host));
            if (port < 1 || port > 65535) throw new ArgumentOutOfRangeException(nameof(port));
            _host = host;
            _port = port;
            _tls = tls;
        }

        /// <inheritdoc />
        public bool IsConnected
        {
            get { return _stream != null; }
        }

        /// <inheritdoc />
        public void Connect(int timeoutMs)
        {
            Close();
            TcpClient client = new TcpClient();
            try
            {
                client.NoDelay = true;
                if (!client.ConnectAsync(_host, _port).Wait(timeoutMs))
                    throw new HostLinkException(HostLinkError.ConnectFailed, "connect timed out");
                Stream stream = client.GetStream();
                if (_tls != null)
                {
                    SslStream ssl = new SslStream(stream, false, _tls.ServerCertificateValidation);
                    SslClientAuthenticationOptions options = new SslClientAuthenticationOptions
                    {
                        TargetHost = _tls.TargetHost ?? _host,
                        EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                    };
                    if (_tls.ClientCertificate != null) options.ClientCertificates = new X509CertificateCollection { _tls.ClientCertificate };
                    if (!ssl.AuthenticateAsClientAsync(options).Wait(timeoutMs))
                        throw new HostLinkException(HostLinkError.ConnectFailed, "TLS handshake timed out");
                    stream = ssl;
                }
                _client = client;
                _stream = stream;
            }
            catch (HostLinkException)
            {
                client.Dispose();
                throw;
            }
            catch (Exception e) when (e is AggregateException || e is SocketException || e is IOException || e is AuthenticationException || e is ObjectDisposedException)
            {
                client.Dispose();
                throw new HostLinkException(HostLinkError.ConnectFailed, "connect or TLS handshake failed", e);
            }
        }

        /// <inheritdoc />
        public void Send(byte[] data, int offset, int count)
        {
            Stream stream = RequireStream();
            try
            {
                stream.Write(data, offset, count);
                stream.Flush();
            }
            catch (Exception e) when (e is IOException || e is SocketException || e is ObjectDisposedException || e is InvalidOperationException)
            {
                Close();
                throw new HostLinkException(HostLinkError.Disconnected, "send failed", e);
            }
        }

        /// <inheritdoc />
        public int Receive(byte[] buffer, int offset, int count, int timeoutMs)
        {
            Stream stream = RequireStream();
            if (_readStart == _readEnd)
            {
                if (_pendingRead == null) _pendingRead = stream.ReadAsync(_readBuffer, 0, _readBuffer.Length);
                bool done;
                try
                {
                    done = _pendingRead.Wait(timeoutMs < 0 ? 0 : timeoutMs);
                }
                catch (AggregateException e)
                {
                    Close();
                    throw new HostLinkException(HostLinkError.Disconnected, "receive failed", e);
                }
                if (!done) throw new HostLinkException(HostLinkError.Timeout, "no data in time");
                int n = _pendingRead.Result;
                _pendingRead = null;
                if (n <= 0)
                {
                    Close();
                    throw new HostLinkException(HostLinkError.Disconnected, "closed by the host");
                }
                _readStart = 0;
                _readEnd = n;
            }
            int take = Math.Min(count, _readEnd - _readStart);
            Array.Copy(_readBuffer, _readStart, buffer, offset, take);
            _readStart += take;
            return take;
        }

        /// <inheritdoc />
        public void Close()
        {
            Stream stream = _stream;
            TcpClient client = _client;
            _stream = null;
            _client = null;
            _readStart = 0;
            _readEnd = 0;
            Task<int> pending = _pendingRead;
            _pendingRead = null;
            try { stream?.Dispose(); } catch (Exception) { }
            try { client?.Dispose(); } catch (Exception) { }
            // Observe the abandoned read so its failure is not an unobserved task exception.
            pending?.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
        }

        private Stream RequireStream()
        {
            if (_stream == null) throw new HostLinkException(HostLinkError.Disconnected, "not connected");
            return _stream;
        }
    }
}
