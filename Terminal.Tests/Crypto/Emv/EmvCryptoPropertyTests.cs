using CsCheck;
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Crypto.Emv;
using Terminal.Pc.Crypto;
using Xunit;
using static Terminal.Tests.Crypto.BigNatTestSupport;

namespace Terminal.Tests.Crypto.Emv;

/// <summary>
/// Properties on random keys and data. The .NET BCL (<see cref="BclCryptoProvider"/>, OpenSSL) is the oracle for
/// every TDES step, and the card side (portable provider, as on the device) must agree with the issuer side
/// (BCL provider, as in the host simulator) for every cryptogram version. Iterations follow
/// TERMINAL_FUZZ_ITERATIONS (default 100000) divided by each property's cost.
/// </summary>
public class EmvCryptoPropertyTests
{
    private static readonly ICryptoProvider Card = new PortableCryptoProvider();
    private static readonly ICryptoProvider Host = new BclCryptoProvider();

    private static Gen<byte[]> Bytes(int min, int max) => new GenArray<byte>(Gen.Byte)[min, max];
    private static readonly Gen<byte[]> Key = Bytes(16, 16);
    private static Gen<string> Digits(int min, int max) => Gen.Int[min, max].SelectMany(n => new GenArray<char>(Gen.Char['0', '9'])[n, n]).Select(c => new string(c));

    /// <summary>Every byte with an odd number of 1 bits.</summary>
    private static void AssertOddParity(byte[] key)
    {
        foreach (byte b in key) Assert.True(System.Numerics.BitOperations.PopCount(b) % 2 == 1, "even parity byte " + b.ToString("X2"));
    }

    /// <summary>Equal ignoring the DES parity bits (bit 0 of each byte).</summary>
    private static void AssertEqualIgnoringParity(byte[] expected, byte[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i] & 0xFE, actual[i] & 0xFE);
    }

    private static byte[] Ecb(byte[] key, byte[] data) => Host.Tdes(CipherDirection.Encrypt, key, null, data, 0, data.Length);

    [Fact]
    public void Option_a_is_tdes_of_the_rightmost_16_digits_and_its_complement()
    {
        Gen.Select(Key, Digits(1, 19), Digits(2, 2)).Sample((imk, pan, psn) =>
        {
            string y = (pan + psn).PadLeft(16, '0')[^16..];
            Assert.Equal(y, IccMasterKey.OptionAInput(pan, psn));
            byte[] block = Convert.FromHexString(y);
            byte[] expected = Ecb(imk, block.Concat(block.Select(b => (byte)~b)).ToArray());
            byte[] mk = IccMasterKey.DeriveOptionA(Card, imk, pan, psn);
            AssertEqualIgnoringParity(expected, mk);
            AssertOddParity(mk);
        }, iter: Iterations(500));
    }

    [Fact]
    public void Option_b_is_option_a_up_to_16_digits_and_decimal_beyond()
    {
        Gen.Select(Key, Digits(1, 19), Digits(2, 2)).Sample((imk, pan, psn) =>
        {
            byte[] b = IccMasterKey.DeriveOptionB(Card, imk, pan, psn);
            string y = IccMasterKey.OptionBInput(Card, pan, psn);
            Assert.Matches("^[0-9]{16}$", y);
            if (pan.Length <= 16) Assert.Equal(IccMasterKey.DeriveOptionA(Card, imk, pan, psn), b);
            else
            {
                // A1.4.2: SHA-1 of the BCD of PAN || PSN (odd length: leading 0); decimal digits first, then A-F as 0-5.
                string x = pan + psn;
                string digest = Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(Convert.FromHexString(x.Length % 2 == 1 ? "0" + x : x)));
                string decimals = new string(digest.Where(char.IsDigit).ToArray());
                string letters = new string(digest.Where(ch => ch >= 'A').Select(ch => (char)('0' + ch - 'A')).ToArray());
                Assert.Equal((decimals + letters)[..16], y);
            }
            AssertOddParity(b);
        }, iter: Iterations(500));
    }

    [Fact]
    public void Common_session_key_is_tdes_of_r_with_f0_and_0f_in_byte_3()
    {
        Gen.Select(Key, Bytes(8, 8)).Sample((mk, r) =>
        {
            byte[] left = (byte[])r.Clone(), right = (byte[])r.Clone();
            left[2] = 0xF0;
            right[2] = 0x0F;
            byte[] sk = SessionKey.DeriveCommon(Card, mk, r);
            AssertEqualIgnoringParity(Ecb(mk, left.Concat(right).ToArray()), sk);
            AssertOddParity(sk);
        }, iter: Iterations(500));
    }

    [Fact]
    public void Visa_secure_messaging_key_changes_only_the_atc_bytes()
    {
        Gen.Select(Key, Bytes(2, 2)).Sample((mk, atc) =>
        {
            byte[] sk = SessionKey.DeriveVisaSecureMessaging(mk, atc);
            byte[] expected = (byte[])mk.Clone();
            expected[6] ^= atc[0];
            expected[7] ^= atc[1];
            expected[14] ^= (byte)~atc[0];
            expected[15] ^= (byte)~atc[1];
            AssertEqualIgnoringParity(expected, sk);
            AssertOddParity(sk);
        }, iter: Iterations(100));
    }

    [Fact]
    public void Arpc_method_1_deciphers_to_arqc_xor_arc()
    {
        Gen.Select(Key, Bytes(8, 8), Bytes(2, 2)).Sample((key, arqc, arc) =>
        {
            byte[] arpc = Arpc.GenerateMethod1(Card, key, arqc, arc);
            byte[] plain = Host.Tdes(CipherDirection.Decrypt, key, null, arpc, 0, 8);
            byte[] expected = (byte[])arqc.Clone();
            expected[0] ^= arc[0];
            expected[1] ^= arc[1];
            Assert.Equal(expected, plain);
        }, iter: Iterations(500));
    }

    [Fact]
    public void Enciphered_script_data_deciphers_to_the_padded_layout_of_each_method()
    {
        Gen.Select(Key, Bytes(1, 40)).Sample((key, data) =>
        {
            byte[] Pad2(byte[] d) => d.Concat(new byte[] { 0x80 }).Concat(new byte[(8 - (d.Length + 1) % 8) % 8]).ToArray();

            byte[] emv = SecureMessaging.EncipherData(Card, key, DataEncipherment.Emv, data);
            Assert.Equal(Pad2(data), Host.Tdes(CipherDirection.Decrypt, key, new byte[8], emv, 0, emv.Length));

            byte[] visa = SecureMessaging.EncipherData(Card, key, DataEncipherment.Visa, data);
            Assert.Equal(Pad2(new[] { (byte)data.Length }.Concat(data).ToArray()), Host.Tdes(CipherDirection.Decrypt, key, null, visa, 0, visa.Length));

            byte[] mc = SecureMessaging.EncipherData(Card, key, DataEncipherment.Mastercard, data);
            byte[] mcPlain = data.Length % 8 == 0 ? data : Pad2(data);
            Assert.Equal(mcPlain, Host.Tdes(CipherDirection.Decrypt, key, new byte[8], mc, 0, mc.Length));

            Assert.Equal(data, SecureMessaging.DecipherData(Card, key, DataEncipherment.Emv, emv));
            Assert.Equal(data, SecureMessaging.DecipherData(Card, key, DataEncipherment.Visa, visa));
            Assert.Equal(mcPlain, SecureMessaging.DecipherData(Card, key, DataEncipherment.Mastercard, mc));
        }, iter: Iterations(500));
    }

    [Fact]
    public void Pin_blocks_have_the_documented_layout_and_recover_their_pin()
    {
        Gen.Select(Key, Digits(4, 12), Digits(4, 12)).Sample((mkAc, pin, current) =>
        {
            string fill = new string('F', 14 - pin.Length);
            byte[] f2 = PinChangeBlock.IsoFormat2(pin);
            Assert.Equal("2" + pin.Length.ToString("X") + pin + fill, Convert.ToHexString(f2));
            Assert.Equal(pin, PinChangeBlock.RecoverIsoFormat2(f2));

            byte[] mask = new byte[4].Concat(mkAc[4..8]).ToArray();
            byte[] plainVis = Convert.FromHexString("0" + pin.Length.ToString("X") + pin + fill);
            byte[] vis = PinChangeBlock.Vis(mkAc, pin, null);
            Assert.Equal(plainVis.Zip(mask, (a, b) => (byte)(a ^ b)).ToArray(), vis);
            Assert.Equal(pin, PinChangeBlock.RecoverVis(vis, mkAc, null));

            byte[] currentField = Convert.FromHexString(current.PadRight(16, '0'));
            byte[] visCurrent = PinChangeBlock.Vis(mkAc, pin, current);
            Assert.Equal(vis.Zip(currentField, (a, b) => (byte)(a ^ b)).ToArray(), visCurrent);
            Assert.Equal(pin, PinChangeBlock.RecoverVis(visCurrent, mkAc, current));
        }, iter: Iterations(100));
    }

    [Fact]
    public void Secured_commands_verify_and_fail_after_any_byte_change()
    {
        Gen.Select(Key, Bytes(0, 64), Bytes(4, 4), Gen.Int[0, 1000], Gen.Byte[1, 255]).Sample((key, data, cla, at, change) =>
        {
            cla[0] = 0x84;
            byte[] atc = { 0x00, 0x07 };
            byte[] arqc = { 1, 2, 3, 4, 5, 6, 7, 8 };
            byte[] command = SecureMessaging.BuildCommand(Card, key, cla, data, atc, arqc);
            Assert.Equal(5 + data.Length + 8, command.Length);
            Assert.Equal(data.Length + 8, command[4]);
            Assert.True(SecureMessaging.VerifyCommand(Host, key, command, atc, arqc));
            byte[] changed = (byte[])command.Clone();
            changed[at % changed.Length] ^= change;
            Assert.False(SecureMessaging.VerifyCommand(Host, key, changed, atc, arqc));
        }, iter: Iterations(500));
    }

    private static Gen<byte[]> IadFor(CryptogramVersion cv) => cv.IssuerPart switch
    {
        AcDataIssuerPart.VisaCardVerificationResults => Bytes(7, 7).Select(b => { b[0] = 0x06; b[2] = 0x0A; b[3] = 0x03; return b; }),
        AcDataIssuerPart.MastercardCardVerificationResults or AcDataIssuerPart.MastercardCardVerificationResultsAndCounters => Bytes(18, 18),
        _ => Bytes(1, 32),
    };

    [Fact]
    public void Card_and_issuer_agree_for_every_cryptogram_version()
    {
        foreach (CryptogramVersion cv in CryptogramVersion.All)
        {
            Gen.Select(Gen.Select(Key, Key, Key, Digits(12, 19), Digits(2, 2)), Gen.Select(Bytes(29, 29), Bytes(2, 2), Bytes(2, 2), IadFor(cv)), Digits(4, 12))
                .Sample((keys, tx, pin) =>
                {
                    var (imkAc, imkSmi, imkSmc, pan, psn) = keys;
                    var (terminalData, aip, atc, iad) = tx;
                    byte[] un = terminalData[^4..];
                    // Personalisation (issuer, BCL) and the card's own keys (portable) are the same keys.
                    IccMasterKeys issuer = IccMasterKeys.Derive(Host, cv.MasterKeyDerivation, imkAc, imkSmi, imkSmc, pan, psn);
                    IccMasterKeys card = IccMasterKeys.Derive(Card, cv.MasterKeyDerivation, imkAc, imkSmi, imkSmc, pan, psn);
                    Assert.Equal(issuer.MkAc, card.MkAc);

                    byte[] arqc = cv.GenerateAc(Card, card.MkAc, terminalData, aip, atc, un, iad);
                    Assert.True(cv.VerifyAc(Host, issuer.MkAc, terminalData, aip, atc, un, iad, arqc));

                    byte[] code = cv.ArpcMethod == 1 ? new byte[] { 0x30, 0x30 } : new byte[] { 0x00, 0x80, 0x00, 0x00 };
                    byte[] tag91 = cv.GenerateIssuerAuthenticationData(Host, issuer.MkAc, atc, un, arqc, code, null);
                    Assert.True(cv.VerifyIssuerAuthenticationData(Card, card.MkAc, atc, un, arqc, tag91));

                    byte[] block = cv.BuildScriptCommand(Host, issuer.MkSmi, atc, arqc, new byte[] { 0x84, 0x1E, 0x00, 0x00 }, null);
                    Assert.True(cv.VerifyScriptCommand(Card, card.MkSmi, atc, arqc, block));

                    byte[] pinChange = cv.BuildPinChangeCommand(Host, issuer, atc, arqc, pin, null);
                    Assert.Equal(pin, cv.OpenPinChangeCommand(Card, card, atc, arqc, pinChange, "0000"));
                }, iter: Iterations(5000));
        }
    }
}
