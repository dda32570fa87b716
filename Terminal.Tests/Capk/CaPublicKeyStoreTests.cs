using Xunit;
using Terminal.EmvKernel.Capk;
using Terminal.Tests.Oda;
using static Terminal.Tests.Capk.CapkTestData;

namespace Terminal.Tests.Capk;

public class CaPublicKeyStoreTests
{
    private static CaPublicKeyStore TestStore() => new(CaPublicKeySet.Test, OdaTestCrypto.Provider);

    [Fact]
    public void Valid_key_is_added_and_found_by_rid_and_index_also_through_a_full_aid()
    {
        var store = TestStore();
        var key = Key(CaPublicKeySet.Test, 0x94, seed: 1);
        store.Add(key);
        Assert.Equal(1, store.Count);
        Assert.Same(key, store.Find(VisaRid, 0, 0x94));
        Assert.Same(key, store.Find(Convert.FromHexString("A0000000031010"), 0, 0x94));
        Assert.Null(store.Find(VisaRid, 0, 0x95));
        Assert.Null(store.Find(Convert.FromHexString("A000000004"), 0, 0x94));
        Assert.Null(store.Find(Convert.FromHexString("A0000000"), 0, 0x94));
    }

    [Fact]
    public void Bad_checksum_is_rejected_naming_rid_and_index_without_key_material()
    {
        var modulus = Modulus(2);
        var checksum = Checksum(VisaRid, 0x94, modulus, new byte[] { 3 });
        checksum[19] ^= 0x01;
        var key = new CaPublicKey(CaPublicKeySet.Test, VisaRid, 0x94, 1, 1, modulus, new byte[] { 3 }, checksum, EmvDate.None);
        var store = TestStore();
        var e = Assert.Throws<CaPublicKeyException>(() => store.Add(key));
        Assert.Equal(CaKeyError.ChecksumMismatch, e.Error);
        Assert.Equal("checksum", e.Field);
        Assert.Contains("RID A000000003 index 94", e.Message);
        Assert.DoesNotContain(Convert.ToHexString(modulus)[..16], e.Message);
        Assert.DoesNotContain(Convert.ToHexString(checksum)[..8], e.Message);
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public void Checksum_covers_every_part_rid_index_modulus_exponent()
    {
        var modulus = Modulus(3);
        var good = Checksum(VisaRid, 0x94, modulus, new byte[] { 3 });
        // The same checksum with another index, another RID, or another exponent is rejected.
        var store = TestStore();
        Assert.Throws<CaPublicKeyException>(() => store.Add(new CaPublicKey(CaPublicKeySet.Test, VisaRid, 0x95, 1, 1, modulus, new byte[] { 3 }, good, EmvDate.None)));
        Assert.Throws<CaPublicKeyException>(() => store.Add(new CaPublicKey(CaPublicKeySet.Test, Convert.FromHexString("A000000004"), 0x94, 1, 1, modulus, new byte[] { 3 }, good, EmvDate.None)));
        Assert.Throws<CaPublicKeyException>(() => store.Add(new CaPublicKey(CaPublicKeySet.Test, VisaRid, 0x94, 1, 1, modulus, new byte[] { 1, 0, 1 }, good, EmvDate.None)));
        store.Add(new CaPublicKey(CaPublicKeySet.Test, VisaRid, 0x94, 1, 1, modulus, new byte[] { 3 }, good, EmvDate.None));
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public void Live_key_is_rejected_by_a_test_store_and_test_key_by_a_live_store()
    {
        var test = TestStore();
        var live = new CaPublicKeyStore(CaPublicKeySet.Live, OdaTestCrypto.Provider);
        var e1 = Assert.Throws<CaPublicKeyException>(() => test.Add(Key(CaPublicKeySet.Live, 0x94, seed: 4)));
        Assert.Equal(CaKeyError.WrongSet, e1.Error);
        Assert.Contains("RID A000000003 index 94", e1.Message);
        var e2 = Assert.Throws<CaPublicKeyException>(() => live.Add(Key(CaPublicKeySet.Test, 0x94, seed: 4)));
        Assert.Equal(CaKeyError.WrongSet, e2.Error);
    }

    [Fact]
    public void Test_and_live_stores_with_the_same_index_each_see_only_their_own_key()
    {
        var testKey = Key(CaPublicKeySet.Test, 0x09, seed: 5);
        var liveKey = Key(CaPublicKeySet.Live, 0x09, seed: 6);
        var test = TestStore();
        var live = new CaPublicKeyStore(CaPublicKeySet.Live, OdaTestCrypto.Provider);
        test.Add(testKey);
        live.Add(liveKey);
        var date = new EmvDate(2026, 1, 1);
        Assert.Equal(CaPublicKeyStatus.Found, test.Lookup(VisaRid, 0, 0x09, date, out var t));
        Assert.Equal(CaPublicKeyStatus.Found, live.Lookup(VisaRid, 0, 0x09, date, out var l));
        Assert.Equal(testKey.Modulus, t.Modulus);
        Assert.Equal(liveKey.Modulus, l.Modulus);
        Assert.NotEqual(t.Modulus, l.Modulus);
    }

    [Fact]
    public void Duplicate_rid_and_index_is_rejected()
    {
        var store = TestStore();
        store.Add(Key(CaPublicKeySet.Test, 0x94, seed: 7));
        var e = Assert.Throws<CaPublicKeyException>(() => store.Add(Key(CaPublicKeySet.Test, 0x94, seed: 8)));
        Assert.Equal(CaKeyError.Duplicate, e.Error);
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public void Key_is_usable_through_its_expiry_date_and_expired_the_day_after()
    {
        var store = TestStore();
        var expiring = Key(CaPublicKeySet.Test, VisaRid, 0x92, Modulus(9), new EmvDate(2030, 12, 31));
        var open = Key(CaPublicKeySet.Test, VisaRid, 0x93, Modulus(10), EmvDate.None);
        store.Add(expiring);
        store.Add(open);

        Assert.Equal(CaPublicKeyStatus.Found, store.Lookup(VisaRid, 0, 0x92, new EmvDate(2030, 12, 31), out var k1));
        Assert.Same(expiring, k1);
        Assert.Equal(CaPublicKeyStatus.Expired, store.Lookup(VisaRid, 0, 0x92, new EmvDate(2031, 1, 1), out var k2));
        Assert.Null(k2);
        // Without expiry date a key never expires.
        Assert.Equal(CaPublicKeyStatus.Found, store.Lookup(VisaRid, 0, 0x93, new EmvDate(2099, 12, 31), out var k3));
        Assert.Same(open, k3);
        Assert.Equal(CaPublicKeyStatus.Missing, store.Lookup(VisaRid, 0, 0x99, new EmvDate(2030, 1, 1), out var k4));
        Assert.Null(k4);
        // Find ignores expiry (management view).
        Assert.Same(expiring, store.Find(VisaRid, 0, 0x92));
        Assert.Throws<ArgumentException>(() => store.Lookup(VisaRid, 0, 0x92, EmvDate.None, out _));
    }

    public static TheoryData<string, Func<CaPublicKey>> InvalidKeys => new()
    {
        { "rid", () => new CaPublicKey(CaPublicKeySet.Test, new byte[4], 1, 1, 1, Modulus(1), new byte[] { 3 }, new byte[20], EmvDate.None) },
        { "rid", () => new CaPublicKey(CaPublicKeySet.Test, null, 1, 1, 1, Modulus(1), new byte[] { 3 }, new byte[20], EmvDate.None) },
        { "set", () => new CaPublicKey((CaPublicKeySet)7, VisaRid, 1, 1, 1, Modulus(1), new byte[] { 3 }, new byte[20], EmvDate.None) },
        { "hash-alg", () => new CaPublicKey(CaPublicKeySet.Test, VisaRid, 1, 2, 1, Modulus(1), new byte[] { 3 }, new byte[20], EmvDate.None) },
        { "pk-alg", () => new CaPublicKey(CaPublicKeySet.Test, VisaRid, 1, 1, 0, Modulus(1), new byte[] { 3 }, new byte[20], EmvDate.None) },
        { "modulus", () => new CaPublicKey(CaPublicKeySet.Test, VisaRid, 1, 1, 1, Modulus(1, 63), new byte[] { 3 }, new byte[20], EmvDate.None) },
        { "modulus", () => new CaPublicKey(CaPublicKeySet.Test, VisaRid, 1, 1, 1, Modulus(1, 249), new byte[] { 3 }, new byte[20], EmvDate.None) },
        { "modulus", () => new CaPublicKey(CaPublicKeySet.Test, VisaRid, 1, 1, 1, new byte[128], new byte[] { 3 }, new byte[20], EmvDate.None) },
        { "exponent", () => new CaPublicKey(CaPublicKeySet.Test, VisaRid, 1, 1, 1, Modulus(1), new byte[] { 2 }, new byte[20], EmvDate.None) },
        { "exponent", () => new CaPublicKey(CaPublicKeySet.Test, VisaRid, 1, 1, 1, Modulus(1), new byte[] { 0, 3 }, new byte[20], EmvDate.None) },
        { "exponent", () => new CaPublicKey(CaPublicKeySet.Test, VisaRid, 1, 1, 1, Modulus(1), new byte[] { 1, 0, 3 }, new byte[20], EmvDate.None) },
        { "checksum", () => new CaPublicKey(CaPublicKeySet.Test, VisaRid, 1, 1, 1, Modulus(1), new byte[] { 3 }, new byte[19], EmvDate.None) },
    };

    [Theory]
    [MemberData(nameof(InvalidKeys))]
    public void Malformed_key_fields_give_one_typed_error_naming_the_field(string field, Func<CaPublicKey> create)
    {
        var e = Assert.Throws<CaPublicKeyException>(create);
        Assert.Equal(CaKeyError.InvalidField, e.Error);
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void Key_properties_are_copies()
    {
        var key = Key(CaPublicKeySet.Test, 0x94, seed: 11);
        key.Modulus[0] = 0;
        key.Rid[0] = 0;
        Assert.NotEqual(0, key.Modulus[0]);
        Assert.Equal(0xA0, key.Rid[0]);
        Assert.Equal("RID A000000003 index 94 (test)", key.ToString());
    }

    [Fact]
    public void Revocation_list_finds_exactly_the_listed_rid_index_and_serial()
    {
        var store = TestStore();
        store.Revocations.Add(VisaRid, 0x94, new byte[] { 0x03, 0xDA, 0x0A });
        Assert.True(store.Revocations.IsRevoked(VisaRid, 0, 0x94, new byte[] { 0x03, 0xDA, 0x0A }, 0));
        // Serial read from inside a recovered certificate, RID read from an AID.
        Assert.True(store.Revocations.IsRevoked(Convert.FromHexString("A0000000031010"), 0, 0x94, new byte[] { 0xFF, 0x03, 0xDA, 0x0A }, 1));
        Assert.False(store.Revocations.IsRevoked(VisaRid, 0, 0x94, new byte[] { 0x03, 0xDA, 0x0B }, 0));
        Assert.False(store.Revocations.IsRevoked(VisaRid, 0, 0x95, new byte[] { 0x03, 0xDA, 0x0A }, 0));
        Assert.False(store.Revocations.IsRevoked(Convert.FromHexString("A000000004"), 0, 0x94, new byte[] { 0x03, 0xDA, 0x0A }, 0));
        Assert.False(store.Revocations.IsRevoked(VisaRid, 0, 0x94, new byte[] { 0x03, 0xDA }, 0));
        var dup = Assert.Throws<CaPublicKeyException>(() => store.Revocations.Add(VisaRid, 0x94, new byte[] { 0x03, 0xDA, 0x0A }));
        Assert.Equal(CaKeyError.Duplicate, dup.Error);
        var bad = Assert.Throws<CaPublicKeyException>(() => store.Revocations.Add(VisaRid, 0x94, new byte[] { 0x03, 0xDA }));
        Assert.Equal("serial", bad.Field);
        Assert.Equal(1, store.Revocations.Count);
    }
}
