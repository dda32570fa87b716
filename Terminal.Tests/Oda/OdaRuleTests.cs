using System.Security.Cryptography;
using CsCheck;
using Terminal.EmvKernel.Capk;
using Terminal.EmvKernel.Oda;
using Terminal.Tests.Capk;
using Xunit;

namespace Terminal.Tests.Oda;

/// <summary>
/// Each check of EMV 4.4 Book 2, 5.3, 5.4, 6.4, 6.5.2 and 6.6.2 on certificates and signatures made by the
/// test-side <see cref="TestSigner"/> (own RSA keys, blocks laid out per the Book 2 tables, BCL SHA-1), so
/// every failure reason can be produced with exactly one field wrong.
/// </summary>
public class OdaRuleTests
{
    private static readonly Terminal.EmvKernel.Crypto.ICryptoProvider Crypto = OdaTestCrypto.Provider;
    private static readonly TestSigner Ca = TestSigner.Create(1024);        // N_CA = 128
    private static readonly TestSigner IssuerKey = TestSigner.Create(1024); // N_I = 128 > 128-36: remainder 36 bytes
    private static readonly TestSigner SmallIssuerKey = TestSigner.Create(768); // a key of another length
    private static readonly TestSigner IccKey = TestSigner.Create(768);     // N_IC = 96 > 128-42: remainder 10 bytes
    private static readonly byte[] Rid = Convert.FromHexString("A000000999");
    private const byte Index = 0x01;
    private static readonly byte[] Pan = Convert.FromHexString("4761739001010119");
    private static readonly byte[] CertPan = Convert.FromHexString("4761739001010119FFFF");
    private static readonly byte[] Serial = { 0x00, 0x00, 0x2A };
    private static readonly EmvDate Today = new(2026, 5, 6);
    private static readonly byte[] StaticData = Convert.FromHexString("5A0847617390010101195F24032812315980");

    private static CaPublicKeyStore Store(EmvDate caExpiry = default)
    {
        var store = new CaPublicKeyStore(CaPublicKeySet.Test, Crypto);
        store.Add(CapkTestData.Key(CaPublicKeySet.Test, Rid, Index, Ca.Modulus, caExpiry, Ca.Exponent));
        return store;
    }

    private static IssuerPublicKeyCertificate RecoverIssuer(string issuerId = "476173FF", string mmyy = "1226",
        TestSigner.Options o = null, CaPublicKeyStore store = null, byte[] pan = null, EmvDate? date = null,
        TestSigner key = null, byte format = 0x02)
    {
        key ??= IssuerKey;
        var (cert, remainder) = Ca.Certificate(format, Convert.FromHexString(issuerId), mmyy, Serial, key.Modulus, key.Exponent, o: o);
        return IssuerPublicKeyCertificate.Recover(store ?? Store(), Rid, Index, cert, remainder, key.Exponent, pan ?? Pan, date ?? Today);
    }

    [Fact]
    public void Valid_issuer_certificate_gives_the_issuer_key_with_or_without_remainder()
    {
        var r = RecoverIssuer();
        Assert.Equal(OdaFailure.None, r.Failure);
        Assert.Equal(IssuerKey.Modulus, r.Modulus);
        Assert.Equal(IssuerKey.Exponent, r.Exponent);
        Assert.Equal(128 - 36, r.PublicKeyOrLeftmostDigits.Length);
        Assert.Equal(Serial, r.SerialNumber);

        // A 512-bit issuer key fits the certificate: the rest of the key field is BB padding, no remainder.
        var small = TestSigner.Create(512);
        var (cert, remainder) = Ca.Certificate(0x02, Convert.FromHexString("476173FF"), "1226", Serial, small.Modulus, small.Exponent);
        Assert.Empty(remainder);
        var s = IssuerPublicKeyCertificate.Recover(Store(), Rid, Index, cert, null, small.Exponent, Pan, Today);
        Assert.Equal(OdaFailure.None, s.Failure);
        Assert.Equal(small.Modulus, s.Modulus);
        Assert.All(s.PublicKeyOrLeftmostDigits[64..], b => Assert.Equal(0xBB, b));
    }

    [Theory]
    [InlineData("476FFFFF", OdaFailure.None)]              // 3 digits
    [InlineData("4761FFFF", OdaFailure.None)]              // 4 digits
    [InlineData("47617390", OdaFailure.None)]              // 8 digits
    [InlineData("47FFFFFF", OdaFailure.IssuerIdentifierMismatch)] // only 2 digits
    [InlineData("541333FF", OdaFailure.IssuerIdentifierMismatch)] // another issuer
    [InlineData("4761F3FF", OdaFailure.IssuerIdentifierMismatch)] // digit after the F padding
    [InlineData("4761A3FF", OdaFailure.IssuerIdentifierMismatch)] // not a digit
    [InlineData("47617391", OdaFailure.IssuerIdentifierMismatch)] // 8th digit differs
    public void Issuer_identifier_is_the_leftmost_3_to_8_pan_digits_padded_with_f(string issuerId, OdaFailure expected)
    {
        Assert.Equal(expected, RecoverIssuer(issuerId).Failure);
    }

    [Theory]
    [InlineData("0526", 2026, 5, 31, OdaFailure.None)]      // valid through the last day of the month
    [InlineData("0526", 2026, 6, 1, OdaFailure.Expired)]
    [InlineData("1249", 2049, 12, 1, OdaFailure.None)]      // 49 is 2049 (Book 4, 6.7.3)
    [InlineData("1250", 2026, 1, 1, OdaFailure.Expired)]    // 50 is 1950
    [InlineData("1326", 2026, 1, 1, OdaFailure.InvalidExpirationDate)]
    [InlineData("0026", 2026, 1, 1, OdaFailure.InvalidExpirationDate)]
    [InlineData("122A", 2026, 1, 1, OdaFailure.InvalidExpirationDate)]
    public void Issuer_certificate_expiry(string mmyy, int y, int m, int d, OdaFailure expected)
    {
        Assert.Equal(expected, RecoverIssuer(mmyy: mmyy, date: new EmvDate(y, m, d)).Failure);
    }

    [Fact]
    public void Revoked_issuer_certificate_is_refused_only_for_its_rid_index_and_serial()
    {
        var store = Store();
        store.Revocations.Add(Rid, Index, new byte[] { 0x00, 0x00, 0x2B });
        Assert.Equal(OdaFailure.None, RecoverIssuer(store: store).Failure);
        store.Revocations.Add(Rid, 0x02, Serial);
        Assert.Equal(OdaFailure.None, RecoverIssuer(store: store).Failure);
        store.Revocations.Add(Rid, Index, Serial);
        var r = RecoverIssuer(store: store);
        Assert.Equal(OdaFailure.Revoked, r.Failure);
        Assert.Null(r.Modulus);
    }

    [Fact]
    public void Each_structural_check_gives_its_reason()
    {
        Assert.Equal(OdaFailure.BadTrailer, RecoverIssuer(o: new() { Trailer = 0xBD }).Failure);
        Assert.Equal(OdaFailure.BadHeader, RecoverIssuer(o: new() { Header = 0x6B }).Failure);
        Assert.Equal(OdaFailure.BadFormat, RecoverIssuer(format: 0x04).Failure);
        Assert.Equal(OdaFailure.UnsupportedAlgorithm, RecoverIssuer(o: new() { HashAlgorithm = 0x02 }).Failure);
        Assert.Equal(OdaFailure.UnsupportedAlgorithm, RecoverIssuer(o: new() { PublicKeyAlgorithm = 0x02 }).Failure);
        Assert.Equal(OdaFailure.HashMismatch, RecoverIssuer(o: new() { CorruptHash = true }).Failure);
        // Stated key length longer than the certificate field plus the remainder; stated exponent length wrong.
        Assert.Equal(OdaFailure.KeyLengthMismatch, RecoverIssuer(o: new() { KeyLength = 130 }).Failure);
        Assert.Equal(OdaFailure.KeyLengthMismatch, RecoverIssuer(o: new() { ExponentLength = 1 }).Failure);
        Assert.Equal(OdaFailure.KeyLengthMismatch, RecoverIssuer(o: new() { KeyLength = 0 }).Failure);
        // Issuer identifier is checked after the hash (step 8 after step 7).
        Assert.Equal(OdaFailure.HashMismatch, RecoverIssuer("541333FF", o: new() { CorruptHash = true }).Failure);
    }

    [Fact]
    public void Length_and_range_of_the_certificate_are_checked_before_recovery()
    {
        var (cert, remainder) = Ca.Certificate(0x02, Convert.FromHexString("476173FF"), "1226", Serial, IssuerKey.Modulus, IssuerKey.Exponent);
        var store = Store();
        var shorter = IssuerPublicKeyCertificate.Recover(store, Rid, Index, cert[1..], remainder, IssuerKey.Exponent, Pan, Today);
        Assert.Equal(OdaFailure.CertificateLengthMismatch, shorter.Failure);
        Assert.Null(shorter.Recovered);
        var longer = IssuerPublicKeyCertificate.Recover(store, Rid, Index, cert.Append((byte)0).ToArray(), remainder, IssuerKey.Exponent, Pan, Today);
        Assert.Equal(OdaFailure.CertificateLengthMismatch, longer.Failure);
        var tooBig = IssuerPublicKeyCertificate.Recover(store, Rid, Index, Ca.Modulus, remainder, IssuerKey.Exponent, Pan, Today);
        Assert.Equal(OdaFailure.SignatureOutOfRange, tooBig.Failure);
        // Missing remainder: the hash covers it, so the hash fails.
        Assert.Equal(OdaFailure.HashMismatch, IssuerPublicKeyCertificate.Recover(store, Rid, Index, cert, null, IssuerKey.Exponent, Pan, Today).Failure);
        Assert.Equal(OdaFailure.MissingData, IssuerPublicKeyCertificate.Recover(store, Rid, Index, null, remainder, IssuerKey.Exponent, Pan, Today).Failure);
        Assert.Equal(OdaFailure.MissingData, IssuerPublicKeyCertificate.Recover(store, Rid, Index, cert, remainder, null, Pan, Today).Failure);
        Assert.Equal(OdaFailure.MissingData, IssuerPublicKeyCertificate.Recover(store, Rid, Index, cert, remainder, IssuerKey.Exponent, null, Today).Failure);
    }

    [Fact]
    public void Missing_or_expired_ca_key()
    {
        var (cert, remainder) = Ca.Certificate(0x02, Convert.FromHexString("476173FF"), "1226", Serial, IssuerKey.Modulus, IssuerKey.Exponent);
        var missing = IssuerPublicKeyCertificate.Recover(Store(), Rid, 0x02, cert, remainder, IssuerKey.Exponent, Pan, Today);
        Assert.Equal(OdaFailure.CaKeyMissing, missing.Failure);
        Assert.Null(missing.Recovered);
        Assert.Equal(OdaFailure.CaKeyMissing, IssuerPublicKeyCertificate.Recover(Store(), Convert.FromHexString("A000000998"), Index, cert, remainder, IssuerKey.Exponent, Pan, Today).Failure);
        var expiredStore = Store(new EmvDate(2026, 5, 5));
        Assert.Equal(OdaFailure.CaKeyExpired, IssuerPublicKeyCertificate.Recover(expiredStore, Rid, Index, cert, remainder, IssuerKey.Exponent, Pan, Today).Failure);
        Assert.Equal(OdaFailure.None, IssuerPublicKeyCertificate.Recover(expiredStore, Rid, Index, cert, remainder, IssuerKey.Exponent, Pan, new EmvDate(2026, 5, 5)).Failure);
        Assert.Throws<ArgumentException>(() => IssuerPublicKeyCertificate.Recover(Store(), Rid, Index, cert, remainder, IssuerKey.Exponent, Pan, EmvDate.None));
    }

    private static IccPublicKeyCertificate RecoverIcc(byte[] certPan = null, string mmyy = "1226", byte[] pan = null,
        byte[] staticData = null, TestSigner.Options o = null, EmvDate? date = null)
    {
        var issuer = RecoverIssuer();
        Assert.True(issuer.IsValid);
        var (cert, remainder) = IssuerKey.Certificate(0x04, certPan ?? CertPan, mmyy, Serial, IccKey.Modulus, IccKey.Exponent, StaticData, o);
        return IccPublicKeyCertificate.Recover(Crypto, issuer, cert, remainder, IccKey.Exponent, pan ?? Pan, staticData ?? StaticData, date ?? Today);
    }

    [Fact]
    public void Icc_certificate_checks()
    {
        var ok = RecoverIcc();
        Assert.Equal(OdaFailure.None, ok.Failure);
        Assert.Equal(IccKey.Modulus, ok.Modulus);
        Assert.Equal(IccKey.Exponent, ok.Exponent);
        Assert.Equal(CertPan, ok.Pan);
        Assert.Equal(OdaFailure.HashMismatch, RecoverIcc(staticData: StaticData[..^1]).Failure);
        Assert.Equal(OdaFailure.PanMismatch, RecoverIcc(certPan: Convert.FromHexString("4761739001010118FFFF")).Failure);
        Assert.Equal(OdaFailure.PanMismatch, RecoverIcc(pan: Convert.FromHexString("47617390010101")).Failure);
        Assert.Equal(OdaFailure.Expired, RecoverIcc(mmyy: "0426").Failure);
        Assert.Equal(OdaFailure.UnsupportedAlgorithm, RecoverIcc(o: new() { PublicKeyAlgorithm = 0x03 }).Failure);
        Assert.Equal(OdaFailure.KeyLengthMismatch, RecoverIcc(o: new() { ExponentLength = 1 }).Failure);
        // An odd-length PAN: 5A ends with an F nibble, the certificate pads on with F.
        var oddPan = Convert.FromHexString("541333008960004F");
        Assert.Equal(OdaFailure.None, RecoverIcc(certPan: Convert.FromHexString("541333008960004FFFFF"), pan: oddPan).Failure);
        // An issuer certificate presented as an ICC certificate is refused on its format.
        var (issuerCert, _) = IssuerKey.Certificate(0x02, Convert.FromHexString("476173FF"), "1226", Serial, IccKey.Modulus, IccKey.Exponent);
        Assert.Equal(OdaFailure.BadFormat, IccPublicKeyCertificate.Recover(Crypto, IssuerKey.Modulus, IssuerKey.Exponent, issuerCert, null, IccKey.Exponent, Pan, StaticData, Today).Failure);
    }

    [Fact]
    public void Signed_static_application_data()
    {
        byte[] ssad = IssuerKey.StaticData(new byte[] { 0xDA, 0xC1 }, StaticData);
        var ok = SignedStaticApplicationData.Verify(Crypto, IssuerKey.Modulus, IssuerKey.Exponent, ssad, StaticData);
        Assert.Equal(OdaFailure.None, ok.Failure);
        Assert.Equal(new byte[] { 0xDA, 0xC1 }, ok.DataAuthenticationCode);
        Assert.Equal(SHA1.HashData(ok.HashInput), ok.ComputedHash);
        Assert.Equal(OdaFailure.HashMismatch, SignedStaticApplicationData.Verify(Crypto, IssuerKey.Modulus, IssuerKey.Exponent, ssad, StaticData[1..]).Failure);
        Assert.Equal(OdaFailure.UnsupportedAlgorithm, SignedStaticApplicationData.Verify(Crypto, IssuerKey.Modulus, IssuerKey.Exponent,
            IssuerKey.StaticData(new byte[] { 1, 2 }, StaticData, new() { HashAlgorithm = 0x02 }), StaticData).Failure);
        // Signed by another key than the one used to verify: the length differs.
        Assert.Equal(OdaFailure.CertificateLengthMismatch, SignedStaticApplicationData.Verify(Crypto, SmallIssuerKey.Modulus, SmallIssuerKey.Exponent, ssad, StaticData).Failure);
    }

    [Fact]
    public void Signed_dynamic_application_data_for_dda()
    {
        byte[] ddol = { 0x12, 0x34, 0x56, 0x78 };
        byte[] dynamicData = { 0x04, 0xDE, 0xAD, 0xBE, 0xEF };
        byte[] sdad = IccKey.DynamicData(dynamicData, ddol);
        var ok = SignedDynamicApplicationData.VerifyDynamic(Crypto, IccKey.Modulus, IccKey.Exponent, sdad, ddol);
        Assert.Equal(OdaFailure.None, ok.Failure);
        Assert.Equal(dynamicData, ok.IccDynamicData);
        Assert.Equal(new byte[] { 0xDE, 0xAD, 0xBE, 0xEF }, ok.IccDynamicNumber);
        Assert.Null(ok.ApplicationCryptogram);
        Assert.Equal(96 - 25 - 5, ok.Pad.Length);
        Assert.Equal(OdaFailure.HashMismatch, SignedDynamicApplicationData.VerifyDynamic(Crypto, IccKey.Modulus, IccKey.Exponent, sdad, new byte[4]).Failure);
        // L_DD larger than the room in the signature.
        var tooLong = SignedDynamicApplicationData.VerifyDynamic(Crypto, IccKey.Modulus, IccKey.Exponent,
            IccKey.DynamicData(dynamicData, ddol, statedLength: 96 - 24), ddol);
        Assert.Equal(OdaFailure.DynamicDataLengthInvalid, tooLong.Failure);
        // An ICC dynamic number length outside 2-8 leaves 9F4C absent (DDA does not require it).
        var oddIdn = SignedDynamicApplicationData.VerifyDynamic(Crypto, IccKey.Modulus, IccKey.Exponent, IccKey.DynamicData(new byte[] { 0x09, 1, 2 }, ddol), ddol);
        Assert.Equal(OdaFailure.None, oddIdn.Failure);
        Assert.Null(oddIdn.IccDynamicNumber);
    }

    [Fact]
    public void Signed_dynamic_application_data_for_cda()
    {
        byte[] un = { 0xCA, 0xFE, 0xBA, 0xBE };
        byte[] idn = { 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08 };
        byte[] ac = Convert.FromHexString("1122334455667788");
        byte[] tdhc = SHA1.HashData(new byte[] { 1, 2, 3 });
        byte[] dynamicData = new byte[] { 0x08 }.Concat(idn).Append((byte)0x80).Concat(ac).Concat(tdhc).ToArray();
        byte[] sdad = IccKey.DynamicData(dynamicData, un);
        var ok = SignedDynamicApplicationData.VerifyCombined(Crypto, IccKey.Modulus, IccKey.Exponent, sdad, un, 0x80, tdhc);
        Assert.Equal(OdaFailure.None, ok.Failure);
        Assert.Equal(idn, ok.IccDynamicNumber);
        Assert.Equal(0x80, ok.CryptogramInformationData);
        Assert.Equal(ac, ok.ApplicationCryptogram);
        Assert.Equal(tdhc, ok.TransactionDataHashCode);
        Assert.Equal(OdaFailure.CryptogramInformationMismatch, SignedDynamicApplicationData.VerifyCombined(Crypto, IccKey.Modulus, IccKey.Exponent, sdad, un, 0x40, tdhc).Failure);
        Assert.Equal(OdaFailure.TransactionDataHashMismatch, SignedDynamicApplicationData.VerifyCombined(Crypto, IccKey.Modulus, IccKey.Exponent, sdad, un, 0x80, tdhc[..19]).Failure);
        // Dynamic data with only the ICC dynamic number: not a CDA signature.
        byte[] ddaOnly = IccKey.DynamicData(new byte[] { 0x08 }.Concat(idn).ToArray(), un);
        Assert.Equal(OdaFailure.DynamicDataLengthInvalid, SignedDynamicApplicationData.VerifyCombined(Crypto, IccKey.Modulus, IccKey.Exponent, ddaOnly, un, 0x80, tdhc).Failure);
    }

    [Fact]
    public void Unusable_verification_keys_are_refused_without_calling_rsa()
    {
        byte[] ssad = IssuerKey.StaticData(new byte[] { 0xDA, 0xC1 }, StaticData);
        byte[] even = (byte[])IssuerKey.Modulus.Clone();
        even[^1] &= 0xFE;
        Assert.Equal(OdaFailure.InvalidPublicKey, SignedStaticApplicationData.Verify(Crypto, even, IssuerKey.Exponent, ssad, StaticData).Failure);
        Assert.Equal(OdaFailure.InvalidPublicKey, SignedStaticApplicationData.Verify(Crypto, IssuerKey.Modulus, new byte[] { 0, 0, 0 }, ssad, StaticData).Failure);
        Assert.Equal(OdaFailure.InvalidPublicKey, SignedStaticApplicationData.Verify(Crypto, IssuerKey.Modulus, new byte[129], ssad, StaticData).Failure);
        byte[] tooLong = Enumerable.Repeat((byte)0xFF, 249).ToArray();
        Assert.Equal(OdaFailure.InvalidPublicKey, SignedDynamicApplicationData.VerifyDynamic(Crypto, tooLong, new byte[] { 3 }, new byte[249], new byte[4]).Failure);
        Assert.Equal(OdaFailure.MissingData, SignedDynamicApplicationData.VerifyDynamic(Crypto, IccKey.Modulus, Array.Empty<byte>(), new byte[96], new byte[4]).Failure);
        Assert.Equal(OdaFailure.MissingData, SignedDynamicApplicationData.VerifyDynamic(Crypto, IccKey.Modulus, IccKey.Exponent, null, new byte[4]).Failure);
    }

    [Fact]
    public void Signed_random_blocks_with_valid_header_and_trailer_never_throw()
    {
        // Blocks that pass steps 2-4 (6A, a format, BC) with random content, so that the field reading, the
        // dynamic data lengths and the key assembly run on arbitrary values.
        var store = Store();
        var gen = Gen.Select(Gen.Int[2, 5], Gen.Byte, GenExtensions.get_Array(Gen.Byte)[125, 125]);
        gen.Sample((format, hashAlgorithm, body) =>
        {
            byte[] block = new byte[] { 0x6A, (byte)format }.Concat(body).Append((byte)0xBC).ToArray();
            if (hashAlgorithm < 0x80) block[format == 2 ? 11 : format == 4 ? 17 : 2] = 0x01;
            byte[] signature = Ca.Sign(block);
            RecoveredSignature r = format switch
            {
                2 => IssuerPublicKeyCertificate.Recover(store, Rid, Index, signature, body[..5], new byte[] { 3 }, Pan, Today),
                3 => SignedStaticApplicationData.Verify(Crypto, Ca.Modulus, Ca.Exponent, signature, StaticData),
                4 => IccPublicKeyCertificate.Recover(Crypto, Ca.Modulus, Ca.Exponent, signature, null, new byte[] { 3 }, Pan, StaticData, Today),
                _ => SignedDynamicApplicationData.VerifyCombined(Crypto, Ca.Modulus, Ca.Exponent, signature, new byte[4], body[0], new byte[20]),
            };
            Assert.Equal(block, r.Recovered);
            Assert.NotEqual(OdaFailure.None, r.Failure);
            Assert.Equal(format, r.Format);
        }, iter: 100);
    }

    [Fact]
    public void Random_signatures_never_throw_and_never_verify()
    {
        var store = Store();
        GenExtensions.get_Array(Gen.Byte)[128, 128].Sample(sig =>
        {
            Assert.False(IssuerPublicKeyCertificate.Recover(store, Rid, Index, sig, null, new byte[] { 3 }, Pan, Today).IsValid);
            Assert.False(SignedStaticApplicationData.Verify(Crypto, Ca.Modulus, Ca.Exponent, sig, StaticData).IsValid);
            Assert.False(SignedDynamicApplicationData.VerifyCombined(Crypto, Ca.Modulus, Ca.Exponent, sig, new byte[4], 0, new byte[20]).IsValid);
        }, iter: 300);
    }
}
