using System.Security.Cryptography;
using Terminal.EmvKernel.Capk;
using Terminal.EmvKernel.Oda;
using Terminal.Tests.Capk;
using Terminal.Tests.Support;
using Xunit;

namespace Terminal.Tests.Oda;

/// <summary>
/// oda/mastercard-test-cda.json: CDA under Mastercard test CA keys F1 and EF, recovered with the provider under
/// test. In the F1 case the ICC certificate hash and the transaction data hash cover data the source does not
/// give: the recovered values are asserted. In the EF case (from a transcript) every hash is verified.
/// </summary>
public class MastercardCdaVectorTests
{
    private static readonly Terminal.EmvKernel.Crypto.ICryptoProvider Crypto = OdaTestCrypto.Provider;

    [SkippableFact]
    public void F1_chain_recovers_issuer_and_icc_keys_and_the_cda_signature()
    {
        var c = OdaVectors.Case(OdaVectors.Mastercard, "mastercard-test-f1-cda-openemv");
        var input = c.GetProperty("inputs");
        var expected = c.GetProperty("expected");
        var e = new ExpectedFields(expected, c.Str("id"));
        var ca = input.GetProperty("ca_public_key");
        var store = OdaChainSteps.ShippedStoreHolding(ca);
        var date = EmvDate.FromYymmdd(input.Bytes("transaction_date_9A"), 0);
        byte[] pan = input.Bytes("application_pan_5A");

        var issuer = OdaChainSteps.RecoverIssuer(store, ca.Bytes("rid"), ca.Bytes("index")[0], input, pan, date);
        OdaChainSteps.AssertValidIssuer(e, issuer, input);
        e.Equal("issuer_public_key_exponent", issuer.Exponent);

        // ICC certificate: the static data is not given, so the hash cannot match; fields are asserted.
        var icc = IccPublicKeyCertificate.Recover(Crypto, issuer, input.Bytes("icc_public_key_certificate_9F46"),
            input.Bytes("icc_public_key_remainder_9F48"), input.Bytes("icc_public_key_exponent_9F47"), pan, Array.Empty<byte>(), date);
        e.Equal("icc_certificate_hash_verifiable", false);
        Assert.Equal(OdaFailure.HashMismatch, icc.Failure);
        e.Equal("icc_certificate_recovered", icc.Recovered);
        e.Object("icc_certificate_fields", OdaFieldMaps.Icc(icc));
        e.Equal("icc_public_key_modulus", icc.PublicKeyOrLeftmostDigits.Concat(input.Bytes("icc_public_key_remainder_9F48")).ToArray());
        e.Equal("icc_public_key_exponent", input.Bytes("icc_public_key_exponent_9F47"));

        // CDA signature (Book 2, 6.6.2) with the unpredictable number. The transaction data hash code cannot be
        // recomputed (PDOL/CDOL1/response not given): the recovered one is asserted and then supplied.
        byte[] iccModulus = expected.Bytes("icc_public_key_modulus");
        byte[] iccExponent = expected.Bytes("icc_public_key_exponent");
        byte[] sdadBytes = input.Bytes("signed_dynamic_application_data_9F4B");
        byte[] un = input.Bytes("unpredictable_number_9F37");
        Assert.Equal(un, input.Bytes("ddol_data"));
        var dyn = expected.GetProperty("cda_icc_dynamic_data");
        byte cid = dyn.Bytes("cryptogram_information_data")[0];
        var sdad = SignedDynamicApplicationData.VerifyCombined(Crypto, iccModulus, iccExponent, sdadBytes, un, cid,
            dyn.Bytes("transaction_data_hash_code"));
        OdaChainSteps.AssertValidSdad(e, sdad);
        e.Object("cda_icc_dynamic_data", OdaFieldMaps.CdaDynamicData(sdad));
        // Cryptogram type from CID bits b8-b7 (00 = AAC, 40 = TC, 80 = ARQC), Book 3 Table 15.
        Assert.Equal("AAC", e.Raw("cryptogram_type").GetString());
        Assert.Equal(0x00, sdad.CryptogramInformationData & 0xC0);

        // The same signature under DDA rules (hash over the DDOL data) is also valid.
        Assert.True(SignedDynamicApplicationData.VerifyDynamic(Crypto, iccModulus, iccExponent, sdadBytes, un).IsValid);
        // CID in the response differing from the signed CID: CDA fails at step 6.
        Assert.Equal(OdaFailure.CryptogramInformationMismatch,
            SignedDynamicApplicationData.VerifyCombined(Crypto, iccModulus, iccExponent, sdadBytes, un, 0x40, dyn.Bytes("transaction_data_hash_code")).Failure);
        // A different transaction data hash: CDA fails at step 12.
        byte[] otherHash = dyn.Bytes("transaction_data_hash_code");
        otherHash[0] ^= 1;
        Assert.Equal(OdaFailure.TransactionDataHashMismatch,
            SignedDynamicApplicationData.VerifyCombined(Crypto, iccModulus, iccExponent, sdadBytes, un, cid, otherHash).Failure);
        // Another unpredictable number: the SDAD hash fails (step 9).
        Assert.Equal(OdaFailure.HashMismatch,
            SignedDynamicApplicationData.VerifyCombined(Crypto, iccModulus, iccExponent, sdadBytes, new byte[4], cid, dyn.Bytes("transaction_data_hash_code")).Failure);

        e.AssertAllUsed();
    }

    [SkippableFact]
    public void F1_altered_sdad_fails_and_gives_the_published_recovered_block()
    {
        var c = OdaVectors.Case(OdaVectors.Mastercard, "mastercard-test-f1-cda-openemv-invalid-sdad");
        var input = c.GetProperty("inputs");
        var e = new ExpectedFields(c.GetProperty("expected"), c.Str("id"));
        byte[] n = input.Bytes("icc_public_key_modulus"), x = input.Bytes("icc_public_key_exponent");
        byte[] sdad = input.Bytes("signed_dynamic_application_data_9F4B");
        var dda = SignedDynamicApplicationData.VerifyDynamic(Crypto, n, x, sdad, input.Bytes("ddol_data"));
        var cda = SignedDynamicApplicationData.VerifyCombined(Crypto, n, x, sdad, input.Bytes("ddol_data"), 0x00, new byte[20]);
        e.Equal("valid", dda.IsValid);
        e.Equal("recovered", dda.Recovered);
        Assert.Equal("recovered block does not start with 6A or end with BC", e.Raw("reason").GetString());
        // Recovered block 3E..AD: the trailer (checked first, step 2) is wrong.
        Assert.Equal(OdaFailure.BadTrailer, dda.Failure);
        Assert.Equal(OdaFailure.BadTrailer, cda.Failure);
        Assert.Equal(dda.Recovered, cda.Recovered);
        e.AssertAllUsed();
    }

    [SkippableFact]
    public void Ef_transcript_chain_verifies_every_signature_and_hash()
    {
        var c = OdaVectors.Case(OdaVectors.Mastercard, "mastercard-test-ef-cda-binaryfoo");
        var input = c.GetProperty("inputs");
        var expected = c.GetProperty("expected");
        var e = new ExpectedFields(expected, c.Str("id"));
        var ca = input.GetProperty("ca_public_key");
        var store = OdaChainSteps.ShippedStoreHolding(ca);
        Assert.Equal(ca.Bytes("index"), input.Bytes("ca_public_key_index_8F"));
        var date = EmvDate.FromYymmdd(input.Bytes("transaction_date_9A"), 0);
        byte[] pan = input.Bytes("application_pan_5A");

        var issuer = OdaChainSteps.RecoverIssuer(store, ca.Bytes("rid"), input.Bytes("ca_public_key_index_8F")[0], input, pan, date);
        OdaChainSteps.AssertValidIssuer(e, issuer, input);

        // Static data to be authenticated (Book 3, 10.3): the value of the record template 70 of the record
        // named in the AFL (SFI 2, record 1; SFI 1-10 so the template is excluded), then the value of each tag of
        // the SDA tag list 9F4A, here 82 (AIP).
        Assert.Equal("SFI 2 record 1", input.GetProperty("oda_records")[0].GetString());
        Assert.Equal(new byte[] { 0x82 }, input.Bytes("static_data_authentication_tag_list_9F4A"));
        byte[] record = Convert.FromHexString(input.GetProperty("oda_record_templates_70_values")[0].GetString()!);
        byte[] staticData = record.Concat(input.Bytes("aip_82")).ToArray();
        e.Equal("static_data_to_be_authenticated", staticData);

        var icc = IccPublicKeyCertificate.Recover(Crypto, issuer, input.Bytes("icc_public_key_certificate_9F46"),
            input.Bytes("icc_public_key_remainder_9F48"), input.Bytes("icc_public_key_exponent_9F47"), pan, staticData, date);
        Assert.Equal(OdaFailure.None, icc.Failure);
        e.Equal("icc_certificate_recovered", icc.Recovered);
        e.Object("icc_certificate_fields", OdaFieldMaps.Icc(icc));
        Assert.Equal(icc.HashResult, icc.ComputedHash);
        e.Equal("icc_certificate_hash_valid", icc.IsValid);
        e.Equal("icc_public_key_modulus", icc.Modulus);
        Assert.Equal(input.Bytes("icc_public_key_exponent_9F47"), icc.Exponent);

        // Transaction data hash code (Book 2, 6.6.2 steps 10-11) from the PDOL data, CDOL1 data and the
        // GENERATE AC response template 77 (value field after the 77 81 B2 header).
        byte[] response = input.Bytes("generate_ac_response_77");
        Assert.Equal(new byte[] { 0x77, 0x81, 0xB2 }, response[..3]);
        Assert.Equal(0xB2, response.Length - 3);
        byte[] cdol1 = input.Bytes("cdol1_data");
        Assert.Equal(cdol1, input.Bytes("generate_ac_command")[5..^1]); // the command data is the CDOL1 data
        byte[] tdhc = TransactionDataHashCode.Compute(Crypto, input.Bytes("pdol_data"), cdol1, null, response, 3, response.Length - 3);
        e.Equal("transaction_data_hash_input", input.Bytes("pdol_data").Concat(cdol1).Concat(TemplateWithout9F4B(response)).ToArray());
        Assert.Equal(SHA1.HashData(expected.Bytes("transaction_data_hash_input")), tdhc);

        // CDA verification with the CID of the response (9F27 01 40).
        byte cid = ResponseCid(response);
        var sdad = SignedDynamicApplicationData.VerifyCombined(Crypto, icc, input.Bytes("signed_dynamic_application_data_9F4B"),
            input.Bytes("unpredictable_number_9F37"), cid, tdhc);
        OdaChainSteps.AssertValidSdad(e, sdad);
        e.Object("cda_icc_dynamic_data", OdaFieldMaps.CdaDynamicData(sdad));
        e.Equal("transaction_data_hash_valid", tdhc.AsSpan().SequenceEqual(sdad.TransactionDataHashCode));
        Assert.Equal("TC", e.Raw("cryptogram_type").GetString());
        Assert.Equal(0x40, sdad.CryptogramInformationData & 0xC0);

        e.AssertAllUsed();
    }

    // Test-side reading of the response template (independent of the code under test): the data objects of
    // the 77 template, in order, without 9F4B. The template holds 9F27, 9F36, 9F4B and 9F10.
    private static byte[] TemplateWithout9F4B(byte[] response)
    {
        var kept = new List<byte>();
        int i = 3;
        while (i < response.Length)
        {
            int start = i;
            i += 2; // every tag here has two bytes (9Fxx)
            int lengthByte = response[i++];
            int len = lengthByte < 0x80 ? lengthByte : lengthByte == 0x81 ? response[i++] : -1;
            Assert.True(len >= 0);
            i += len;
            if (!(response[start] == 0x9F && response[start + 1] == 0x4B)) kept.AddRange(response[start..i]);
        }
        return kept.ToArray();
    }

    private static byte ResponseCid(byte[] response)
    {
        int at = Convert.ToHexString(response).IndexOf("9F2701", StringComparison.Ordinal);
        Assert.True(at >= 0 && at % 2 == 0);
        return response[at / 2 + 3];
    }
}
