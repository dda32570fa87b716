using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Crypto.Emv;
using Xunit;

namespace Terminal.Tests.Crypto.Emv;

/// <summary>
/// Failures of the EMV cryptography layer: wrong cryptograms, ARPCs and MACs are rejected; bad arguments give
/// one typed <see cref="EmvCryptoException"/> whose message carries no key, PIN or PAN digits.
/// Keys and data here are hand-picked; the cryptograms are those of the Visa CVN 18 vector (cvn.json).
/// </summary>
public class EmvCryptoNegativeTests
{
    private static readonly ICryptoProvider P = new PortableCryptoProvider();
    private static readonly byte[] Imk = Convert.FromHexString("0123456789ABCDEFFEDCBA9876543210");
    // Visa CVN 18 vector (cvn.json, visa-cvn18): terminal data, AIP, ATC, IAD and its ARQC.
    private static readonly byte[] TerminalData = Convert.FromHexString("00000000400000000000000001248000048000012419110501" + "52BF4585");
    private static readonly byte[] Aip = Convert.FromHexString("1800");
    private static readonly byte[] Atc = Convert.FromHexString("001C");
    private static readonly byte[] Un = Convert.FromHexString("52BF4585");
    private static readonly byte[] Iad = Convert.FromHexString("06011203A0B800");
    private static readonly byte[] Arqc = Convert.FromHexString("7A788EA6B8A3E733");

    private static byte[] MkAc() => IccMasterKey.DeriveOptionA(P, Imk, "1234567890123456", "00");

    private static byte[] Flip(byte[] data, int index)
    {
        byte[] copy = (byte[])data.Clone();
        copy[index] ^= 0x80; // not the DES parity bit, so a flipped key byte is another key
        return copy;
    }

    [Fact]
    public void The_vector_arqc_verifies_and_every_single_bit_change_fails()
    {
        var cv = CryptogramVersion.Visa18;
        Assert.True(cv.VerifyAc(P, MkAc(), TerminalData, Aip, Atc, Un, Iad, Arqc));
        for (int i = 0; i < 8; i++)
            Assert.False(cv.VerifyAc(P, MkAc(), TerminalData, Aip, Atc, Un, Iad, Flip(Arqc, i)));
        Assert.False(cv.VerifyAc(P, MkAc(), Flip(TerminalData, 0), Aip, Atc, Un, Iad, Arqc));
        Assert.False(cv.VerifyAc(P, MkAc(), TerminalData, Aip, Flip(Atc, 1), Un, Iad, Arqc));
        Assert.False(cv.VerifyAc(P, Flip(MkAc(), 3), TerminalData, Aip, Atc, Un, Iad, Arqc));
        Assert.False(CryptogramVersion.Visa22.VerifyAc(P, MkAc(), TerminalData, Aip, Atc, Un, Iad, Arqc[..4]));
        Assert.False(CryptogramVersion.Visa10.VerifyAc(P, MkAc(), TerminalData, Aip, Atc, Un, Iad, Arqc));
    }

    [Fact]
    public void A_wrong_master_key_fails_verification()
    {
        byte[] otherImk = Convert.FromHexString("FEDCBA98765432100123456789ABCDEF");
        byte[] otherMk = IccMasterKey.DeriveOptionA(P, otherImk, "1234567890123456", "00");
        Assert.False(CryptogramVersion.Visa18.VerifyAc(P, otherMk, TerminalData, Aip, Atc, Un, Iad, Arqc));
        // Another PAN sequence number gives another card key.
        byte[] psn01 = IccMasterKey.DeriveOptionA(P, Imk, "1234567890123456", "01");
        Assert.False(CryptogramVersion.Visa18.VerifyAc(P, psn01, TerminalData, Aip, Atc, Un, Iad, Arqc));
    }

    [Fact]
    public void Issuer_authentication_data_is_rejected_when_altered_or_of_the_wrong_length()
    {
        foreach (var cv in CryptogramVersion.All)
        {
            byte[] code = cv.ArpcMethod == 1 ? new byte[] { 0x30, 0x30 } : new byte[] { 0x00, 0x00, 0x00, 0x00 };
            byte[] tag91 = cv.GenerateIssuerAuthenticationData(P, MkAc(), Atc, Un, Arqc, code, null);
            Assert.True(cv.VerifyIssuerAuthenticationData(P, MkAc(), Atc, Un, Arqc, tag91), cv.Name);
            for (int i = 0; i < tag91.Length; i++)
                Assert.False(cv.VerifyIssuerAuthenticationData(P, MkAc(), Atc, Un, Arqc, Flip(tag91, i)), cv.Name + " byte " + i);
            Assert.False(cv.VerifyIssuerAuthenticationData(P, MkAc(), Atc, Un, Flip(Arqc, 7), tag91), cv.Name);
            Assert.False(cv.VerifyIssuerAuthenticationData(P, MkAc(), Atc, Un, Arqc, tag91[..^1]), cv.Name);
            Assert.False(cv.VerifyIssuerAuthenticationData(P, MkAc(), Atc, Un, Arqc, null), cv.Name);
            Assert.False(cv.VerifyIssuerAuthenticationData(P, MkAc(), Atc, Un, Arqc, new byte[17]), cv.Name);
        }
    }

    [Fact]
    public void Arpc_method_1_carries_no_proprietary_data_and_method_2_at_most_8_bytes()
    {
        var e1 = Assert.Throws<EmvCryptoException>(() => CryptogramVersion.Visa10.GenerateIssuerAuthenticationData(P, MkAc(), Atc, Un, Arqc, new byte[2], new byte[1]));
        Assert.Equal(EmvCryptoError.UnsupportedValue, e1.Error);
        var e2 = Assert.Throws<EmvCryptoException>(() => Arpc.GenerateMethod2(P, MkAc(), Arqc, new byte[4], new byte[9]));
        Assert.Equal(EmvCryptoError.InvalidDataLength, e2.Error);
    }

    [Fact]
    public void Script_commands_with_a_changed_byte_or_another_transaction_fail()
    {
        byte[] mkSmi = IccMasterKey.DeriveOptionA(P, Convert.FromHexString("FEDCBA98765432100123456789ABCDEF"), "1234567890123456", "00");
        foreach (var cv in CryptogramVersion.All)
        {
            byte[] command = cv.BuildScriptCommand(P, mkSmi, Atc, Arqc, new byte[] { 0x84, 0xDA, 0x9F, 0x58 }, new byte[] { 0x05 });
            Assert.True(cv.VerifyScriptCommand(P, mkSmi, Atc, Arqc, command), cv.Name);
            for (int i = 0; i < command.Length; i++)
                Assert.False(cv.VerifyScriptCommand(P, mkSmi, Atc, Arqc, Flip(command, i)), cv.Name + " byte " + i);
            Assert.False(cv.VerifyScriptCommand(P, mkSmi, Atc, Arqc, command[..^1]), cv.Name);
            Assert.False(cv.VerifyScriptCommand(P, mkSmi, Atc, Arqc, command.Concat(new byte[] { 0x00 }).ToArray()), cv.Name);
            Assert.False(cv.VerifyScriptCommand(P, mkSmi, Atc, Arqc, null), cv.Name);
            // The MAC binds the transaction where the version says so (or its session key does).
            Assert.False(cv.VerifyScriptCommand(P, mkSmi, Atc, Flip(Arqc, 0), command), cv.Name);
            if (cv.SecureMessagingKey == SecureMessagingKeyDerivation.VisaAtc || cv.ScriptMacIncludesAtcAndArqc)
                Assert.False(cv.VerifyScriptCommand(P, mkSmi, Flip(Atc, 1), Arqc, command), cv.Name);
        }
    }

    [Fact]
    public void Pin_change_commands_fail_to_open_when_tampered_or_with_the_wrong_current_pin()
    {
        var keys = IccMasterKeys.Derive(P, MasterKeyDerivation.OptionA, Imk, Convert.FromHexString("FEDCBA98765432100123456789ABCDEF"),
            Convert.FromHexString("89ABCDEF0123456776543210FEDCBA98"), "1234567890123456", "00");
        foreach (var cv in CryptogramVersion.All)
        {
            byte[] command = cv.BuildPinChangeCommand(P, keys, Atc, Arqc, "4321", null);
            Assert.Equal("4321", cv.OpenPinChangeCommand(P, keys, Atc, Arqc, command, "1111"));
            for (int i = 0; i < command.Length; i++)
                Assert.Null(cv.OpenPinChangeCommand(P, keys, Atc, Arqc, Flip(command, i), "1111"));
            if (cv.PinBlock == PinBlockFormat.IsoFormat2) continue;
            byte[] withCurrent = cv.BuildPinChangeCommand(P, keys, Atc, Arqc, "4321", "1111");
            Assert.Equal(0x01, withCurrent[3]);
            Assert.Equal("4321", cv.OpenPinChangeCommand(P, keys, Atc, Arqc, withCurrent, "1111"));
            Assert.Null(cv.OpenPinChangeCommand(P, keys, Atc, Arqc, withCurrent, "2111"));
            Assert.Null(cv.OpenPinChangeCommand(P, keys, Atc, Arqc, withCurrent, null));
        }
        Assert.Throws<EmvCryptoException>(() => CryptogramVersion.Mastercard16.BuildPinChangeCommand(P, keys, Atc, Arqc, "4321", "1111"));
    }

    public static IEnumerable<object[]> BadKeys() => [[new byte[0]], [new byte[8]], [new byte[15]], [new byte[24]]];

    [Theory]
    [MemberData(nameof(BadKeys))]
    public void Keys_that_are_not_16_bytes_give_a_typed_error(byte[] badKey)
    {
        for (int i = 0; i < badKey.Length; i++) badKey[i] = (byte)(0xA1 + i);
        var calls = new Action[]
        {
            () => IccMasterKey.DeriveOptionA(P, badKey, "1234567890123456", "00"),
            () => IccMasterKey.DeriveOptionB(P, badKey, "12345678901234567", "00"),
            () => SessionKey.DeriveCommon(P, badKey, new byte[8]),
            () => SessionKey.DeriveVisaSecureMessaging(badKey, Atc),
            () => ApplicationCryptogram.Generate(P, badKey, TerminalData, Iso9797PaddingMethod.Method2),
            () => Arpc.GenerateMethod1(P, badKey, Arqc, new byte[2]),
            () => Arpc.GenerateMethod2(P, badKey, Arqc, new byte[4], null),
            () => SecureMessaging.CommandMac(P, badKey, new byte[5]),
            () => SecureMessaging.EncipherData(P, badKey, DataEncipherment.Emv, new byte[8]),
            () => SecureMessaging.DecipherData(P, badKey, DataEncipherment.Visa, new byte[16]),
            () => SecureMessaging.VerifyCommand(P, badKey, new byte[13], null, null),
            () => PinChangeBlock.Vis(badKey, "1234", null),
            () => new IccMasterKeys(badKey, MkAc(), MkAc()),
            () => CryptogramVersion.Mastercard20.GenerateAc(P, badKey, TerminalData, Aip, Atc, Un, Iad.Concat(new byte[11]).ToArray()),
            () => CryptogramVersion.Visa10.VerifyIssuerAuthenticationData(P, badKey, Atc, Un, Arqc, new byte[10]),
        };
        foreach (var call in calls)
        {
            var e = Assert.Throws<EmvCryptoException>(call);
            Assert.Equal(EmvCryptoError.InvalidKeyLength, e.Error);
            Assert.Contains(badKey.Length.ToString(), e.Message);
            if (badKey.Length > 0) Assert.DoesNotContain(Convert.ToHexString(badKey[..2]), e.Message, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Null_keys_and_providers_give_a_typed_error()
    {
        Assert.Equal(EmvCryptoError.MissingArgument, Assert.Throws<EmvCryptoException>(() => SessionKey.DeriveCommon(P, null, new byte[8])).Error);
        Assert.Equal(EmvCryptoError.MissingArgument, Assert.Throws<EmvCryptoException>(() => SessionKey.DeriveCommon(null, MkAc(), new byte[8])).Error);
        Assert.Equal(EmvCryptoError.MissingArgument, Assert.Throws<EmvCryptoException>(() => ApplicationCryptogram.Generate(P, MkAc(), null, Iso9797PaddingMethod.Method1)).Error);
        Assert.Equal(EmvCryptoError.MissingArgument, Assert.Throws<EmvCryptoException>(() => CryptogramVersion.Visa18.BuildPinChangeCommand(P, null, Atc, Arqc, "1234", null)).Error);
    }

    [Fact]
    public void Wrong_data_lengths_give_a_typed_error()
    {
        void Expect(Action call) => Assert.Equal(EmvCryptoError.InvalidDataLength, Assert.Throws<EmvCryptoException>(call).Error);
        Expect(() => SessionKey.DeriveCommon(P, MkAc(), new byte[7]));
        Expect(() => SessionKey.AtcDiversification(new byte[3]));
        Expect(() => SessionKey.AtcAndUnpredictableNumberDiversification(Atc, new byte[3]));
        Expect(() => SessionKey.DeriveVisaSecureMessaging(MkAc(), new byte[1]));
        Expect(() => Arpc.GenerateMethod1(P, MkAc(), Arqc[..7], new byte[2]));
        Expect(() => Arpc.GenerateMethod1(P, MkAc(), Arqc, new byte[3]));
        Expect(() => Arpc.GenerateMethod2(P, MkAc(), Arqc, new byte[2], null));
        Expect(() => SecureMessaging.CommandMacData(new byte[4], null, null, null));
        Expect(() => SecureMessaging.CommandMacData(new byte[5], Atc, Arqc[..7], null));
        Assert.Equal(EmvCryptoError.MissingArgument, Assert.Throws<EmvCryptoException>(() => SecureMessaging.CommandMacData(new byte[5], Atc, null, null)).Error);
        Expect(() => SecureMessaging.BuildCommand(P, MkAc(), new byte[4], new byte[248], null, null));
        Expect(() => CryptogramVersion.Mastercard16.DeriveAcKey(P, MkAc(), Atc, new byte[2]));
        Expect(() => CryptogramVersion.Mastercard17.IssuerPartOf(new byte[17]));
        Expect(() => CryptogramVersion.Mastercard16.IssuerPartOf(new byte[7]));
        Expect(() => CryptogramVersion.Visa10.IssuerPartOf(new byte[6]));
        Expect(() => CryptogramVersion.Visa18.IssuerPartOf(new byte[33]));
        Expect(() => CryptogramVersion.Visa18.BuildAcData(TerminalData, new byte[1], Atc, Iad));
    }

    [Theory]
    [InlineData("", "00", EmvCryptoError.InvalidPan)]
    [InlineData("12345678901234567890", "00", EmvCryptoError.InvalidPan)]
    [InlineData("4761 7390 0101 0010", "00", EmvCryptoError.InvalidPan)]
    [InlineData("476173900101001X", "00", EmvCryptoError.InvalidPan)]
    [InlineData("4761739001010010", "1", EmvCryptoError.InvalidPanSequenceNumber)]
    [InlineData("4761739001010010", "0A", EmvCryptoError.InvalidPanSequenceNumber)]
    [InlineData("4761739001010010", "001", EmvCryptoError.InvalidPanSequenceNumber)]
    public void Malformed_pan_or_psn_gives_a_typed_error_without_the_digits(string pan, string psn, EmvCryptoError error)
    {
        foreach (var option in new[] { MasterKeyDerivation.OptionA, MasterKeyDerivation.OptionB })
        {
            var e = Assert.Throws<EmvCryptoException>(() => IccMasterKey.Derive(P, option, Imk, pan, psn));
            Assert.Equal(error, e.Error);
            if (pan.Length >= 6) Assert.DoesNotContain(pan[..6], e.Message);
        }
        Assert.Throws<EmvCryptoException>(() => IccMasterKey.Derive(P, (MasterKeyDerivation)3, Imk, "4761739001010010", "00"));
    }

    [Theory]
    [InlineData("123")]
    [InlineData("1234567890123")]
    [InlineData("12a4")]
    [InlineData("")]
    [InlineData(null)]
    public void Malformed_pins_give_a_typed_error_without_the_digits(string pin)
    {
        foreach (Action call in new Action[]
        {
            () => PinChangeBlock.IsoFormat2(pin),
            () => PinChangeBlock.Vis(MkAc(), pin, null),
            () => PinChangeBlock.Vis(MkAc(), "9876", pin ?? "1"),
        })
        {
            var e = Assert.Throws<EmvCryptoException>(call);
            Assert.Equal(EmvCryptoError.InvalidPin, e.Error);
            if (!string.IsNullOrEmpty(pin)) Assert.DoesNotContain(pin, e.Message);
            Assert.DoesNotContain("9876", e.Message);
        }
    }

    [Fact]
    public void Malformed_pin_blocks_and_enciphered_data_recover_nothing()
    {
        Assert.Null(PinChangeBlock.RecoverIsoFormat2(Convert.FromHexString("241234FFFFFFFFFE")));
        Assert.Null(PinChangeBlock.RecoverIsoFormat2(Convert.FromHexString("041234FFFFFFFFFF")));
        Assert.Null(PinChangeBlock.RecoverIsoFormat2(Convert.FromHexString("2312A4FFFFFFFFFF")));
        Assert.Null(PinChangeBlock.RecoverIsoFormat2(Convert.FromHexString("2D12345678901234")));
        Assert.Null(PinChangeBlock.RecoverIsoFormat2(new byte[7]));
        Assert.Null(PinChangeBlock.RecoverVis(new byte[9], MkAc(), null));
        Assert.Equal("1234", PinChangeBlock.RecoverIsoFormat2(Convert.FromHexString("241234FFFFFFFFFF")));
        foreach (var method in new[] { DataEncipherment.Emv, DataEncipherment.Mastercard, DataEncipherment.Visa })
        {
            Assert.Null(SecureMessaging.DecipherData(P, MkAc(), method, new byte[7]));
            Assert.Null(SecureMessaging.DecipherData(P, MkAc(), method, new byte[0]));
        }
        // Deciphered zeros carry no method 2 padding.
        byte[] zeros = P.Tdes(CipherDirection.Encrypt, MkAc(), null, new byte[16], 0, 16);
        Assert.Null(SecureMessaging.DecipherData(P, MkAc(), DataEncipherment.Visa, zeros));
        Assert.Null(SecureMessaging.CommandData(new byte[12]));
    }

    [Fact]
    public void Unknown_cryptogram_versions_and_padding_are_refused()
    {
        Assert.Null(CryptogramVersion.Find("Visa", 16));
        Assert.Null(CryptogramVersion.Find("Mastercard", 18));
        Assert.Null(CryptogramVersion.Find(null, 10));
        Assert.Same(CryptogramVersion.Interac133, CryptogramVersion.Find("Interac", 133));
        Assert.Equal(EmvCryptoError.UnsupportedValue, Assert.Throws<EmvCryptoException>(() => ApplicationCryptogram.Generate(P, MkAc(), TerminalData, Iso9797PaddingMethod.Method3)).Error);
        Assert.Equal(EmvCryptoError.UnsupportedValue, Assert.Throws<EmvCryptoException>(() => SecureMessaging.EncipherData(P, MkAc(), (DataEncipherment)9, new byte[8])).Error);
    }

    [Fact]
    public void Icc_master_keys_are_copied_in_and_out()
    {
        byte[] ac = MkAc();
        var keys = new IccMasterKeys(ac, ac, ac);
        ac[0] ^= 0xFF;
        Assert.NotEqual(ac, keys.MkAc);
        keys.MkSmi[0] ^= 0xFF;
        Assert.Equal(keys.MkAc, keys.MkSmi);
    }
}
