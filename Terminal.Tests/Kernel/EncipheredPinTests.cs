using System.Numerics;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Xunit;
using CsCheck;
using Terminal.Tests.Tlv;
using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Capk;
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.DataObjects;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Oda;
using Terminal.EmvKernel.Util;
using Terminal.Tests.VirtualCards.Card;
using Terminal.Tests.VirtualCards.Library;
using Terminal.VirtualCards.Card;
using static Terminal.Tests.Kernel.KernelTestSupport;

namespace Terminal.Tests.Kernel;

/// <summary>
/// Offline enciphered PIN (CVM 04 and 05), EMV 4.4 Book 2, 7 and Book 3, 10.5.1, against the library card
/// visa-pin-offline-enciphered (CVM List X = Y = 0, rules 44 03 "enciphered PIN by ICC, apply next, if the terminal
/// supports it" then 1E 03 signature; PIN 1234, PIN Try Limit 3; ICC key cards/pki/icc-visa.key, 1024 bits) on the
/// library reference transaction (docs/card-profiles.md). Expected values are written by hand:
/// '9F33' E0 F8 C8: byte 2 F8 = b8 plaintext PIN, b7 online PIN, b6 signature, b5 enciphered PIN offline, b4 no CVM.
/// TVR byte 3: b8 0000800000 CV not successful, b6 0000200000 PIN try limit exceeded, b5 0000100000 PIN pad not
/// present/working. TSI byte 1 b7 4000 CV performed. '9F34' = rule byte 1, byte 2, result (00 unknown, 01 failed,
/// 02 successful). The enciphered block is checked by deciphering it here with BigInteger and the private key
/// parsed from the key file (CRT), independently of the kernel and of the virtual card.
/// </summary>
public class EncipheredPinTests
{
    private const string CardName = "visa-pin-offline-enciphered";
    private const string Capabilities = "E0F8C8";
    private const string NoBits = "0000000000";
    private const string Performed = "4000";
    private const string ClearBlock1234 = "241234FFFFFFFFFF"; // Book 3, 6.5.12: format 2, 4 digits, F filler

    // ---- test doubles ----

    /// <summary>The wire below the transport: records every exchange unredacted and can answer some commands itself.</summary>
    private sealed class Wire(ICardChannel inner) : ICardChannel
    {
        public List<(byte[] Command, byte[] Response)> Log { get; } = new();
        public Func<byte[], byte[]> Override { get; set; }

        public byte[] Transmit(byte[] command)
        {
            byte[] response = Override?.Invoke(command) ?? inner.Transmit(command);
            Log.Add((command.ToArray(), response.ToArray()));
            return response;
        }
    }

    /// <summary>Scripted PIN pad: answers PINs in order and keeps the digit arrays it handed out.</summary>
    private sealed class Pad(params string[] pins) : ICardholderVerificationMethods
    {
        private int next;
        public List<int> TriesShown { get; } = new();
        public List<byte[]> Handed { get; } = new();

        public PinEntryResult EnterOfflinePin(int remainingTries, out byte[] pinDigits)
        {
            TriesShown.Add(remainingTries);
            pinDigits = pins[next++].Select(c => (byte)(c - '0')).ToArray();
            Handed.Add(pinDigits);
            return PinEntryResult.Entered;
        }

        public PinEntryResult EnterOnlinePin() => throw new InvalidOperationException("no online PIN in these tests");
    }

    /// <summary>Terminal random source for the pad bytes: a fixed pattern, remembered so the test can find it.</summary>
    private sealed class PatternRandom : IRandomSource
    {
        private int counter;
        public List<byte[]> Given { get; } = new();

        public void NextBytes(byte[] buffer, int offset, int length)
        {
            var given = new byte[length];
            for (int i = 0; i < length; i++) given[i] = buffer[offset + i] = (byte)(0xA5 ^ (counter++ * 7));
            Given.Add(given);
        }
    }

    private sealed class Session
    {
        public VirtualCard Card;
        public CardImage Image;
        public Wire Wire;
        public Flow Flow;
        public int Mark;
        public PatternRandom Random = new();
        public OfflinePinEncipherment Encipherment;
        public string Tvr, Tsi, Results;

        public CardApplication App => Image.ApplicationAt(0);

        /// <summary>The exchanges of the CVM step (after selection, GPO and records).</summary>
        public List<(byte[] Command, byte[] Response)> CvmExchanges => Wire.Log.Skip(Mark).ToList();

        public string[] CvmHeaders => CvmExchanges.Select(e => Hex.Encode(e.Command.Take(4).ToArray())).ToArray();
    }

    private static CaPublicKeyStore Store() => LibraryOdaTests.TestCaStore();

    /// <summary>Selects, runs GPO and reads the records of the library card, then builds the encipherment component.</summary>
    private static Session Prepare(string capabilities = Capabilities)
    {
        var s = new Session();
        s.Image = CardLibrary.Image(CardName);
        s.Card = new VirtualCard(s.Image, new CountingRandom(), CardLibrary.Crypto);
        s.Wire = new Wire(s.Card);
        s.Flow = new Flow(s.Wire, Aids(false, Visa)).ReferenceTransaction(capabilities, "11223344");
        s.Flow.Run();
        s.Mark = s.Wire.Log.Count;
        s.Encipherment = new OfflinePinEncipherment(Store(), s.Flow.CardData, s.Flow.Terminal, s.Random)
        {
            StaticDataToBeAuthenticated = s.Flow.Data.StaticDataToBeAuthenticated // no 9F4A on this card
        };
        return s;
    }

    private static Session Verify(Session s, Pad pad, bool wire = true)
    {
        var tvr = new TerminalVerificationResults();
        var tsi = new TransactionStatusInformation();
        var cv = new CardholderVerification(s.Flow.Transport, s.Flow.Terminal, s.Flow.CardData, pad);
        if (wire) cv.PinEncipherment = s.Encipherment;
        CvmResults results = cv.Run(tvr, tsi);
        s.Tvr = Hex.Encode(tvr.ToArray());
        s.Tsi = Hex.Encode(tsi.ToArray());
        s.Results = Hex.Encode(results.ToArray());
        return s;
    }

    private static void Expect(Session s, string tvr, string tsi, string results)
    {
        Assert.Equal(tvr, s.Tvr);
        Assert.Equal(tsi, s.Tsi);
        Assert.Equal(results, s.Results);
    }

    private static void AllWiped(Pad pad) => Assert.All(pad.Handed, d => Assert.All(d, b => Assert.Equal(0, b)));

    // ---- independent RSA (BigInteger, CRT from the key file) ----

    private sealed record PrivateKey(BigInteger N, BigInteger P, BigInteger Q, BigInteger Dp, BigInteger Dq, BigInteger QInv, int Length);

    private static PrivateKey KeyFile(string relative)
    {
        string text = File.ReadAllText(Path.Combine(CardLibrary.Root, relative));
        string section = text[text.IndexOf("[rsa-private-key]", StringComparison.Ordinal)..];
        BigInteger Field(string name) =>
            new(Convert.FromHexString(Regex.Match(section, "^" + name + @"\s*=\s*([0-9A-Fa-f]+)", RegexOptions.Multiline).Groups[1].Value), true, true);
        string modulusHex = Regex.Match(section, @"^modulus\s*=\s*([0-9A-Fa-f]+)", RegexOptions.Multiline).Groups[1].Value;
        return new PrivateKey(Field("modulus"), Field("p"), Field("q"), Field("dp"), Field("dq"), Field("qinv"), modulusHex.Length / 2);
    }

    private static byte[] PrivateOperation(PrivateKey k, byte[] input)
    {
        var c = new BigInteger(input, true, true);
        BigInteger m1 = BigInteger.ModPow(c, k.Dp, k.P), m2 = BigInteger.ModPow(c, k.Dq, k.Q);
        BigInteger h = ((m1 - m2) * k.QInv % k.P + k.P) % k.P;
        return Fixed(m2 + h * k.Q, k.Length);
    }

    private static byte[] Fixed(BigInteger value, int length)
    {
        byte[] b = value.ToByteArray(true, true);
        var r = new byte[length];
        b.CopyTo(r, length - b.Length);
        return r;
    }

    private static byte[] VerifyData(byte[] command)
    {
        Assert.Equal("00200088", Hex.Encode(command.Take(4).ToArray())); // Book 3, 6.5.12: P2 88 enciphered PIN
        int lc = command[4];
        Assert.Equal(5 + lc, command.Length);                         // case 3: no Le
        return command.Skip(5).ToArray();
    }

    // ---- success ----

    [Fact]
    public void Library_card_verifies_the_enciphered_pin_under_the_icc_key()
    {
        var pad = new Pad("1234");
        Session s = Verify(Prepare(), pad);

        // 44 03 succeeded: 9F34 = 44 03 02; no TVR bit; TSI B1b7.
        Expect(s, NoBits, Performed, "440302");
        Assert.Equal(new[] { "80CA9F17", "00840000", "00200088" }, s.CvmHeaders); // GET DATA 9F17, GET CHALLENGE, VERIFY
        Assert.Equal(new[] { 3 }, pad.TriesShown);
        Assert.Equal(PinEnciphermentKeySource.IccPublicKey, s.Encipherment.KeySource);
        Assert.Equal(128, s.Encipherment.ModulusLength);                  // 1024-bit ICC key
        Assert.True(s.Card.SelectedApplication != null && s.App.PinTryCounter == 3);
        AllWiped(pad);
    }

    [Fact]
    public void Enciphered_block_deciphers_with_the_icc_private_key_to_the_book2_layout()
    {
        Session s = Verify(Prepare(), new Pad("1234"));
        var ex = s.CvmExchanges;
        byte[] challenge = ex[1].Response.Take(ex[1].Response.Length - 2).ToArray();
        Assert.Equal(8, challenge.Length);
        byte[] enciphered = VerifyData(ex[2].Command);
        PrivateKey icc = KeyFile("pki/icc-visa.key");
        Assert.Equal(icc.Length, enciphered.Length);                      // N = ICC modulus length

        byte[] x = PrivateOperation(icc, enciphered);
        // Book 2, 7.2: 7F | PIN block (8) | ICC unpredictable number (8) | N - 17 random pad bytes.
        Assert.Equal(0x7F, x[0]);
        Assert.Equal(ClearBlock1234, Hex.Encode(x[1..9]));
        Assert.Equal(Hex.Encode(challenge), Hex.Encode(x[9..17]));
        Assert.Single(s.Random.Given);
        Assert.Equal(icc.Length - 17, s.Random.Given[0].Length);
        Assert.Equal(Hex.Encode(s.Random.Given[0]), Hex.Encode(x[17..]));
    }

    [Fact]
    public void No_clear_pin_on_the_wire_or_in_the_trace()
    {
        Session s = Verify(Prepare(), new Pad("1234"));
        foreach (var (command, _) in s.Wire.Log)
            Assert.DoesNotContain(ClearBlock1234, Hex.Encode(command));
        // The transport's trace also zeroes the VERIFY data (enciphered or not).
        ApduTrace trace = s.Flow.Transport.Trace;
        bool sawVerify = false;
        for (int i = 0; i < trace.Count; i++)
        {
            byte[] c = trace[i].Command;
            Assert.DoesNotContain(ClearBlock1234, Hex.Encode(c));
            if (c[1] != 0x20) continue;
            sawVerify = true;
            Assert.All(c.Skip(5), b => Assert.Equal(0, b));
        }
        Assert.True(sawVerify);
    }

    [Fact]
    public void Enciphered_pin_and_signature_has_result_unknown()
    {
        Session s = Prepare();
        s.Flow.CardData.Set(0x8E, Hex.Decode("0000000000000000" + "4503")); // CVM 05, if terminal supports
        Verify(s, new Pad("1234"));
        // Book 3, 10.5.1 / Annex C3: PIN checked by the ICC, signature on paper later -> result 00 unknown.
        Expect(s, NoBits, Performed, "450300");
    }

    [Fact]
    public void Keys_recovered_by_dda_are_reused()
    {
        Session s = Prepare();
        var oda = new OfflineDataAuthentication(s.Flow.Transport, s.Flow.Terminal, s.Flow.CardData, Store());
        var odaTvr = new TerminalVerificationResults();
        Assert.Equal(OdaMethod.Dda, oda.Run(s.Flow.Options, s.Flow.Data, odaTvr, new TransactionStatusInformation()));
        Assert.Equal(NoBits, Hex.Encode(odaTvr.ToArray()));
        s.Mark = s.Wire.Log.Count;
        s.Encipherment = new OfflinePinEncipherment(Store(), s.Flow.CardData, s.Flow.Terminal, s.Random)
        {
            IssuerKey = oda.IssuerKey,
            IccKey = oda.IccKey // no static data given: the key must come from DDA
        };
        Verify(s, new Pad("1234"));
        Expect(s, NoBits, Performed, "440302");
        Assert.Equal(PinEnciphermentKeySource.IccPublicKey, s.Encipherment.KeySource);
    }

    // ---- PIN tries ----

    [Fact]
    public void Wrong_pin_gives_63C2_and_a_new_try_with_a_fresh_challenge()
    {
        var pad = new Pad("9999", "1234");
        Session s = Verify(Prepare(), pad);
        Expect(s, NoBits, Performed, "440302");
        Assert.Equal(new[] { 3, 2 }, pad.TriesShown);                     // 63C2: two tries left
        Assert.Equal(new[] { "80CA9F17", "00840000", "00200088", "00840000", "00200088" }, s.CvmHeaders);
        var ex = s.CvmExchanges;
        Assert.Equal("63C2", Hex.Encode(ex[2].Response));
        Assert.Equal("9000", Hex.Encode(ex[4].Response));
        Assert.NotEqual(Hex.Encode(ex[1].Response), Hex.Encode(ex[3].Response));
        AllWiped(pad);
    }

    [Fact]
    public void Three_wrong_pins_exceed_the_try_limit_then_the_next_rule_applies()
    {
        var pad = new Pad("9999", "9999", "9999");
        Session s = Verify(Prepare(), pad);
        // 63C2, 63C1, 63C0: B3b6 PIN try limit exceeded; 44 03 failed with b7 set -> 1E 03 signature, result 00.
        Expect(s, "0000200000", Performed, "1E0300");
        Assert.Equal(new[] { 3, 2, 1 }, pad.TriesShown);
        Assert.Equal(new[] { "63C2", "63C1", "63C0" },
            s.CvmExchanges.Where(e => e.Command[1] == 0x20).Select(e => Hex.Encode(e.Response)).ToArray());
        Assert.Equal(0, s.App.PinTryCounter);
        AllWiped(pad);
    }

    [Fact]
    public void Verify_answering_6983_is_pin_try_limit_exceeded()
    {
        Session s = Prepare();
        s.Flow.CardData.Set(0x8E, Hex.Decode("0000000000000000" + "4400")); // b7 clear: no next rule
        s.Wire.Override = c => c[1] == 0x20 ? Hex.Decode("6983") : null;
        Verify(s, new Pad("1234"));
        // 6983 authentication method blocked -> B3b6; the rule fails without b7 -> B3b8, 9F34 44 00 01.
        Expect(s, "0000A00000", Performed, "440001");
    }

    [Fact]
    public void Pin_try_counter_zero_prompts_nothing()
    {
        Session s = Prepare();
        s.App.PinTryCounter = 0;
        var pad = new Pad();
        Verify(s, pad);
        // GET DATA 9F17 = 0: B3b6 without prompting or GET CHALLENGE; then signature.
        Expect(s, "0000200000", Performed, "1E0300");
        Assert.Equal(new[] { "80CA9F17" }, s.CvmHeaders);
        Assert.Empty(pad.TriesShown);
    }

    // ---- failures before VERIFY ----

    [Fact]
    public void Get_challenge_6D00_fails_the_cvm_without_verify()
    {
        Session s = Prepare();
        s.Wire.Override = c => c[1] == 0x84 ? Hex.Decode("6D00") : null;
        var pad = new Pad("1234");
        Verify(s, pad);
        // No ICC unpredictable number: the CVM is not successful (no bit of its own), 1E 03 applies next.
        Expect(s, NoBits, Performed, "1E0300");
        Assert.Equal(new[] { "80CA9F17", "00840000" }, s.CvmHeaders);
        Assert.Equal(3, s.App.PinTryCounter);
        AllWiped(pad);
    }

    [Fact]
    public void Get_challenge_6D00_with_no_next_rule_is_cardholder_verification_not_successful()
    {
        Session s = Prepare();
        s.Flow.CardData.Set(0x8E, Hex.Decode("0000000000000000" + "4400"));
        s.Wire.Override = c => c[1] == 0x84 ? Hex.Decode("6D00") : null;
        Verify(s, new Pad("1234"));
        Expect(s, "0000800000", Performed, "440001"); // Book 3, 10.5.5: B3b8, last failed rule + 01
    }

    [Fact]
    public void Card_without_icc_key_or_pin_key_fails_the_cvm_without_commands()
    {
        Session s = Prepare();
        s.Flow.CardData.Remove(0x9F46);
        Assert.False(s.Flow.CardData.Contains(OfflinePinEncipherment.PinKeyCertificateTag));
        var pad = new Pad();
        Verify(s, pad);
        // Book 2, 7.1: no key to encipher with -> the CVM is not successful before any prompt or command;
        // 1E 03 signature applies next.
        Expect(s, NoBits, Performed, "1E0300");
        Assert.Empty(s.CvmHeaders);
        Assert.Empty(pad.TriesShown);
        Assert.Equal(OdaFailure.MissingData, s.Encipherment.Failure);
        Assert.Equal(PinEnciphermentKeySource.None, s.Encipherment.KeySource);
    }

    [Fact]
    public void Missing_key_with_no_next_rule_is_cardholder_verification_not_successful()
    {
        Session s = Prepare();
        s.Flow.CardData.Remove(0x9F46);
        s.Flow.CardData.Set(0x8E, Hex.Decode("0000000000000000" + "0400"));
        Verify(s, new Pad());
        Expect(s, "0000800000", Performed, "040001");
    }

    [Fact]
    public void Unknown_ca_key_fails_the_key_retrieval()
    {
        Session s = Prepare();
        s.Flow.CardData.Set(0x8F, Hex.Decode("5F"));
        Verify(s, new Pad());
        Expect(s, NoBits, Performed, "1E0300");
        Assert.Equal(OdaFailure.CaKeyMissing, s.Encipherment.Failure);
        Assert.Empty(s.CvmHeaders);
    }

    // ---- support gating ----

    [Fact]
    public void Terminal_without_offline_enciphered_pin_capability_does_not_try_it()
    {
        // 9F33 byte 2 E8: no b5. 44 03 "if terminal supports" is then not satisfied: skipped, 1E 03 applies.
        Session s = Verify(Prepare("E0E8C8"), new Pad());
        Expect(s, NoBits, Performed, "1E0300");
        Assert.Empty(s.CvmHeaders);
    }

    [Fact]
    public void Without_the_component_enciphered_pin_stays_unsupported()
    {
        Session s = Prepare();
        s.Flow.CardData.Set(0x8E, Hex.Decode("0000000000000000" + "44001E00"));
        Verify(s, new Pad(), wire: false);
        // As before this feature: a PIN CVM the terminal cannot do -> B3b5, next rule 1E 00.
        Expect(s, "0000100000", Performed, "1E0000");
        Assert.Empty(s.CvmHeaders);
    }

    // ---- ICC PIN Encipherment Public Key (9F2D) ----

    /// <summary>
    /// Book 2, 7.1 with Table 14 (format 04): 6A | 04 | PAN (10, F padded) | MMYY | serial (3) | 01 | 01 | N_PE | e length |
    /// key BB-padded to N_I - 42 | SHA-1 | BC, signed with the issuer private key. The hash covers the fields from the
    /// format byte, the remainder (none here) and the exponent; <paramref name="withStaticData"/> appends the static
    /// data as an ICC public key certificate would, which a PIN key certificate must not.
    /// </summary>
    private static byte[] PinKeyCertificate(TestRsaKey pinKey, byte[] staticData = null)
    {
        PrivateKey issuer = KeyFile("pki/issuer-visa.key");
        int ni = issuer.Length;
        Assert.True(pinKey.Modulus.Length <= ni - 42);
        var body = new List<byte> { 0x04 };
        body.AddRange(Hex.Decode("4761739000000160FFFF"));
        body.AddRange(Hex.Decode("1230000001"));           // expires 12/2030, serial 000001
        body.Add(0x01);                                      // SHA-1
        body.Add(0x01);                                      // RSA
        body.Add((byte)pinKey.Modulus.Length);
        body.Add((byte)pinKey.Exponent.Length);
        body.AddRange(pinKey.Modulus);
        while (body.Count < ni - 22) body.Add(0xBB);
        byte[] hash = SHA1.HashData(body.Concat(pinKey.Exponent).Concat(staticData ?? []).ToArray());
        byte[] recovered = new byte[] { 0x6A }.Concat(body).Concat(hash).Append((byte)0xBC).ToArray();
        Assert.Equal(ni, recovered.Length);
        return PrivateOperation(issuer, recovered);
    }

    private static Session WithPinKey(byte[] certificate)
    {
        Session s = Prepare();
        s.App.IccPinEnciphermentKey = TestRsaKey.Pin768.PrivateKey;   // the card deciphers with the PIN key
        s.Flow.CardData.Set(0x9F2D, certificate);
        s.Flow.CardData.Set(0x9F2E, TestRsaKey.Pin768.Exponent);
        return s;
    }

    [Fact]
    public void Pin_encipherment_key_certificate_is_preferred_and_used()
    {
        Session s = Verify(WithPinKey(PinKeyCertificate(TestRsaKey.Pin768)), new Pad("1234"));
        Expect(s, NoBits, Performed, "440302");
        Assert.Equal(PinEnciphermentKeySource.IccPinEnciphermentKey, s.Encipherment.KeySource);
        Assert.Equal(96, s.Encipherment.ModulusLength);

        // Independent: the block is an RSA encipherment under the PIN key, not the ICC key.
        var ex = s.CvmExchanges;
        byte[] enciphered = VerifyData(ex[2].Command);
        Assert.Equal(96, enciphered.Length);
        RSAParameters p = TestRsaKey.Pin768.Parameters;
        var k = new PrivateKey(new BigInteger(p.Modulus, true, true), new BigInteger(p.P, true, true), new BigInteger(p.Q, true, true),
            new BigInteger(p.DP, true, true), new BigInteger(p.DQ, true, true), new BigInteger(p.InverseQ, true, true), p.Modulus.Length);
        byte[] x = PrivateOperation(k, enciphered);
        Assert.Equal("7F" + ClearBlock1234, Hex.Encode(x[..9]));
        Assert.Equal(Hex.Encode(ex[1].Response[..8]), Hex.Encode(x[9..17]));
    }

    [Fact]
    public void Pin_key_certificate_hashed_over_static_data_is_refused()
    {
        Session probe = Prepare();
        byte[] cert = PinKeyCertificate(TestRsaKey.Pin768, probe.Flow.Data.StaticDataToBeAuthenticated);
        Session s = Verify(WithPinKey(cert), new Pad());
        Assert.Equal(OdaFailure.HashMismatch, s.Encipherment.Failure);
        Expect(s, NoBits, Performed, "1E0300");
        Assert.Empty(s.CvmHeaders);
    }

    [Fact]
    public void Corrupted_pin_key_certificate_does_not_fall_back_to_the_icc_key()
    {
        byte[] cert = PinKeyCertificate(TestRsaKey.Pin768);
        cert[^1] ^= 0x01;
        Session s = Verify(WithPinKey(cert), new Pad());
        Assert.NotEqual(OdaFailure.None, s.Encipherment.Failure);
        Assert.Equal(PinEnciphermentKeySource.None, s.Encipherment.KeySource);
        Expect(s, NoBits, Performed, "1E0300");
        Assert.Empty(s.CvmHeaders);
    }

    // ---- component contract ----

    [Fact]
    public void Encipher_without_a_retrieved_key_is_a_programming_error()
    {
        Session s = Prepare();
        Assert.Throws<InvalidOperationException>(() => s.Encipherment.Encipher(new byte[8], new byte[8]));
        Assert.True(s.Encipherment.RetrieveKey());
        Assert.Throws<ArgumentException>(() => s.Encipherment.Encipher(new byte[7], new byte[8]));
        Assert.Throws<ArgumentException>(() => s.Encipherment.Encipher(new byte[8], new byte[9]));
    }

    // ---- fuzz ----

    [Fact]
    public void Random_pin_key_certificate_data_never_throws_and_is_never_accepted()
    {
        Session s = Prepare();
        CaPublicKeyStore store = Store();
        Gen.Select(TlvGen.Weighted((1, TlvGen.ArrayOf(Gen.Byte, 0, 160)), (3, TlvGen.ArrayOf(Gen.Byte, 144, 144))), TlvGen.ArrayOf(Gen.Byte, 0, 4), TlvGen.ArrayOf(Gen.Byte, 0, 40), Gen.Bool)
            .Sample((cert, exponent, remainder, withRemainder) =>
            {
                // Mostly 144 bytes (the issuer modulus length) so the RSA recovery runs; random bytes carry no valid block.
                s.Flow.CardData.Set(0x9F2D, cert);
                s.Flow.CardData.Set(0x9F2E, exponent);
                if (withRemainder) s.Flow.CardData.Set(0x9F2F, remainder);
                else s.Flow.CardData.Remove(0x9F2F);
                var e = new OfflinePinEncipherment(store, s.Flow.CardData, s.Flow.Terminal, s.Random);
                return !e.RetrieveKey() && e.Failure != OdaFailure.None && e.KeySource == PinEnciphermentKeySource.None;
            }, iter: FuzzIterations.Value / 100);
    }

    [Fact]
    public void Random_get_challenge_answers_end_safely()
    {
        Session s = Prepare();
        Assert.True(s.Encipherment.RetrieveKey()); // the ICC key, kept across the runs
        s.Flow.CardData.Set(0x8E, Hex.Decode("0000000000000000" + "4400"));
        Gen.Select(TlvGen.ArrayOf(Gen.Byte, 0, 12), Gen.Int[0, 0xFFFF])
            .Sample((data, sw) =>
            {
                s.Wire.Override = c => c[1] == 0x84 ? data.Append((byte)(sw >> 8)).Append((byte)sw).ToArray() : null;
                var cv = new CardholderVerification(new ApduTransport(s.Wire), s.Flow.Terminal, s.Flow.CardData, new Pad("1234"))
                {
                    PinEncipherment = s.Encipherment
                };
                var tvr = new TerminalVerificationResults();
                string results;
                try
                {
                    results = Hex.Encode(cv.Run(tvr, new TransactionStatusInformation()).ToArray());
                }
                catch (KernelTerminatedException)
                {
                    return true; // a typed end (e.g. a malformed R-APDU or endless 6Cxx), never another exception
                }
                // The card never issued this challenge, so no VERIFY can succeed: the CVM fails (44 00 01, B3b8).
                return results == "440001" && (tvr.ToArray()[2] & 0x80) != 0;
            }, iter: FuzzIterations.Value / 1000);
    }
}
