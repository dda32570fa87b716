using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Crypto.Emv;
using Terminal.EmvKernel.Tlv;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.HostSimulation;
using Xunit;

namespace Terminal.Tests.HostSimulation;

/// <summary>Shared set-up of the host simulator tests: a host on a fixed clock, test accounts and card-side cryptograms.</summary>
internal static class HostKit
{
    public const string VisaPan = "4761739000000301";      // cards/visa-online-host-approves.card
    public const string OtherPan = "4761739000000319";
    public static readonly DateTime Today = new DateTime(2026, 6, 15, 10, 30, 0, DateTimeKind.Utc);
    public static readonly byte[] MkAc = Convert.FromHexString("0123456789ABCDEFFEDCBA9876543210");
    public static readonly byte[] MkSmi = Convert.FromHexString("11111111111111112222222222222222");
    public static readonly byte[] MkSmc = Convert.FromHexString("33333333333333334444444444444444");

    public static HostSimulator Host(HostDialect dialect = HostDialect.Generic, HostRules rules = null)
    {
        var host = new HostSimulator(dialect, HostKeys.TestKeys(), rules ?? new HostRules()) { Clock = () => Today };
        host.AddAccount(Account(VisaPan, 1_000_000));
        host.AddAccount(Account(OtherPan, 5_000));
        return host;
    }

    public static HostAccount Account(string pan, long balance) => new HostAccount(pan)
    {
        Psn = "01",
        Expiry = "3012",
        Pin = "1234",
        Balance = balance,
        CryptogramVersion = CryptogramVersion.Visa10,
        MasterKeys = new IccMasterKeys(MkAc, MkSmi, MkSmc),
    };

    public static SimulatedTerminal Terminal(HostSimulator host, string tid = "TERM0001", DukptScheme scheme = DukptScheme.Tdes, int device = 1)
    {
        var t = new SimulatedTerminal(host.Dialect, tid, host.Keys, scheme, device);
        if (host.Dialect == HostDialect.UnionPay)
        {
            byte[] answer = host.Handle(t.PackPlain(t.SignOn()));
            t.AcceptSignOn(UnionPayDialect.Dialect.Parse(answer));
        }
        return t;
    }

    /// <summary>Sends a message through Handle and returns the parsed answer, asserting its MAC.</summary>
    public static Iso8583Message Send(HostSimulator host, SimulatedTerminal t, Iso8583Message request, bool expectMac = true)
    {
        byte[] answer = host.Handle(t.Pack(request));
        Assert.NotNull(answer);
        Iso8583Message r = t.ParseResponse(answer, out bool macOk);
        if (expectMac) Assert.True(macOk, "answer MAC does not verify");
        return r;
    }

    /// <summary>
    /// A card's DE 55 for an ARQC with the Visa CVN 10 keys above (card side: CryptogramVersion.GenerateAc, the
    /// same computation the virtual cards do), terminal data in CDOL1 order.
    /// </summary>
    public static byte[] IccData(long amount, ushort atc = 0x0012, CryptogramVersion cv = null, byte[] mkAc = null)
    {
        cv ??= CryptogramVersion.Visa10;
        var p = new PortableCryptoProvider();
        byte[] amountBcd = Convert.FromHexString(amount.ToString("D12"));
        byte[] other = new byte[6], country = { 0x01, 0x56 }, tvr = new byte[5], currency = { 0x01, 0x56 }, date = { 0x26, 0x06, 0x15 }, type = { 0x00 };
        byte[] un = { 0x11, 0x22, 0x33, 0x44 }, aip = { 0x3C, 0x00 }, atcBytes = { (byte)(atc >> 8), (byte)atc };
        byte[] iad = cv.Scheme == "Visa" ? Convert.FromHexString("06010A03A00000") : Convert.FromHexString("0110A00003220000000000000000000000FF");
        if (cv.Number == 18 || cv.Number == 22) iad = Convert.FromHexString("06011203A0B800");
        byte[] terminalData = [.. amountBcd, .. other, .. country, .. tvr, .. currency, .. date, .. type, .. un];
        byte[] arqc = cv.GenerateAc(p, mkAc ?? MkAc, terminalData, aip, atcBytes, un, iad);
        var w = new TlvWriter();
        w.Write(0x9F26, arqc); w.Write(0x9F27, new byte[] { 0x80 }); w.Write(0x9F10, iad); w.Write(0x9F37, un);
        w.Write(0x9F36, atcBytes); w.Write(0x95, tvr); w.Write(0x9A, date); w.Write(0x9C, type); w.Write(0x9F02, amountBcd);
        w.Write(0x9F03, other); w.Write(0x5F2A, currency); w.Write(0x82, aip); w.Write(0x9F1A, country);
        return w.ToArray();
    }

    /// <summary>The value of a tag in a DE 55.</summary>
    public static byte[] Tag(byte[] field55, int tag) => TlvParser.Parse(field55).FindValue(tag);
}
