using Xunit;
using System.Numerics;
using Terminal.CardTool;
using Terminal.EmvKernel.Capk;
using Terminal.EmvKernel.Oda;
using Terminal.Tests.VirtualCards.Library;
using Terminal.VirtualCards.Personalisation;

namespace Terminal.Tests.VirtualCards.Personalisation;

/// <summary>
/// The cardtool PKI commands end to end in a temporary directory: ca create writes a CA public key the kernel's
/// store loads under the TEST set, issuer create writes a certificate the kernel recovers, revoke makes the
/// kernel report Revoked, and icc certify / sda sign print blocks the BigInteger oracle recovers.
/// </summary>
public class CardToolPkiTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cardtool-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private string Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int rc = CardToolCommand.Run(args, output, error);
        Assert.True(rc == 0, error.ToString());
        return output.ToString();
    }

    [Fact]
    public void Ca_issuer_icc_and_revoke_commands_make_a_chain_the_kernel_recovers()
    {
        string ca = Path.Combine(_dir, "ca-A000000003-60.key");
        string issuer = Path.Combine(_dir, "issuer.key");
        string icc = Path.Combine(_dir, "icc.key");
        Run("ca", "create", "--rid", "A000000003", "--index", "60", "--bits", "1024", "--exponent", "3", "--dir", _dir);
        Run("issuer", "create", "--ca", ca, "--id", "476173", "--expiry", "1230", "--serial", "00AB01", "--bits", "896", "--out", issuer);
        Run("icc", "create", "--bits", "768", "--out", icc);

        PkiKeyFile caKey = PkiKeyFile.Parse(File.ReadAllText(ca));
        var store = new CaPublicKeyStore(CaPublicKeySet.Test, CardLibrary.Crypto);
        CaKeyFile.Load(File.ReadAllText(Path.Combine(_dir, "test-ca-keys.txt")), store);
        CaPublicKey key = store.Find(Convert.FromHexString("A000000003"), 0, 0x60);
        Assert.Equal(caKey.PrivateKey.Modulus, key.Modulus);
        Assert.Equal(1024, new BigInteger(key.Modulus, true, true).GetBitLength());

        PkiKeyFile issuerKey = PkiKeyFile.Parse(File.ReadAllText(issuer));
        byte[] pan = Convert.FromHexString("4761739001010010");
        var date = new EmvDate(2026, 6, 15);
        var recovered = IssuerPublicKeyCertificate.Recover(store, Convert.FromHexString("A0000000031010"), 0x60,
            issuerKey.Certificate, issuerKey.Remainder, issuerKey.PrivateKey.PublicExponent, pan, date);
        Assert.Equal(OdaFailure.None, recovered.Failure);
        Assert.Equal(issuerKey.PrivateKey.Modulus, recovered.Modulus);
        Assert.Equal(new byte[] { 0x00, 0xAB, 0x01 }, recovered.SerialNumber);
        Assert.Equal(new byte[] { 0x47, 0x61, 0x73, 0xFF }, recovered.IssuerIdentifier);

        // icc certify and sda sign print blocks the oracle recovers under the issuer key.
        string printed = Run("icc", "certify", "--issuer", issuer, "--icc", icc, "--pan", "4761739001010010", "--expiry", "1230", "--serial", "000007", "--static-data", "5A08476173900101001082021800");
        byte[] cert = Convert.FromHexString(printed.Split('\n').First(l => l.StartsWith("9F46 = ", StringComparison.Ordinal))[7..].Trim());
        byte[] y = IndependentOda.Recover(issuerKey.PrivateKey.Modulus, issuerKey.PrivateKey.PublicExponent, cert);
        Assert.Equal(new byte[] { 0x6A, 0x04 }, y[..2]);
        Assert.Equal("4761739001010010FFFF", Convert.ToHexString(y[2..12]));
        Assert.Equal(new byte[] { 0x00, 0x00, 0x07 }, y[14..17]);
        string ssadLine = Run("sda", "sign", "--issuer", issuer, "--dac", "BEEF", "--static-data", "5A0847617390010100108202");
        byte[] s = IndependentOda.Recover(issuerKey.PrivateKey.Modulus, issuerKey.PrivateKey.PublicExponent, Convert.FromHexString(ssadLine[5..].Trim()));
        Assert.Equal(new byte[] { 0x6A, 0x03, 0x01, 0xBE, 0xEF }, s[..5]);
        Assert.Equal(IndependentOda.Hash(s, Convert.FromHexString("5A0847617390010100108202")), IndependentOda.HashField(s));

        Run("revoke", "--ca", ca, "--serial", "00AB01", "--dir", _dir);
        var revokedStore = new CaPublicKeyStore(CaPublicKeySet.Test, CardLibrary.Crypto);
        CaKeyFile.Load(File.ReadAllText(Path.Combine(_dir, "test-ca-keys.txt")), revokedStore);
        var revoked = IssuerPublicKeyCertificate.Recover(revokedStore, Convert.FromHexString("A0000000031010"), 0x60,
            issuerKey.Certificate, issuerKey.Remainder, issuerKey.PrivateKey.PublicExponent, pan, date);
        Assert.Equal(OdaFailure.Revoked, revoked.Failure);
    }

    [Fact]
    public void Personalise_writes_an_image_dump_with_masked_pans_and_no_secrets()
    {
        string outFile = Path.Combine(_dir, "image.txt");
        Run("personalise", Path.Combine(CardLibrary.Root, "visa-pin-offline-plaintext.card"), "--out", outFile);
        string dump = File.ReadAllText(outFile);
        string pan = CardLibrary.Profile("visa-pin-offline-plaintext").ApplicationAt(0).Application.Text("pan");
        Assert.DoesNotContain(pan, dump);
        Assert.Contains($"5A:{pan[..6]}******{pan[^4..]}", dump);
        Assert.DoesNotContain("0123456789ABCDEF", dump); // mk-ac of the profile
        Assert.Contains("record.1.1 =", dump);
    }

    [Fact]
    public void Usage_errors_exit_2_and_a_second_ca_with_the_same_index_is_refused()
    {
        var error = new StringWriter();
        Assert.Equal(2, CardToolCommand.Run(["ca", "create", "--rid", "A0"], new StringWriter(), error));
        Assert.Equal(2, CardToolCommand.Run(["frobnicate"], new StringWriter(), new StringWriter()));
        Run("ca", "create", "--rid", "A000000004", "--index", "61", "--bits", "512", "--dir", _dir);
        Assert.Equal(2, CardToolCommand.Run(["ca", "create", "--rid", "A000000004", "--index", "61", "--bits", "512", "--dir", _dir], new StringWriter(), new StringWriter()));
    }
}
