using Terminal.EmvKernel.DataObjects;
using Xunit;

namespace Terminal.Tests.DataObjects;

public class CryptogramAndTerminalTypeTests
{
    private static byte[] H(string hex) => Convert.FromHexString(hex);

    [Theory]
    [InlineData("00", "B1b8-b7 AAC")]
    [InlineData("40", "B1b8-b7 TC")]
    [InlineData("80", "B1b8-b7 ARQC")]
    [InlineData("C0", "B1b8-b7 AAR (RFU in EMV 4.4)")]
    public void Cid_cryptogram_types(string hex, string line)
    {
        Assert.Equal(new[] { line }, new CryptogramInformationData(H(hex)).Describe());
    }

    [Fact]
    public void Cid_89_is_arqc_with_advice_for_service_not_allowed()
    {
        // 0x89 = 10 00 1 001: ARQC, advice required, reason 001 service not allowed.
        var cid = new CryptogramInformationData(H("89"));
        Assert.Equal(CryptogramInformationData.Arqc, cid.CryptogramType);
        Assert.True(cid.AdviceRequired);
        Assert.Equal(CryptogramInformationData.ReasonServiceNotAllowed, cid.ReasonCode);
        Assert.Equal(new[] { "B1b8-b7 ARQC", "B1b4 Advice required", "B1b3-b1 Service not allowed" }, cid.Describe());
    }

    [Fact]
    public void Cid_payment_system_bits_and_setters()
    {
        var cid = new CryptogramInformationData(H("62"));
        Assert.Equal(new[] { "B1b8-b7 TC", "B1b6-b5 Payment system-specific: 2", "B1b3-b1 PIN Try Limit exceeded" }, cid.Describe());
        var built = new CryptogramInformationData();
        built.CryptogramType = CryptogramInformationData.Tc;
        built.AdviceRequired = true;
        built.ReasonCode = CryptogramInformationData.ReasonIssuerAuthenticationFailed;
        Assert.Equal("4B", built.ToString());
        Assert.Throws<ArgumentException>(() => built.CryptogramType = 0x20);
        Assert.Throws<ArgumentOutOfRangeException>(() => built.ReasonCode = 8);
        Assert.Throws<DataObjectException>(() => new CryptogramInformationData(H("8000")));
    }

    [Fact]
    public void Terminal_type_22_is_attended_merchant_offline_with_online_capability()
    {
        var t = new TerminalType(H("22"));
        Assert.Equal(TerminalType.Merchant, t.OperationalControl);
        Assert.True(t.IsAttended);
        Assert.True(t.IsOfflineWithOnlineCapability);
        Assert.True(t.HasOnlineCapability);
        Assert.False(t.IsFinancialInstitutionUnattended);
        Assert.Equal(22, t.Number);
        Assert.Equal(new[] { "Operational control: Merchant", "Environment: Attended", "Communication: Offline with online capability" }, t.Describe());
    }

    [Theory]
    [InlineData("14", true, false, true)]
    [InlineData("15", true, false, false)]
    [InlineData("16", true, true, false)]
    [InlineData("26", false, true, false)]
    [InlineData("34", false, false, true)]
    public void Terminal_type_unattended_variants(string hex, bool fiUnattended, bool offlineOnly, bool onlineOnly)
    {
        var t = new TerminalType(H(hex));
        Assert.False(t.IsAttended);
        Assert.Equal(fiUnattended, t.IsFinancialInstitutionUnattended);
        Assert.Equal(offlineOnly, t.IsOfflineOnly);
        Assert.Equal(onlineOnly, t.IsOnlineOnly);
        Assert.Equal(hex, t.ToString());
        Assert.Equal(H(hex), t.ToArray());
    }

    [Fact]
    public void Terminal_type_from_digits()
    {
        var t = new TerminalType(TerminalType.FinancialInstitution, TerminalType.AttendedOnlineOnly);
        Assert.Equal(0x11, t.Value);
        Assert.Equal(new[] { "Operational control: Financial institution", "Environment: Attended", "Communication: Online only" }, t.Describe());
    }

    [Theory]
    [InlineData("31")] // cardholder terminals are unattended
    [InlineData("33")]
    [InlineData("07")]
    [InlineData("40")]
    [InlineData("2A")]
    [InlineData("17")]
    [InlineData("")]
    [InlineData("2222")]
    public void Invalid_terminal_type_is_a_data_object_error(string hex)
    {
        var e = Assert.Throws<DataObjectException>(() => new TerminalType(H(hex)));
        Assert.Equal(0x9F35, e.Tag);
    }
}
