using Xunit;
using Terminal.EmvKernel.Capk;
using Terminal.EmvKernel.Oda;
using Terminal.VirtualCards.Card;
using Terminal.VirtualCards.Personalisation;

namespace Terminal.Tests.VirtualCards.Library;

/// <summary>
/// The certificates and SSAD of every ODA card of the library, recovered by the kernel's ODA code
/// (Terminal.EmvKernel.Oda, against the test CA keys in cards/pki/test-ca-keys.txt) AND by the BigInteger /
/// SHA1.HashData oracle with every field asserted; failing-ODA cards fail exactly the check they claim.
/// </summary>
public class LibraryOdaTests
{
    private static readonly EmvDate TransactionDate = new(2026, 6, 15);

    public static IEnumerable<object[]> OdaCards() =>
        CardLibrary.CardNames().Where(n => OdaKind(CardLibrary.Profile(n)) != "none").Select(n => new object[] { n });

    private static string OdaKind(CardProfile p) =>
        p.ApplicationCount == 0 ? "none" : p.ApplicationAt(p.ApplicationCount - 1).Application.Text("oda") ?? "none";

    public static CaPublicKeyStore TestCaStore()
    {
        var store = new CaPublicKeyStore(CaPublicKeySet.Test, CardLibrary.Crypto);
        CaKeyFile.Load(File.ReadAllText(Path.Combine(CardLibrary.Root, "pki", "test-ca-keys.txt")), store);
        return store;
    }

    [Fact]
    public void Library_has_oda_cards_of_every_kind_passing_and_failing()
    {
        var names = OdaCards().Select(o => (string)o[0]).ToArray();
        foreach (string kind in new[] { "sda", "dda", "cda" })
        {
            Assert.Contains(names, n => OdaKind(CardLibrary.Profile(n)) == kind && n.EndsWith("-pass", StringComparison.Ordinal));
            Assert.Contains(names, n => OdaKind(CardLibrary.Profile(n)) == kind && !n.EndsWith("-pass", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(OdaCards))]
    public void Static_oda_data_recovers_with_the_kernel_and_with_BigInteger(string name)
    {
        CardProfile profile = CardLibrary.Profile(name);
        ProfileApplication pa = profile.ApplicationAt(profile.ApplicationCount - 1);
        CardImage image = CardLibrary.Image(name);
        CardApplication app = image.ApplicationAt(image.Applications.Count - 1);
        string oda = OdaKind(profile);
        PkiKeyFile issuerFile = CardLibrary.KeyFile(pa.Keys.Text("issuer"));
        bool corrupt = pa.Behaviour?.Flag("corrupt-issuer-certificate", false) ?? false;
        bool tampered = pa.Behaviour?.Flag("tamper-static-data", false) ?? false;
        string caIndexOverride = pa.Keys.Text("ca-index");

        byte[] pan = CardLibrary.RecordValue(app, 0x5A);
        byte caIndex = CardLibrary.RecordValue(app, 0x8F)[0];
        byte[] cert = CardLibrary.RecordValue(app, 0x90);
        byte[] remainder = CardLibrary.RecordValue(app, 0x92) ?? [];
        byte[] exponent = CardLibrary.RecordValue(app, 0x9F32);
        Assert.Equal(issuerFile.PrivateKey.PublicExponent, exponent);

        var issuer = IssuerPublicKeyCertificate.Recover(TestCaStore(), app.Aid, caIndex, cert, remainder, exponent, pan, TransactionDate);

        if (caIndexOverride != null)
        {
            Assert.Equal(Convert.FromHexString(caIndexOverride)[0], caIndex);
            Assert.Equal(OdaFailure.CaKeyMissing, issuer.Failure);
            return;
        }
        Assert.Equal(issuerFile.CaIndex, caIndex);
        CaPublicKey ca = TestCaStore().Find(app.Aid, 0, caIndex);
        Assert.NotNull(ca);
        byte[] x = IndependentOda.Recover(ca.Modulus, ca.Exponent, cert);
        if (corrupt)
        {
            Assert.NotEqual(OdaFailure.None, issuer.Failure);
            Assert.False(x[0] == 0x6A && x[^1] == 0xBC && IndependentOda.Hash(x, remainder, exponent).SequenceEqual(IndependentOda.HashField(x)));
            return;
        }

        // Issuer certificate, Book 2 Table 6, every field by the oracle.
        byte[] issuerModulus = issuerFile.PrivateKey.Modulus;
        int nca = ca.ModulusLength;
        Assert.Equal(0x6A, x[0]);
        Assert.Equal(0x02, x[1]);
        Assert.Equal(issuerFile.IssuerIdentifier, x[2..6]);
        Assert.StartsWith(Convert.ToHexString(x[2..6]).TrimEnd('F'), Convert.ToHexString(pan));
        Assert.Equal(issuerFile.Expiry, x[6..8]);
        Assert.Equal(issuerFile.Serial, x[8..11]);
        Assert.Equal(0x01, x[11]);
        Assert.Equal(0x01, x[12]);
        Assert.Equal(issuerModulus.Length, x[13]);
        Assert.Equal(exponent.Length, x[14]);
        int inCert = Math.Min(issuerModulus.Length, nca - 36);
        Assert.Equal(issuerModulus[..inCert], x[15..(15 + inCert)]);
        Assert.All(x[(15 + inCert)..(nca - 21)], b => Assert.Equal(0xBB, b));
        Assert.Equal(issuerModulus[inCert..], remainder);
        Assert.Equal(IndependentOda.Hash(x, remainder, exponent), IndependentOda.HashField(x));
        Assert.Equal(0xBC, x[^1]);

        string issuerPath = pa.Keys.Text("issuer");
        if (issuerPath.Contains("expired")) { Assert.Equal(OdaFailure.Expired, issuer.Failure); return; }
        if (issuerPath.Contains("revoked")) { Assert.Equal(OdaFailure.Revoked, issuer.Failure); return; }
        Assert.Equal(OdaFailure.None, issuer.Failure);
        Assert.Equal(issuerModulus, issuer.Modulus);
        Assert.Equal(issuerFile.Serial, issuer.SerialNumber);

        byte[] staticData = IndependentOda.StaticData(app);
        if (oda == "sda")
        {
            byte[] ssad = CardLibrary.RecordValue(app, 0x93);
            var sda = SignedStaticApplicationData.Verify(CardLibrary.Crypto, issuer, ssad, staticData);
            byte[] s = IndependentOda.Recover(issuerModulus, exponent, ssad);
            Assert.Equal(0x6A, s[0]);
            Assert.Equal(0x03, s[1]);
            Assert.Equal(0x01, s[2]);
            Assert.Equal(s[3..5], sda.DataAuthenticationCode);
            Assert.All(s[5..(s.Length - 21)], b => Assert.Equal(0xBB, b));
            Assert.Equal(0xBC, s[^1]);
            bool hashOk = IndependentOda.Hash(s, staticData).SequenceEqual(IndependentOda.HashField(s));
            Assert.Equal(!tampered, hashOk);
            Assert.Equal(tampered ? OdaFailure.HashMismatch : OdaFailure.None, sda.Failure);
            return;
        }

        // ICC certificate, Book 2 Table 14.
        PkiKeyFile iccFile = CardLibrary.KeyFile(pa.Keys.Text("icc"));
        byte[] iccCert = CardLibrary.RecordValue(app, 0x9F46);
        byte[] iccRemainder = CardLibrary.RecordValue(app, 0x9F48) ?? [];
        byte[] iccExponent = CardLibrary.RecordValue(app, 0x9F47);
        byte[] iccModulus = iccFile.PrivateKey.Modulus;
        var icc = IccPublicKeyCertificate.Recover(CardLibrary.Crypto, issuer, iccCert, iccRemainder, iccExponent, pan, staticData, TransactionDate);
        byte[] y = IndependentOda.Recover(issuerModulus, exponent, iccCert);
        int ni = issuerModulus.Length;
        Assert.Equal(0x6A, y[0]);
        Assert.Equal(0x04, y[1]);
        Assert.Equal(Convert.ToHexString(pan).PadRight(20, 'F'), Convert.ToHexString(y[2..12]));
        byte[] appExpiry = CardLibrary.RecordValue(app, 0x5F24);
        string certExpiry = pa.Application.Text("icc-cert-expiry");
        Assert.Equal(certExpiry != null ? Convert.FromHexString(certExpiry) : new[] { appExpiry[1], appExpiry[0] }, y[12..14]);
        Assert.Equal(new byte[] { 0, 0, 1 }, y[14..17]);
        Assert.Equal(0x01, y[17]);
        Assert.Equal(0x01, y[18]);
        Assert.Equal(iccModulus.Length, y[19]);
        Assert.Equal(iccExponent.Length, y[20]);
        int iccIn = Math.Min(iccModulus.Length, ni - 42);
        Assert.Equal(iccModulus[..iccIn], y[21..(21 + iccIn)]);
        Assert.Equal(iccModulus[iccIn..], iccRemainder);
        Assert.Equal(0xBC, y[^1]);
        bool iccHashOk = IndependentOda.Hash(y, iccRemainder, iccExponent, staticData).SequenceEqual(IndependentOda.HashField(y));
        Assert.Equal(!tampered, iccHashOk);
        Assert.Equal(tampered ? OdaFailure.HashMismatch : OdaFailure.None, icc.Failure);
        if (!tampered) Assert.Equal(iccModulus, icc.Modulus);
    }
}
