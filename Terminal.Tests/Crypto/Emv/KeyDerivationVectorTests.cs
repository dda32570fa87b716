using Terminal.EmvKernel.Crypto.Emv;
using Xunit;
using static Terminal.Tests.Crypto.Emv.EmvVectors;

namespace Terminal.Tests.Crypto.Emv;

/// <summary>Every case of emv-crypto/key-derivation.json: ICC MK options A/B, KCVs, common and Visa SM session keys.</summary>
public class KeyDerivationVectorTests
{
    private const string File = "key-derivation.json";

    public static IEnumerable<object[]> CaseIds() => Ids(File);

    [SkippableTheory]
    [MemberData(nameof(CaseIds))]
    public void Key_derivation_case(string id)
    {
        var c = Case(File, id);
        var p = Provider();
        var inputs = c.GetProperty("inputs");
        var actual = new Dictionary<string, byte[]>();
        switch (c.Text("kind"))
        {
            case "icc_master_key":
            {
                var option = Option(c.Text("derivation_option"));
                byte[] imk = Hex(inputs.Text("issuer_master_key"));
                string pan = inputs.Text("pan"), psn = inputs.Text("psn");
                string y = option == MasterKeyDerivation.OptionA ? IccMasterKey.OptionAInput(pan, psn) : IccMasterKey.OptionBInput(p, pan, psn);
                Assert.Equal(c.GetProperty("expected").Text("y"), y);
                actual["y"] = Hex(y); // the expected y is decimal text, which reads as the same hex digits
                actual["icc_master_key"] = IccMasterKey.Derive(p, option, imk, pan, psn);
                break;
            }
            case "key_check_value":
                actual["key"] = Hex(inputs.Text("key"));
                break;
            case "common_session_key":
                actual["session_key"] = SessionKey.DeriveCommon(p, Hex(inputs.Text("icc_master_key")), Hex(inputs.Text("r")));
                break;
            case "visa_secure_messaging_session_key":
                actual["session_key"] = SessionKey.DeriveVisaSecureMessaging(Hex(inputs.Text("icc_master_key")), Hex(inputs.Text("atc")));
                break;
            default:
                Assert.Fail(id + ": unknown kind " + c.Text("kind"));
                break;
        }
        AssertAll(id, c.GetProperty("expected"), actual, p);
    }
}
