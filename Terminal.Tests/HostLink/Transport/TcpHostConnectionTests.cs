using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.Firmware.Core.HostLink.Transport;
using Terminal.Pc.HostLink;
using Terminal.Tests.HostLink.Iso8583;
using Xunit;

namespace Terminal.Tests.HostLink.Transport;

/// <summary>
/// TcpHostConnection on loopback against a tiny in-test host: one connection, reads whole frames and answers with
/// the dialect's response builder. No sleeps: the server task is awaited with a timeout.
/// </summary>
public class TcpHostConnectionTests
{
    private const int Wait = 20000;

    /// <summary>A one-connection host: answers each request with DE 39 "00" unless told to stay silent or drop.</summary>
    private sealed class LoopbackHost : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        public Task Served { get; }
        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public LoopbackHost(string mode, X509Certificate2 certificate = null)
        {
            _listener.Start();
            Served = Task.Run(async () =>
            {
                using TcpClient client = await _listener.AcceptTcpClientAsync();
                Stream stream = client.GetStream();
                if (certificate != null)
                {
                    var ssl = new SslStream(stream, false);
                    await ssl.AuthenticateAsServerAsync(certificate);
                    stream = ssl;
                }
                byte[] header = new byte[2];
                await stream.ReadExactlyAsync(header);
                byte[] payload = new byte[(header[0] << 8) | header[1]];
                await stream.ReadExactlyAsync(payload);
                Iso8583Message request = Generic87Dialect.Dialect.Parse(payload);
                byte[] answer = LengthPrefixFrame.Wrap(Generic87Dialect.Dialect.Pack(Generic87Messages.Response(request, "00")));
                if (mode == "answer")
                {
                    await stream.WriteAsync(answer);
                    await stream.FlushAsync();
                    // Hold the connection until the terminal closes it.
                    await stream.ReadAtLeastAsync(new byte[1], 1, throwOnEndOfStream: false);
                }
                else if (mode == "half")
                {
                    await stream.WriteAsync(answer.AsMemory(0, answer.Length / 2));
                    await stream.FlushAsync();
                }
                else if (mode == "silent")
                {
                    await stream.ReadAtLeastAsync(new byte[1], 1, throwOnEndOfStream: false);
                }
                stream.Dispose();
            });
        }

        public void Dispose() => _listener.Stop();
    }

    private static Iso8583Message Sale() => Generic87Messages.Sale(Iso8583TestData.GenericCard());

    private static void AwaitServer(LoopbackHost host) => Assert.True(host.Served.Wait(Wait), "host task did not finish");

    [Fact]
    public void Sale_over_loopback_tcp_gets_its_answer()
    {
        using var host = new LoopbackHost("answer");
        var connection = new TcpHostConnection("127.0.0.1", host.Port);
        connection.Connect(Wait);
        var exchange = new HostExchange(connection, Generic87Dialect.Dialect, new StopwatchClock()) { TimeoutMs = Wait };
        Iso8583Message answer = exchange.Exchange(Sale());
        Assert.Equal("0210", answer.Mti);
        Assert.Equal("00", answer.GetString(39));
        Assert.Equal(123, answer.GetNumeric(11));
        connection.Close();
        Assert.False(connection.IsConnected);
        AwaitServer(host);
    }

    [Fact]
    public void Host_that_drops_mid_answer_is_disconnected()
    {
        using var host = new LoopbackHost("half");
        var connection = new TcpHostConnection("127.0.0.1", host.Port);
        connection.Connect(Wait);
        var exchange = new HostExchange(connection, Generic87Dialect.Dialect, new StopwatchClock()) { TimeoutMs = Wait };
        var e = Assert.Throws<HostLinkException>(() => exchange.Exchange(Sale()));
        Assert.Equal(HostLinkError.Disconnected, e.Reason);
        Assert.False(connection.IsConnected);
        AwaitServer(host);
    }

    [Fact]
    public void Silent_host_is_a_timeout_and_the_link_is_closed()
    {
        using var host = new LoopbackHost("silent");
        var connection = new TcpHostConnection("127.0.0.1", host.Port);
        connection.Connect(Wait);
        var exchange = new HostExchange(connection, Generic87Dialect.Dialect, new StopwatchClock()) { TimeoutMs = 300 };
        Assert.Equal(HostLinkError.Timeout, Assert.Throws<HostLinkException>(() => exchange.Exchange(Sale())).Reason);
        Assert.False(connection.IsConnected);
        AwaitServer(host);   // the close reaches the host, whose pending read ends
    }

    [Fact]
    public void Nobody_listening_is_connect_failed()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();    // the port is now closed: connection refused
        var connection = new TcpHostConnection("127.0.0.1", port);
        Assert.Equal(HostLinkError.ConnectFailed, Assert.Throws<HostLinkException>(() => connection.Connect(Wait)).Reason);
        Assert.False(connection.IsConnected);
    }

    [Fact]
    public void Send_before_connect_is_disconnected()
    {
        var connection = new TcpHostConnection("127.0.0.1", 1);
        Assert.Equal(HostLinkError.Disconnected, Assert.Throws<HostLinkException>(() => connection.Send(new byte[] { 1 }, 0, 1)).Reason);
    }

    private static X509Certificate2 SelfSigned()
    {
        using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        using X509Certificate2 ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Round trip through PKCS#12 so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
    }

    [Fact]
    public void Sale_over_loopback_tls_with_a_pinned_self_signed_certificate()
    {
        using X509Certificate2 certificate = SelfSigned();
        using var host = new LoopbackHost("answer", certificate);
        string pinned = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        var tls = new TlsOptions
        {
            TargetHost = "localhost",
            ServerCertificateValidation = (sender, presented, chain, errors) =>
                presented != null && presented.GetCertHashString(HashAlgorithmName.SHA256) == pinned,
        };
        var connection = new TcpHostConnection("127.0.0.1", host.Port, tls);
        connection.Connect(Wait);
        var exchange = new HostExchange(connection, Generic87Dialect.Dialect, new StopwatchClock()) { TimeoutMs = Wait };
        Assert.Equal("00", exchange.Exchange(Sale()).GetString(39));
        connection.Close();
        AwaitServer(host);
    }

    [Fact]
    public void Tls_with_default_validation_refuses_a_self_signed_host()
    {
        using X509Certificate2 certificate = SelfSigned();
        using var host = new LoopbackHost("answer", certificate);
        var connection = new TcpHostConnection("127.0.0.1", host.Port, new TlsOptions { TargetHost = "localhost" });
        Assert.Equal(HostLinkError.ConnectFailed, Assert.Throws<HostLinkException>(() => connection.Connect(Wait)).Reason);
        Assert.False(connection.IsConnected);
        // The host's handshake fails too; its task ends with that error.
        Assert.ThrowsAny<Exception>(() => host.Served.Wait(Wait));
    }

    [Fact]
    public void Connector_pins_the_provisioned_public_key_hash_and_refuses_any_other()
    {
        using X509Certificate2 certificate = SelfSigned();
        // The pin is the SHA-256 of the certificate's SubjectPublicKeyInfo (what "set tlspin" holds), computed here
        // from the certificate itself; the chain (self-signed) and the name (127.0.0.1) would fail default validation.
        byte[] pin = System.Security.Cryptography.SHA256.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo());
        using (var host = new LoopbackHost("answer", certificate))
        {
            IHostConnection connection = new TcpHostConnector().Open("127.0.0.1", host.Port, pin, null);
            connection.Connect(Wait);
            var exchange = new HostExchange(connection, Generic87Dialect.Dialect, new StopwatchClock()) { TimeoutMs = Wait };
            Assert.Equal("00", exchange.Exchange(Sale()).GetString(39));
            connection.Close();
            AwaitServer(host);
        }
        byte[] wrong = (byte[])pin.Clone();
        wrong[31] ^= 0x01;
        using (var host = new LoopbackHost("answer", certificate))
        {
            IHostConnection connection = new TcpHostConnector().Open("127.0.0.1", host.Port, wrong, null);
            Assert.Equal(HostLinkError.ConnectFailed, Assert.Throws<HostLinkException>(() => connection.Connect(Wait)).Reason);
            Assert.ThrowsAny<Exception>(() => host.Served.Wait(Wait));
        }
    }

    [Fact]
    public void Connector_with_a_provisioned_ca_trusts_only_hosts_that_chain_to_it_under_their_name()
    {
        using X509Certificate2 certificate = SelfSigned(); // self-signed, SAN localhost: its own CA
        using X509Certificate2 other = SelfSigned();       // another key: a CA the host does not chain to
        using (var host = new LoopbackHost("answer", certificate))
        {
            IHostConnection connection = new TcpHostConnector().Open("localhost", host.Port, null, certificate.RawData);
            connection.Connect(Wait);
            var exchange = new HostExchange(connection, Generic87Dialect.Dialect, new StopwatchClock()) { TimeoutMs = Wait };
            Assert.Equal("00", exchange.Exchange(Sale()).GetString(39));
            connection.Close();
            AwaitServer(host);
        }
        using (var host = new LoopbackHost("answer", certificate))
        {
            IHostConnection connection = new TcpHostConnector().Open("localhost", host.Port, null, other.RawData);
            Assert.Equal(HostLinkError.ConnectFailed, Assert.Throws<HostLinkException>(() => connection.Connect(Wait)).Reason);
            Assert.ThrowsAny<Exception>(() => host.Served.Wait(Wait));
        }
        // The right CA but the wrong name (the certificate names localhost, not 127.0.0.1).
        using (var host = new LoopbackHost("answer", certificate))
        {
            IHostConnection connection = new TcpHostConnector().Open("127.0.0.1", host.Port, null, certificate.RawData);
            Assert.Equal(HostLinkError.ConnectFailed, Assert.Throws<HostLinkException>(() => connection.Connect(Wait)).Reason);
            Assert.ThrowsAny<Exception>(() => host.Served.Wait(Wait));
        }
    }
}
