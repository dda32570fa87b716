using System.Security.Cryptography;
using System.Text;
using CsCheck;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.Firmware.Core.HostLink.Security;
using Terminal.Tests.Support;
using Terminal.Tests.Tlv;
using Xunit;
using static Terminal.Tests.HostLink.Security.SecurityTestSupport;

namespace Terminal.Tests.HostLink.Security;

/// <summary>
/// Card data encipherment in transit (<see cref="CardDataEncryption"/>, <see cref="CardDataRecord"/>): DUKPT data
/// keys against the X9.24 vectors, the CBC encipherment against the BCL, round trips, wrong keys, the DE 57 builder
/// option, UnionPay TDK, and a decipher fuzz that only ever sees the typed error.
/// </summary>
public class CardDataEncryptionTests
{
    private const string Pan = "4761739000000301";
    private const string Track2 = "4761739000000301=3012201";
    private static readonly byte[] TdesBdk = Convert.FromHexString("0123456789ABCDEFFEDCBA9876543210");
    private static readonly byte[] AesBdk = Convert.FromHexString("FEDCBA9876543210F1F1F1F1F1F1F1F1");

    [SkippableFact]
    public void TdesDataKeyIsTheX924_1DataRequestKeyOfEveryVectorCase()
    {
        int n = 0;
        foreach (var c in SharedVectors.Cases("dukpt/tdes-x9.24-1.json").Where(c => c.Str("kind") == "transaction"))
        {
            var input = c.GetProperty("inputs");
            byte[] tk = TdesDukpt.DeriveTransactionKey(input.Bytes("ipek"), input.Bytes("ksn"));
            byte[] key = CardDataEncryption.TdesDataKey(tk);
            Assert.Equal(c.GetProperty("expected").Str("data_request_key"), Hex(key));
            // The vector's own data encipherment (TDES-CBC, zero IV) with the BCL under this key: the mode the class uses.
            byte[] plain = input.Bytes("data_plaintext");
            Assert.Equal(c.GetProperty("expected").Str("data_request_ciphertext"), Hex(BclTdesCbc(key, plain)));
            n++;
        }
        Assert.True(n > 0);
    }

    [SkippableFact]
    public void AesDataKeyIsTheX924_3Usage3000KeyOfEveryVectorCase()
    {
        int n = 0;
        foreach (var c in SharedVectors.Cases("dukpt/aes-x9.24-3.json").Where(c => c.Str("kind") == "transaction"))
        {
            var input = c.GetProperty("inputs");
            var expected = c.GetProperty("expected");
            if (!expected.Has("data_encryption_key_aes128")) continue;
            byte[] ksn = input.Bytes("ksn");
            byte[] tk = AesDukpt.DeriveTransactionKey(input.Bytes("initial_key"), ksn);
            byte[] key = CardDataEncryption.AesDataKey(tk, ksn);
            Assert.Equal(expected.Str("data_encryption_key_aes128"), Hex(key));
            if (expected.Has("data_request_ciphertext"))
                Assert.Equal(expected.Str("data_request_ciphertext"), Hex(BclAesCbc(key, input.Bytes("data_plaintext"))));
            n++;
        }
        Assert.True(n > 0);
    }

    [Fact]
    public void RecordEncodingIsTagLengthTextThenZeroPadding()
    {
        // 02 10 + 16 PAN digits (ASCII 34 37 ...), 35 18 + 24 track characters ('=' is 3D): 44 bytes, then zeros
        // to 48 (a multiple of 8 for TDES and of 16 for AES).
        string expected = "0210" + Hex(Encoding.ASCII.GetBytes(Pan)) + "3518" + Hex(Encoding.ASCII.GetBytes(Track2)) + "00000000";
        var record = new CardDataRecord(Pan, Track2);
        Assert.Equal(expected, Hex(record.Encode(8)));
        Assert.Equal(expected, Hex(record.Encode(16)));
        // PAN alone: 18 bytes -> 24 (TDES) or 32 (AES).
        var panOnly = new CardDataRecord(Pan, null);
        Assert.Equal(24, panOnly.Encode(8).Length);
        Assert.Equal(32, panOnly.Encode(16).Length);
        Assert.Equal(Pan, new CardDataRecord(null, Track2).AccountNumber);
        Assert.Equal(Pan, new CardDataRecord(null, "4761739000000301D3012201").AccountNumber);
    }

    [Fact]
    public void TdesAndAesEncipherAreCbcWithZeroIvOfTheRecord()
    {
        var record = new CardDataRecord(Pan, Track2);
        byte[] tdesKey = CardDataEncryption.TdesDataKey(TdesTransactionKey(1, out _));
        Assert.Equal(Hex(BclTdesCbc(tdesKey, record.Encode(8))), Hex(CardDataEncryption.EncipherTdes(tdesKey, record)));
        byte[] aesKey = CardDataEncryption.AesDataKey(AesTransactionKey(1, out byte[] ksn), ksn);
        Assert.Equal(Hex(BclAesCbc(aesKey, record.Encode(16))), Hex(CardDataEncryption.EncipherAes(aesKey, record)));
        // And the BCL deciphers what the class enciphered back to the hand-built record.
        using var aes = Aes.Create();
        aes.Key = aesKey;
        Assert.Equal(Hex(record.Encode(16)), Hex(aes.DecryptCbc(CardDataEncryption.EncipherAes(aesKey, record), new byte[16], PaddingMode.None)));
    }

    [Fact]
    public void RandomCardDataRoundTripsExactly()
    {
        var digits = Gen.Char['0', '9'];
        var pans = Gen.String[digits, 12, 19];
        var track2s = Gen.Select(pans, Gen.String[digits, 0, 17], Gen.Bool).Select((p, rest, d) => (p + (d ? "D" : "=") + rest).Length <= 37 ? p + (d ? "D" : "=") + rest : p);
        var keys = TlvGen.ArrayOf(Gen.Byte, 16, 16);
        Gen.Select(pans, track2s, Gen.Int[0, 2], keys).Sample((pan, track2, which, key) =>
        {
            var record = new CardDataRecord(which == 1 ? null : pan, which == 2 ? null : track2);
            CardDataRecord tdes = CardDataEncryption.DecipherTdes(key, CardDataEncryption.EncipherTdes(key, record));
            CardDataRecord aes = CardDataEncryption.DecipherAes(key, CardDataEncryption.EncipherAes(key, record));
            foreach (var back in new[] { tdes, aes })
            {
                Assert.Equal(record.Pan, back.Pan);
                Assert.Equal(record.Track2, back.Track2);
            }
        }, iter: 2000);
    }

    [Fact]
    public void WrongKeyOrKsnDoesNotDecipher()
    {
        var record = new CardDataRecord(Pan, Track2);
        byte[] tdesKey1 = CardDataEncryption.TdesDataKey(TdesTransactionKey(1, out _));
        byte[] tdesKey2 = CardDataEncryption.TdesDataKey(TdesTransactionKey(2, out _));
        byte[] c = CardDataEncryption.EncipherTdes(tdesKey1, record);
        Assert.Equal(SecurityError.CardDataUndecipherable, Assert.Throws<SecurityException>(() => CardDataEncryption.DecipherTdes(tdesKey2, c)).Error);
        // The MAC request key of the same KSN is not the data key either.
        byte[] macKey = TdesDukpt.MacRequestKey(TdesTransactionKey(1, out _));
        Assert.Equal(SecurityError.CardDataUndecipherable, Assert.Throws<SecurityException>(() => CardDataEncryption.DecipherTdes(macKey, c)).Error);

        byte[] aesKey1 = CardDataEncryption.AesDataKey(AesTransactionKey(1, out byte[] ksn1), ksn1);
        byte[] aesKey2 = CardDataEncryption.AesDataKey(AesTransactionKey(2, out byte[] ksn2), ksn2);
        byte[] a = CardDataEncryption.EncipherAes(aesKey1, record);
        Assert.Equal(SecurityError.CardDataUndecipherable, Assert.Throws<SecurityException>(() => CardDataEncryption.DecipherAes(aesKey2, a)).Error);
        // A flipped ciphertext bit garbles a whole block (CBC): refused, never a different PAN.
        a[^1] ^= 0x01;
        Assert.Equal(SecurityError.CardDataUndecipherable, Assert.Throws<SecurityException>(() => CardDataEncryption.DecipherAes(aesKey1, a)).Error);
    }

    [Theory]
    [InlineData("")]                                 // no element
    [InlineData("0000000000000000")]                 // padding only
    [InlineData("03043132333400")]                   // unknown tag 03
    [InlineData("0204313233340000")]                 // PAN of 4 digits (fewer than 12)
    [InlineData("35023132000000FF")]                 // non-zero byte in the padding
    [InlineData("3509313233")]                       // length past the end
    [InlineData("35")]                               // tag without length
    [InlineData("3503313D3D000000")]                 // two separators
    [InlineData("3503314132000000")]                 // a letter other than the D separator
    [InlineData("350131350132000000000000")]         // track 2 twice
    public void MalformedRecordsAreRefusedWithTheTypedError(string hex)
    {
        var e = Assert.Throws<SecurityException>(() => CardDataRecord.Decode(Convert.FromHexString(hex)));
        Assert.Equal(SecurityError.CardDataUndecipherable, e.Error);
    }

    [Fact]
    public void ShortTrackWithZeroPaddingDecodes()
    {
        // 35 02 '1' '2' then zeros: a valid record holding track 2 "12".
        Assert.Equal("12", CardDataRecord.Decode(Convert.FromHexString("3502313200000000")).Track2);
    }

    [Fact]
    public void BadInputsToEncipherAreTypedAndNameNoData()
    {
        Assert.Equal(SecurityError.BadCardData, Assert.Throws<SecurityException>(() => new CardDataRecord(null, null)).Error);
        Assert.Equal(SecurityError.BadCardData, Assert.Throws<SecurityException>(() => new CardDataRecord("47617390", null)).Error);
        var e = Assert.Throws<SecurityException>(() => new CardDataRecord(null, "4761739000000301=30122011234567890123456"));
        Assert.Equal(SecurityError.BadCardData, e.Error);
        Assert.DoesNotContain("4761", e.Message);
        var record = new CardDataRecord(Pan, null);
        Assert.Equal(SecurityError.BadKeyLength, Assert.Throws<SecurityException>(() => CardDataEncryption.EncipherTdes(new byte[8], record)).Error);
        Assert.Equal(SecurityError.BadKeyLength, Assert.Throws<SecurityException>(() => CardDataEncryption.EncipherAes(new byte[15], record)).Error);
        Assert.Equal(SecurityError.BadCardData, Assert.Throws<SecurityException>(() => CardDataEncryption.EncipherAes(new byte[16], null)).Error);
        Assert.Equal(SecurityError.CardDataUndecipherable, Assert.Throws<SecurityException>(() => CardDataEncryption.DecipherTdes(new byte[16], new byte[12])).Error);
        Assert.Equal(SecurityError.CardDataUndecipherable, Assert.Throws<SecurityException>(() => CardDataEncryption.DecipherAes(new byte[16], new byte[80])).Error);
        Assert.Equal(SecurityError.CardDataUndecipherable, Assert.Throws<SecurityException>(() => CardDataEncryption.DecipherAes(new byte[16], null)).Error);
    }

    [Fact]
    public void DecipherFuzzRaisesOnlyTheTypedError()
    {
        var gen = Gen.Select(TlvGen.ArrayOf(Gen.Byte, 0, 80), Gen.Int[0, 3], TlvGen.ArrayOf(Gen.Byte, 16, 16));
        gen.Sample((data, mode, key) =>
        {
            try
            {
                CardDataRecord r = mode switch
                {
                    0 => CardDataEncryption.DecipherTdes(key, data),
                    1 => CardDataEncryption.DecipherAes(key, data),
                    _ => CardDataRecord.Decode(data),
                };
                Assert.True(r.Pan != null || r.Track2 != null);
            }
            catch (SecurityException e)
            {
                Assert.Equal(SecurityError.CardDataUndecipherable, e.Error);
            }
        }, iter: Math.Max(1, FuzzIterations.Value / 10));
    }

    [Fact]
    public void Generic87BuilderSendsDe57AndNoClearPan()
    {
        byte[] key = CardDataEncryption.TdesDataKey(TdesTransactionKey(1, out _));
        var t = new TransactionFields
        {
            Pan = Pan, Track2 = Track2, Amount = 100, Stan = 7, TerminalId = "TERM0001", MerchantId = "123456789012345",
            PosEntryMode = "051", CurrencyCode = "156", SecurityControl = "1010000000000000",
        };
        t.SetClock(new DateTime(2026, 6, 15, 10, 30, 0), new DateTime(2026, 6, 15, 10, 30, 0));
        t.EncipheredCardData = CardDataEncryption.EncipherTdes(key, new CardDataRecord(Pan, Track2));
        Iso8583Message m = Generic87Messages.Sale(t);
        Assert.False(m.Has(2));
        Assert.False(m.Has(35));
        byte[] packed = Generic87Dialect.Dialect.Pack(m);
        // Neither the ASCII nor the BCD form of the PAN is anywhere in the packed message.
        Assert.DoesNotContain(Hex(Encoding.ASCII.GetBytes(Pan)), Hex(packed));
        Assert.DoesNotContain(Pan, Hex(packed));
        Iso8583Message back = Generic87Dialect.Dialect.Parse(packed);
        Assert.Equal(Hex(t.EncipheredCardData), Hex(back.GetBytes(57)));
        CardDataRecord r = CardDataEncryption.DecipherTdes(key, back.GetBytes(57));
        Assert.Equal(Pan, r.Pan);
        Assert.Equal(Track2, r.Track2);
        Assert.Contains("57=[48 bytes]", back.ToString());
        // Without the option the builder is unchanged: DE 2 and DE 35, no DE 57.
        t.EncipheredCardData = null;
        Iso8583Message clear = Generic87Messages.Sale(t);
        Assert.True(clear.Has(2) && clear.Has(35) && !clear.Has(57));
        // A 0400 of the enciphered 0200 carries no card data at all (DE 57 is bound to the 0200's KSN).
        t.EncipheredCardData = CardDataEncryption.EncipherTdes(key, new CardDataRecord(Pan, Track2));
        Iso8583Message reversal = Generic87Messages.Reversal(Generic87Messages.Sale(t), 8, "0615103100", null);
        Assert.False(reversal.Has(2) || reversal.Has(35) || reversal.Has(57));
    }

    [Fact]
    public void UnionPayTrackKeyEnciphersTheRecordTdesCbc()
    {
        byte[] tmk = Convert.FromHexString("0123456789ABCDEFFEDCBA9876543210");
        byte[] pik = Convert.FromHexString("11111111111111112222222222222222");
        byte[] mak = Convert.FromHexString("33333333333333334444444444444444");
        byte[] tdk = Convert.FromHexString("89ABCDEF0123456776543210FEDCBA98");
        byte[] Wrap(byte[] k) { using var d = TripleDES.Create(); d.Key = tmk.Concat(tmk.Take(8)).ToArray(); return d.EncryptEcb(k, PaddingMode.None); }
        byte[] Kcv(byte[] k) { using var d = TripleDES.Create(); d.Key = k.Concat(k.Take(8)).ToArray(); return d.EncryptEcb(new byte[8], PaddingMode.None).Take(4).ToArray(); }
        var store = new MasterSessionKeys();
        store.LoadMasterKey(tmk);
        store.InstallWorkingKeys(UnionPayWorkingKeys.Parse(UnionPayWorkingKeys.Compose(Wrap(pik), Kcv(pik), Wrap(mak), Kcv(mak), null, null)));
        var record = new CardDataRecord(null, Track2);
        Assert.Equal(SecurityError.NoWorkingKeys, Assert.Throws<SecurityException>(() => store.EncipherCardData(record)).Error);
        store.InstallWorkingKeys(UnionPayWorkingKeys.Parse(UnionPayWorkingKeys.Compose(Wrap(pik), Kcv(pik), Wrap(mak), Kcv(mak), Wrap(tdk), Kcv(tdk))));
        byte[] enciphered = store.EncipherCardData(record);
        Assert.Equal(Hex(BclTdesCbc(tdk, record.Encode(8))), Hex(enciphered));
        Assert.Equal(Track2, CardDataEncryption.DecipherTdes(tdk, enciphered).Track2);
        // Field 53 announcing it: PIN with PAN, TDES, track enciphered.
        Assert.Equal("2610000000000000", new UnionPayField53(UnionPayField53.PinFormatWithPan, UnionPayField53.DoubleLengthKeys, 1).Compose());
    }

    private static byte[] TdesTransactionKey(int counter, out byte[] ksn)
    {
        ksn = TdesDukpt.WithCounter(Convert.FromHexString("FFFF9876543210E00000"), counter);
        return TdesDukpt.DeriveTransactionKey(TdesDukpt.DeriveIpek(TdesBdk, ksn), ksn);
    }

    private static byte[] AesTransactionKey(uint counter, out byte[] ksn)
    {
        byte[] id = Convert.FromHexString("1234567890123456");
        ksn = AesDukpt.MakeKsn(id, counter);
        return AesDukpt.DeriveTransactionKey(AesDukpt.DeriveInitialKey(AesBdk, id), ksn);
    }

    private static byte[] BclTdesCbc(byte[] key16, byte[] plain)
    {
        using var d = TripleDES.Create();
        d.Key = key16.Concat(key16.Take(8)).ToArray();
        return d.EncryptCbc(plain, new byte[8], PaddingMode.None);
    }

    private static byte[] BclAesCbc(byte[] key, byte[] plain)
    {
        using var a = Aes.Create();
        a.Key = key;
        return a.EncryptCbc(plain, new byte[16], PaddingMode.None);
    }
}
