using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.DataObjects;
using Terminal.EmvKernel.Tlv;
using Terminal.Tests.Support;
using Xunit;

namespace Terminal.Tests.Apdu;

/// <summary>
/// Acceptance over the two recorded transcripts: every R-APDU's data is valid BER-TLV (the broken Visa READ RECORD
/// gives the typed R-APDU error), and the AIP, AFL and CVM lists decode to the values worked out by hand from the
/// hex in the comments.
/// </summary>
public class TranscriptAcceptanceTests
{
    private static Transcript Load(string file) => TranscriptReader.Parse(File.ReadAllText(SharedVectors.PathOf("transcripts/" + file)));

    [SkippableTheory]
    [InlineData("contact-visa-in.txt", 16, 3)]
    [InlineData("contactless-mastercard-in.txt", 7, 0)]
    public void Every_response_is_tlv_except_the_broken_one(string file, int steps, int brokenStep)
    {
        var transcript = Load(file);
        Assert.Equal(steps, transcript.Count);
        for (int i = 0; i < transcript.Count; i++)
        {
            if (i + 1 == brokenStep)
            {
                Assert.Equal(ApduError.InvalidStatusWord, Assert.Throws<ApduException>(() => ResponseApdu.Parse(transcript[i].Response)).Reason);
                continue;
            }
            var response = ResponseApdu.Parse(transcript[i].Response);
            if (response.DataLength == 0)
            {
                // Only the EXTERNAL AUTHENTICATE of the Visa card answers without data: 6700 wrong length.
                Assert.Equal(StatusWord.WrongLength, response.Sw);
                continue;
            }
            Assert.Equal(StatusWord.Success, response.Sw);
            TlvList list = TlvParser.Parse(response.Data);
            Assert.Equal(1, list.Count); // each response is one template: 6F, 70, 77, 80 or 9F17
            Assert.Equal(response.DataLength, list[0].EncodedLength);
        }
    }

    [SkippableFact]
    public void Visa_gpo_format_1_aip_and_afl()
    {
        // Step 2 response: 80 0E | 1C 00 | 08 01 01 00 | 10 01 01 00 | 18 03 04 00 | 90 00 (Book 3, 6.5.8.4)
        var t = Load("contact-visa-in.txt");
        byte[] value = TlvParser.Parse(ResponseApdu.Parse(t[1].Response).Data).Find(0x80).CopyValue();
        Assert.Equal(14, value.Length);

        // AIP 1C 00: byte 1 = 0001 1100 -> b5 cardholder verification, b4 terminal risk management, b3 issuer
        // authentication; b7 SDA, b6 DDA and b1 CDA clear: the card offers no offline data authentication.
        var aip = new ApplicationInterchangeProfile(value[..2]);
        Assert.True(aip.IsSet(ApplicationInterchangeProfile.CardholderVerificationSupported));
        Assert.True(aip.IsSet(ApplicationInterchangeProfile.TerminalRiskManagementToBePerformed));
        Assert.True(aip.IsSet(ApplicationInterchangeProfile.IssuerAuthenticationSupported));
        Assert.False(aip.IsSet(ApplicationInterchangeProfile.SdaSupported));
        Assert.False(aip.IsSet(ApplicationInterchangeProfile.DdaSupported));
        Assert.False(aip.IsSet(ApplicationInterchangeProfile.CdaSupported));
        Assert.Equal(0, aip.GetByte(2));

        // AFL: 08 = SFI 1 (08 >> 3), records 1-1, 0 for ODA; 10 = SFI 2, 1-1, 0; 18 = SFI 3, records 3-4, 0.
        var afl = new ApplicationFileLocator(value[2..]);
        AssertAfl(afl, (1, 1, 1, 0), (2, 1, 1, 0), (3, 3, 4, 0));
        Assert.Equal(4, afl.RecordCount);
        Assert.Equal(0, afl.OdaRecordCount);
        // ... and those are exactly the records the terminal read next (steps 3 to 6): SFI 1 rec 1, SFI 2 rec 1, SFI 3 rec 3 and 4.
        Assert.Equal(t[2].Command, EmvCommands.ReadRecord(1, 1).Encode());
        Assert.Equal(t[5].Command, EmvCommands.ReadRecord(3, 4).Encode());
    }

    [SkippableFact]
    public void Mastercard_gpo_format_2_aip_and_afl()
    {
        // Step 2 response: 77 16 | 82 02 59 80 | 94 10 08010100 10010101 18010200 20010200 | 90 00
        var t = Load("contactless-mastercard-in.txt");
        TlvList gpo = TlvParser.Parse(ResponseApdu.Parse(t[1].Response).Data);

        // AIP 59 80: byte 1 = 0101 1001 -> b7 SDA, b5 cardholder verification, b4 terminal risk management,
        // b1 CDA; byte 2 = 1000 0000 -> b8 EMV mode supported (contactless).
        var aip = new ApplicationInterchangeProfile(gpo.Find(0x82).CopyValue());
        Assert.True(aip.IsSet(ApplicationInterchangeProfile.SdaSupported));
        Assert.False(aip.IsSet(ApplicationInterchangeProfile.DdaSupported));
        Assert.True(aip.IsSet(ApplicationInterchangeProfile.CardholderVerificationSupported));
        Assert.True(aip.IsSet(ApplicationInterchangeProfile.TerminalRiskManagementToBePerformed));
        Assert.False(aip.IsSet(ApplicationInterchangeProfile.IssuerAuthenticationSupported));
        Assert.True(aip.IsSet(ApplicationInterchangeProfile.CdaSupported));
        Assert.True(aip.IsSet(ApplicationInterchangeProfile.EmvModeSupported));

        // AFL: SFI 1 rec 1-1 ODA 0; SFI 2 (10 >> 3) rec 1-1 ODA 1; SFI 3 rec 1-2 ODA 0; SFI 4 (20 >> 3) rec 1-2 ODA 0.
        var afl = new ApplicationFileLocator(gpo.Find(0x94).CopyValue());
        AssertAfl(afl, (1, 1, 1, 0), (2, 1, 1, 1), (3, 1, 2, 0), (4, 1, 2, 0));
        Assert.Equal(6, afl.RecordCount);
        Assert.Equal(1, afl.OdaRecordCount);
        Assert.True(afl.EntryAt(1).IsOdaRecord(1));
    }

    [SkippableFact]
    public void Visa_cvm_list()
    {
        // Step 5 (READ RECORD SFI 3 record 3): 70 12 8E 10 | 00000000 00000000 | 41 03 | 42 03 | 1E 03 | 1F 02
        var cvm = CvmListOfStep("contact-visa-in.txt", 5);
        Assert.Equal(4, cvm.Count);
        // 41 = 0100 0001: b7 apply next rule if unsuccessful, code 01 plaintext PIN by ICC; condition 03 if terminal supports it
        AssertRule(cvm.RuleAt(0), CvmCodes.PlaintextPinByIcc, CvmCodes.IfTerminalSupportsCvm, true);
        // 42: b7 set, code 02 enciphered PIN verified online; 03
        AssertRule(cvm.RuleAt(1), CvmCodes.EncipheredPinOnline, CvmCodes.IfTerminalSupportsCvm, true);
        // 1E = 0001 1110: b7 clear, code 1E signature; 03
        AssertRule(cvm.RuleAt(2), CvmCodes.Signature, CvmCodes.IfTerminalSupportsCvm, false);
        // 1F: code 1F no CVM required; condition 02 not unattended cash, not manual cash, not cashback
        AssertRule(cvm.RuleAt(3), CvmCodes.NoCvmRequired, CvmCodes.IfNotUnattendedCashNotManualCashNotCashback, false);
    }

    [SkippableFact]
    public void Mastercard_cvm_list()
    {
        // Step 3 (READ RECORD SFI 2 record 1): ... 8E 0C | 00000000 00000000 | 5E 03 | 1F 03
        var cvm = CvmListOfStep("contactless-mastercard-in.txt", 3);
        Assert.Equal(2, cvm.Count);
        // 5E = 0101 1110: b7 set, code 1E signature; condition 03
        AssertRule(cvm.RuleAt(0), CvmCodes.Signature, CvmCodes.IfTerminalSupportsCvm, true);
        // 1F: no CVM required, b7 clear; condition 03
        AssertRule(cvm.RuleAt(1), CvmCodes.NoCvmRequired, CvmCodes.IfTerminalSupportsCvm, false);
    }

    /// <summary>The CVM List '8E' in the response of 1-based <paramref name="step"/>; both cards have X = Y = 0.</summary>
    private static CvmList CvmListOfStep(string file, int step)
    {
        var t = Load(file);
        var cvm = new CvmList(TlvParser.Parse(ResponseApdu.Parse(t[step - 1].Response).Data).Find(0x8E).CopyValue());
        Assert.Equal(0, cvm.AmountX);
        Assert.Equal(0, cvm.AmountY);
        return cvm;
    }

    private static void AssertAfl(ApplicationFileLocator afl, params (int sfi, int first, int last, int oda)[] expected)
    {
        Assert.Equal(expected.Length, afl.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            AflEntry e = afl.EntryAt(i);
            Assert.Equal(expected[i], (e.Sfi, e.FirstRecord, e.LastRecord, e.OdaRecordCount));
        }
    }

    private static void AssertRule(CvmRule rule, int code, int condition, bool applySucceeding)
    {
        Assert.Equal(code, rule.CvmCode);
        Assert.Equal(condition, rule.ConditionCode);
        Assert.Equal(applySucceeding, rule.ApplySucceedingRuleIfUnsuccessful);
    }
}
