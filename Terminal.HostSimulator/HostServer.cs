using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Terminal.Firmware.Core.HostLink.Iso8583;

namespace Terminal.HostSimulation
{
    /// <summary>
    /// The TCP face of a <see cref="HostSimulator"/>: accepts many concurrent terminals, reads frames with the
    /// 2-byte big-endian length (<see cref="LengthPrefixFrame"/>), answers each with <see cref="HostSimulator.Process"/>
    /// and applies the transport part of the fault: no answer, a delay (through <see cref="Delay"/>, so tests use a
    /// fake clock), part of the frame then close, close every connection on restart. Optional TLS (SslStream,
    /// server certificate given or self-signed).
    /// </summary>
    public sealed class HostServer : IAsyncDisposable
    {
        private readonly HostSimulator _host;
        private readonly TcpListener _listener;
        private readonly X509Certificate2 _certificate;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly object _sync = new object();
        private readonly HashSet<TcpClient> _clients = new HashSet<TcpClient>();
        private Task _acceptLoop;
        private long _connections;

        /// <summary>Creates a server on the endpoint (port 0: any free port); TLS when a certificate is given.</summary>
        public HostServer(HostSimulator host, IPEndPoint endpoint, X509Certificate2 certificate = null)
        {
            _host = host ?? throw new ArgumentNullException(nameof(host));
            _listener = new TcpListener(endpoint ?? new IPEndPoint(IPAddress.Loopback, 0));
            _certificate = certificate;
            Delay = (d, token) => Task.Delay(d, token);
            _host.Restarted += CloseAll;
        }

        /// <summary>How a late answer waits; tests replace it with a fake clock.</summary>
        public Func<TimeSpan, CancellationToken, Task> Delay { get; set; }

        /// <summary>The port listened on (after <see cref="Start"/>).</summary>
        public int Port { get { return ((IPEndPoint)_listener.LocalEndpoint).Port; } }

        /// <summary>Connections accepted so far.</summary>
        public long Connections { get { return Interlocked.Read(ref _connections); } }

        /// <summary>True when TLS is on.</summary>
        public bool Tls { get { return _certificate != null; } }

        /// <summary>Starts listening and accepting.</summary>
        public void Start()
        {
            _listener.Start(512);
            _acceptLoop = AcceptLoop();
        }

        /// <summary>Stops listening and closes every connection.</summary>
        public async ValueTask DisposeAsync()
        {
            _host.Restarted -= CloseAll;
            _stop.Cancel();
            _listener.Stop();
            CloseAll();
            if (_acceptLoop != null)
            {
                try { await _acceptLoop.ConfigureAwait(false); } catch (Exception) { }
            }
            _stop.Dispose();
        }

        private async Task AcceptLoop()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
                }
                catch (Exception)
                {
                    return;
                }
                Interlocked.Increment(ref _connections);
                client.NoDelay = true;
                lock (_sync) _clients.Add(client);
                _ = Serve(client);
            }
        }

        private async Task Serve(TcpClient client)
        {
            try
            {
                Stream stream = client.GetStream();
                if (_certificate != null)
                {
                    SslStream ssl = new SslStream(stream, false);
                    await ssl.AuthenticateAsServerAsync(_certificate, false, false).ConfigureAwait(false);
                    stream = ssl;
                }
                byte[] header = new byte[LengthPrefixFrame.HeaderLength];
                while (!_stop.IsCancellationRequested)
                {
                    await stream.ReadExactlyAsync(header, 0, header.Length, _stop.Token).ConfigureAwait(false);
                    int length = (header[0] << 8) | header[1];
                    if (length == 0) break;
                    byte[] payload = new byte[length];
                    await stream.ReadExactlyAsync(payload, 0, length, _stop.Token).ConfigureAwait(false);
                    HostReply reply = _host.Process(payload);
                    if (reply.Payload != null)
                    {
                        if (reply.Delay > TimeSpan.Zero) await Delay(reply.Delay, _stop.Token).ConfigureAwait(false);
                        byte[] frame = LengthPrefixFrame.Wrap(reply.Payload);
                        int count = reply.SendBytes < 0 ? frame.Length : Math.Min(reply.SendBytes, frame.Length);
                        await stream.WriteAsync(frame, 0, count, _stop.Token).ConfigureAwait(false);
                        await stream.FlushAsync(_stop.Token).ConfigureAwait(false);
                    }
                    if (reply.CloseAfter) break;
                }
            }
            catch (Exception)
            {
                // The peer went away, TLS failed, or the server stops: the connection ends, the host goes on.
            }
            finally
            {
                lock (_sync) _clients.Remove(client);
                client.Dispose();
            }
        }

        private void CloseAll()
        {
            TcpClient[] all;
            lock (_sync)
            {
                all = new TcpClient[_clients.Count];
                _clients.CopyTo(all);
            }
            foreach (TcpClient c in all)
            {
                try { c.Client.Shutdown(SocketShutdown.Both); } catch (Exception) { }
                c.Dispose();
            }
        }
    }
}
