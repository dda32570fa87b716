using Terminal.EmvKernel.DataObjects;
using Xunit;

namespace Terminal.Tests.DataObjects;

public class CvmTests
{
    private static byte[] H(string hex) => Convert.FromHexString(hex);

    [Fact]
    public void Cvm_list_with_online_pin_signature_and_no_cvm()
    {
        // X = 0, Y = 0; 42 03: b7 set (apply succeeding rule), code 02 enciphered PIN online, if terminal supports;
        // 1E 03: signature, if terminal supports; 1F 00: no CVM required, always (Book 3 C3 Tables 43/44).
        var list = new CvmList(H("000000000000000042031E031F00"));
        Assert.Equal(0, list.AmountX);
        Assert.Equal(0, list.AmountY);
        Assert.Equal(3, list.Count);
        CvmRule r1 = list.RuleAt(0);
        Assert.Equal(CvmCodes.EncipheredPinOnline, r1.CvmCode);
        Assert.True(r1.ApplySucceedingRuleIfUnsuccessful);
        Assert.Equal(CvmCodes.IfTerminalSupportsCvm, r1.ConditionCode);
        Assert.Equal(CvmCodes.Signature, list.RuleAt(1).CvmCode);
        Assert.False(list.RuleAt(1).ApplySucceedingRuleIfUnsuccessful);
        Assert.Equal(CvmCodes.NoCvmRequired, list.RuleAt(2).CvmCode);
        Assert.Equal(CvmCodes.Always, list.RuleAt(2).ConditionCode);
        Assert.Equal(new[]
        {
            "Amount X: 0",
            "Amount Y: 0",
            "Rule 1: 42 03 Enciphered PIN verified online; If terminal supports the CVM; apply succeeding rule if unsuccessful",
            "Rule 2: 1E 03 Signature (paper); If terminal supports the CVM; fail cardholder verification if unsuccessful",
            "Rule 3: 1F 00 No CVM required; Always; fail cardholder verification if unsuccessful",
        }, list.Describe());
    }

    [Fact]
    public void Cvm_list_amounts_are_big_endian_binary()
    {
        // X = 0x00002710 = 10000, Y = 0xFFFFFFFF = 4294967295; 01 06: plaintext PIN under X; 5E 09: signature over Y, b7.
        var list = new CvmList(H("00002710FFFFFFFF01065E09"));
        Assert.Equal(10000, list.AmountX);
        Assert.Equal(4294967295L, list.AmountY);
        Assert.Equal("Rule 1: 01 06 Plaintext PIN verification performed by ICC; If transaction is in the application currency and is under X value; fail cardholder verification if unsuccessful",
            list.Describe()[2]);
        Assert.Equal("Rule 2: 5E 09 Signature (paper); If transaction is in the application currency and is over Y value; apply succeeding rule if unsuccessful",
            list.Describe()[3]);
    }

    [Fact]
    public void Cvm_list_without_rules_decodes_empty()
    {
        Assert.Equal(0, new CvmList(H("0000000000000000")).Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("00000000000000")]
    [InlineData("000000000000000042")]
    [InlineData("000000000000000042031E")]
    public void Malformed_cvm_list_is_a_data_object_error(string hex)
    {
        var e = Assert.Throws<DataObjectException>(() => new CvmList(H(hex)));
        Assert.Equal(0x8E, e.Tag);
    }

    [Theory]
    [InlineData(0x00, "Fail CVM processing")]
    [InlineData(0x04, "Enciphered PIN verification performed by ICC")]
    [InlineData(0x05, "Enciphered PIN verification performed by ICC and signature (paper)")]
    [InlineData(0x08, "Finger biometric verified offline (by ICC)")]
    [InlineData(0x0F, "Voice biometric verified online")]
    [InlineData(0x12, "RFU")]
    [InlineData(0x25, "Reserved for use by the individual payment systems")]
    [InlineData(0x33, "Reserved for use by the issuer")]
    [InlineData(0x5F, "No CVM required")] // b7 is not part of the code
    public void Cvm_code_names(int code, string name)
    {
        Assert.Equal(name, CvmCodes.Name(code));
    }

    [Theory]
    [InlineData(0x01, "If unattended cash")]
    [InlineData(0x02, "If not unattended cash and not manual cash and not purchase with cashback")]
    [InlineData(0x05, "If purchase with cashback")]
    [InlineData(0x07, "If transaction is in the application currency and is over X value")]
    [InlineData(0x0A, "RFU")]
    [InlineData(0x80, "Reserved for use by individual payment systems")]
    public void Condition_names(int code, string name)
    {
        Assert.Equal(name, CvmCodes.ConditionName(code));
    }

    [Fact]
    public void Rule_with_rfu_bit_says_so()
    {
        Assert.EndsWith("; RFU bit b8 set", new CvmRule(0x9F, 0x00).ToString());
        Assert.True(CvmCodes.IsEmvDefined(0x1E));
        Assert.False(CvmCodes.IsEmvDefined(0x20));
    }

    [Fact]
    public void Cvm_results_signature_unknown()
    {
        var r = new CvmResults(H("1E0300"));
        Assert.Equal(new[]
        {
            "B1 CVM performed: 1E Signature (paper)",
            "B2 CVM condition: 03 If terminal supports the CVM",
            "B3 CVM result: 00 Unknown",
        }, r.Describe());
        Assert.Equal(CvmResults.ResultUnknown, r.Result);
    }

    [Fact]
    public void Cvm_results_default_is_no_cvm_performed()
    {
        var r = new CvmResults();
        Assert.Equal("3F0000", r.ToString());
        Assert.True(r.NoCvmPerformed);
        Assert.Equal("B1 CVM performed: 3F No CVM performed", r.Describe()[0]);
    }

    [Fact]
    public void Cvm_results_from_a_rule()
    {
        var rule = new CvmList(H("000000000000000041031F00")).RuleAt(0);
        var r = new CvmResults(rule, CvmResults.ResultSuccessful);
        Assert.Equal("410302", r.ToString());
        Assert.Equal(CvmCodes.PlaintextPinByIcc, r.CvmCode);
        Assert.Equal("B3 CVM result: 02 Successful", r.Describe()[2]);
        Assert.Throws<ArgumentOutOfRangeException>(() => r.Result = 3);
        Assert.Throws<DataObjectException>(() => new CvmResults(H("1E03")));
    }
}
