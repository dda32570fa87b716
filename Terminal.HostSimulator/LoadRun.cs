using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Threading.Tasks;
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Crypto.Emv;
using Terminal.EmvKernel.Tlv;
using Terminal.Firmware.Core.HostLink.Iso8583;

namespace Terminal.HostSimulation
{
    /// <summary>Figures of a load run.</summary>
    public sealed class LoadResult
    {
        /// <summary>Concurrent terminals.</summary>
        public int Terminals { get; internal set; }
        /// <summary>Authorizations answered.</summary>
        public int Authorizations { get; internal set; }
        /// <summary>Answers that were not approvals with a valid MAC (should be 0).</summary>
        public int Failures { get; internal set; }
        /// <summary>Wall time of the exchanges.</summary>
        public TimeSpan Elapsed { get; internal set; }
        /// <summary>Authorizations per second.</summary>
        public double PerSecond { get { return Authorizations / Elapsed.TotalSeconds; } }
        /// <summary>Median request-to-answer latency, ms.</summary>
        public double P50Milliseconds { get; internal set; }
        /// <summary>99th percentile latency, ms.</summary>
        public double P99Milliseconds { get; internal set; }

        /// <inheritdoc/>
        public override string ToString()
        {
            return string.Format(System.Globalization.CultureInfo.InvariantCulture,
                "{0} terminals, {1} authorizations in {2:F2} s: {3:F0} auth/s, p50 {4:F2} ms, p99 {5:F2} ms, failures {6}",
                Terminals, Authorizations, Elapsed.TotalSeconds, PerSecond, P50Milliseconds, P99Milliseconds, Failures);
        }
    }

    /// <summary>
    /// A load run on loopback: a host simulator (generic dialect, TDES DUKPT) behind a <see cref="HostServer"/>,
    /// <c>terminals</c> concurrent connections each sending <c>sales</c> authorizations one after the other: 0200
    /// with online PIN (format 0), retail MAC and a Visa CVN 10 ARQC in DE 55; the host checks MAC, PIN and ARQC and
    /// answers with an ARPC. The requests are built before the clock starts; latency is send to complete answer.
    /// </summary>
    public static class LoadRun
    {
        /// <summary>Runs the load and returns the figures.</summary>
        public static async Task<LoadResult> RunAsync(int terminals, int sales, bool tls)
        {
            if (terminals < 1 || sales < 1) throw new ArgumentOutOfRangeException(nameof(terminals));
            byte[] mkAc = Convert.FromHexString("0123456789ABCDEFFEDCBA9876543210");
            HostSimulator host = new HostSimulator(HostDialect.Generic, HostKeys.TestKeys(), new HostRules());
            host.Clock = () => new DateTime(2026, 6, 15, 10, 30, 0, DateTimeKind.Utc);
            HostAccount account = new HostAccount("4761739000000301");
            account.Psn = "01";
            account.Pin = "1234";
            account.Balance = long.MaxValue / 4;
            account.CryptogramVersion = CryptogramVersion.Visa10;
            account.MasterKeys = new IccMasterKeys(mkAc, Convert.FromHexString("11111111111111112222222222222222"), Convert.FromHexString("33333333333333334444444444444444"));
            host.AddAccount(account);

            byte[][][] requests = new byte[terminals][][];
            SimulatedTerminal[] sims = new SimulatedTerminal[terminals];
            for (int i = 0; i < terminals; i++)
            {
                sims[i] = new SimulatedTerminal(HostDialect.Generic, "L" + i.ToString("D7"), host.Keys, DukptScheme.Tdes, i + 1);
                requests[i] = new byte[sales][];
                for (int k = 0; k < sales; k++)
                {
                    long amount = 100 + k;
                    requests[i][k] = sims[i].Pack(sims[i].Sale(account.Pan, amount, "1234", IccData(mkAc, amount, (ushort)(k + 1))));
                }
            }

            HostServer server = new HostServer(host, new IPEndPoint(IPAddress.Loopback, 0), tls ? SelfSignedCertificate.Create() : null);
            server.Start();
            try
            {
                Stream[] streams = new Stream[terminals];
                for (int i = 0; i < terminals; i++)
                {
                    TcpClient c = new TcpClient();
                    c.NoDelay = true;
                    await c.ConnectAsync(IPAddress.Loopback, server.Port).ConfigureAwait(false);
                    Stream s = c.GetStream();
                    if (tls)
                    {
                        SslStream ssl = new SslStream(s, false, (a, b, d, e) => true);
                        await ssl.AuthenticateAsClientAsync("localhost").ConfigureAwait(false);
                        s = ssl;
                    }
                    streams[i] = s;
                }
                double[][] latencies = new double[terminals][];
                int[] failures = new int[terminals];
                Stopwatch total = Stopwatch.StartNew();
                Task[] runs = new Task[terminals];
                for (int i = 0; i < terminals; i++)
                {
                    int n = i;
                    runs[n] = Task.Run(async () =>
                    {
                        latencies[n] = new double[sales];
                        byte[] header = new byte[2];
                        for (int k = 0; k < sales; k++)
                        {
                            long start = Stopwatch.GetTimestamp();
                            await streams[n].WriteAsync(LengthPrefixFrame.Wrap(requests[n][k])).ConfigureAwait(false);
                            await streams[n].ReadExactlyAsync(header).ConfigureAwait(false);
                            byte[] answer = new byte[(header[0] << 8) | header[1]];
                            await streams[n].ReadExactlyAsync(answer).ConfigureAwait(false);
                            latencies[n][k] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                            Iso8583Message r = Generic87Dialect.Dialect.Parse(answer);
                            if (r.GetString(39) != HostRules.Approved) failures[n]++;
                        }
                    });
                }
                await Task.WhenAll(runs).ConfigureAwait(false);
                total.Stop();
                foreach (Stream s in streams) s.Dispose();
                List<double> all = new List<double>();
                int failed = 0;
                for (int i = 0; i < terminals; i++) { all.AddRange(latencies[i]); failed += failures[i]; }
                all.Sort();
                LoadResult result = new LoadResult();
                result.Terminals = terminals;
                result.Authorizations = all.Count;
                result.Failures = failed + (host.Ledger.Counted().Count == all.Count ? 0 : 1);
                result.Elapsed = total.Elapsed;
                result.P50Milliseconds = all[(int)(0.50 * (all.Count - 1))];
                result.P99Milliseconds = all[(int)(0.99 * (all.Count - 1))];
                return result;
            }
            finally
            {
                await server.DisposeAsync().ConfigureAwait(false);
            }
        }

        /// <summary>A Visa CVN 10 card's DE 55 for an ARQC (card side computed with the same published algorithm).</summary>
        private static byte[] IccData(byte[] mkAc, long amount, ushort atc)
        {
            CryptogramVersion cv = CryptogramVersion.Visa10;
            byte[] amountBcd = Convert.FromHexString(amount.ToString("D12"));
            byte[] other = new byte[6], country = { 0x01, 0x56 }, tvr = new byte[5], currency = { 0x01, 0x56 }, date = { 0x26, 0x06, 0x15 }, type = { 0x00 };
            byte[] un = { 0x11, 0x22, 0x33, 0x44 }, aip = { 0x3C, 0x00 }, atcBytes = { (byte)(atc >> 8), (byte)atc };
            byte[] iad = Convert.FromHexString("06010A03A00000");
            byte[] terminalData = Concat(amountBcd, other, country, tvr, currency, date, type, un);
            byte[] arqc = cv.GenerateAc(new PortableCryptoProvider(), mkAc, terminalData, aip, atcBytes, un, iad);
            TlvWriter w = new TlvWriter();
            w.Write(0x9F26, arqc); w.Write(0x9F27, new byte[] { 0x80 }); w.Write(0x9F10, iad); w.Write(0x9F37, un);
            w.Write(0x9F36, atcBytes); w.Write(0x95, tvr); w.Write(0x9A, date); w.Write(0x9C, type); w.Write(0x9F02, amountBcd);
            w.Write(0x9F03, other); w.Write(0x5F2A, currency); w.Write(0x82, aip); w.Write(0x9F1A, country);
            return w.ToArray();
        }

        private static byte[] Concat(params byte[][] parts)
        {
            MemoryStream m = new MemoryStream();
            foreach (byte[] p in parts) m.Write(p, 0, p.Length);
            return m.ToArray();
        }
    }
}
