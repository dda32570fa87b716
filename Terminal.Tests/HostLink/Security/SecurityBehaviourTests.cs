using CsCheck;
using Terminal.EmvKernel.Crypto;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.Firmware.Core.HostLink.Security;
using Terminal.Tests.Tlv;
using Xunit;
using static Terminal.Tests.HostLink.Security.SecurityTestSupport;

namespace Terminal.Tests.HostLink.Security;

/// <summary>KSN exhaustion, PIN wiping, typed errors without secrets, master/session keys, PIN block fuzzing.</summary>
public class SecurityBehaviourTests
{
    private static readonly byte[] Ipek = Convert.FromHexString("6AC292FAA1315B4D858AB3A3D7D5933A");
    private static readonly byte[] InitialKsn = Convert.FromHexString("FFFF9876543210E00000");

    [Fact]
    public void TdesCounterStopsAfterTheLastTenBitCounter()
    {
        // 0x1FF800: the ten highest of the 21 bits; adding its lowest set bit overflows (X9.24-1 A.2).
        Assert.Equal(-1, TdesDukpt.NextCounter(0x1FF800));
        Assert.Equal(0x1FFC00, 0x1FF800 + 0x400); // not usable: 11 one-bits
        Assert.False(TdesDukpt.IsUsableCounter(0x1FFC00));
        Assert.Equal(0x1FF800, TdesDukpt.NextCounter(0x1FF400)); // 10 one-bits: add the lowest set bit
    }

    [Fact]
    public void AesCounterStopsAfterTheLastSixteenBitCounter()
    {
        Assert.False(AesDukpt.TryNextCounter(0xFFFF0000, out _));
        Assert.True(AesDukpt.TryNextCounter(0xFFFE8000, out uint next));
        Assert.Equal(0xFFFF0000u, next);
        Assert.True(AesDukpt.TryNextCounter(0x0001FFFE, out next));
        Assert.Equal(0x00020000u, next);
    }

    [Fact]
    public void TdesTerminalMatchesDirectDerivationAcrossRestarts()
    {
        var terminal = new TdesDukptTerminal();
        terminal.LoadInitialKey(Ipek, InitialKsn);
        for (int t = 1; t <= 600; t++)
        {
            if (t % 97 == 0)
            {
                // Power cycle: the state goes to storage and comes back into a fresh instance.
                var restored = new TdesDukptTerminal();
                restored.ImportState(terminal.ExportState());
                terminal = restored;
            }
            byte[] key = terminal.NextTransaction(out byte[] ksn);
            Assert.True(TdesDukpt.IsUsableCounter(TdesDukpt.Counter(ksn)));
            // The direct derivation is itself checked against X9.24-1 A.4.
            Assert.Equal(Hex(TdesDukpt.DeriveTransactionKey(Ipek, ksn)), Hex(key));
        }
    }

    [Fact]
    public void TdesTerminalEndsWithTypedExhaustion()
    {
        // A stored state after counter 0x1FF400 whose only register (bit 11) holds the key of 0x1FF800, the last
        // usable counter (ten highest bits). Built with the direct derivation, loaded through ImportState.
        byte[] last = TdesDukpt.DeriveTransactionKey(Ipek, TdesDukpt.WithCounter(InitialKsn, 0x1FF800));
        var state = new List<byte>();
        state.AddRange(new byte[] { 0, 0, 0, 0, 0, 0x1F, 0xF4, 0x00, 10 });
        state.AddRange(InitialKsn);
        for (int j = 0; j < 21; j++)
        {
            if (j == 11) { state.Add(16); state.AddRange(last); }
            else state.Add(0);
        }
        var terminal = new TdesDukptTerminal();
        terminal.ImportState(state.ToArray());
        Assert.True(terminal.CanTransact);
        byte[] key = terminal.NextTransaction(out byte[] ksn);
        Assert.Equal("FFFF9876543210FFF800", Hex(ksn));
        Assert.Equal(Hex(last), Hex(key));
        Assert.False(terminal.CanTransact);
        var e = Assert.Throws<SecurityException>(() => terminal.NextTransaction(out _));
        Assert.Equal(SecurityError.KsnExhausted, e.Error);
        Assert.Equal(SecurityError.KsnExhausted, Assert.Throws<SecurityException>(() => terminal.NextTransaction(out _)).Error);
    }

    [Fact]
    public void AesTerminalEndsWithTypedExhaustion()
    {
        byte[] ik = Convert.FromHexString("1273671EA26AC29AFA4D1084127652A1");
        byte[] ikid = Convert.FromHexString("1234567890123456");
        // Last usable counter FFFF0000 (16 one-bits); the state after FFFE8000 keeps it in register 16.
        byte[] last = AesDukpt.DeriveTransactionKey(ik, AesDukpt.MakeKsn(ikid, 0xFFFF0000));
        var state = new List<byte>();
        state.AddRange(new byte[] { 0, 0, 0, 0, 0xFF, 0xFE, 0x80, 0x00, 12 });
        state.AddRange(AesDukpt.MakeKsn(ikid, 0));
        for (int j = 0; j < 32; j++)
        {
            if (j == 16) { state.Add(16); state.AddRange(last); }
            else state.Add(0);
        }
        var terminal = new AesDukptTerminal();
        terminal.ImportState(state.ToArray());
        Assert.Equal(Hex(last), Hex(terminal.NextTransaction(out byte[] ksn)));
        Assert.Equal("1234567890123456FFFF0000", Hex(ksn));
        Assert.Equal(SecurityError.KsnExhausted, Assert.Throws<SecurityException>(() => terminal.NextTransaction(out _)).Error);
    }

    [Fact]
    public void MalformedStateIsRejectedWithTheTypedError()
    {
        var terminal = new TdesDukptTerminal();
        terminal.LoadInitialKey(Ipek, InitialKsn);
        byte[] good = terminal.ExportState();
        var rng = new Random(24);
        for (int i = 0; i < 2000; i++)
        {
            byte[] s = i % 2 == 0 ? good.Take(rng.Next(good.Length)).ToArray() : (byte[])good.Clone();
            if (i % 2 == 1) s[rng.Next(Math.Min(40, s.Length))] ^= (byte)(1 + rng.Next(255));
            try { new TdesDukptTerminal().ImportState(s); }
            catch (SecurityException) { }
        }
        Assert.Equal(SecurityError.BadKsn, Assert.Throws<SecurityException>(() => new TdesDukptTerminal().ImportState(good.Take(good.Length - 1).ToArray())).Error);
    }

    [Fact]
    public void TerminalRefusesBeforeTheInitialKeyLoad()
    {
        Assert.Equal(SecurityError.NoInitialKey, Assert.Throws<SecurityException>(() => new TdesDukptTerminal().NextTransaction(out _)).Error);
        Assert.Equal(SecurityError.NoInitialKey, Assert.Throws<SecurityException>(() => new AesDukptTerminal().NextTransaction(out _)).Error);
        Assert.Equal(SecurityError.BadKsn, Assert.Throws<SecurityException>(() => new TdesDukptTerminal().LoadInitialKey(Ipek, Convert.FromHexString("FFFF9876543210E00001"))).Error);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void PinBufferIsWipedOnSuccessAndOnError(int format)
    {
        byte[] pin = { 1, 2, 3, 4, 5 };
        PinBlock.Encode(format, pin, "4012345678909", new FixedRandom(new byte[] { 3 }));
        Assert.All(pin, b => Assert.Equal(0, b));
        byte[] bad = { 1, 2, 3, 4, 10 };
        var e = Assert.Throws<SecurityException>(() => PinBlock.Encode(format, bad, "4012345678909", new FixedRandom(new byte[] { 3 })));
        Assert.Equal(SecurityError.PinDigits, e.Error);
        Assert.All(bad, b => Assert.Equal(0, b));
        byte[] forBadPan = { 9, 8, 7, 6 };
        if (format == 0 || format == 3)
        {
            Assert.Equal(SecurityError.BadPan, Assert.Throws<SecurityException>(() => PinBlock.Encode(format, forBadPan, "40123X5678909", new FixedRandom(new byte[] { 3 }))).Error);
            Assert.All(forBadPan, b => Assert.Equal(0, b));
        }
    }

    [Fact]
    public void Format4AndDukptPinFunctionsWipeThePin()
    {
        byte[] pin = { 9, 8, 7, 6 };
        PinBlockFormat4.Encipher(new byte[16], pin, "4111111111111111", new FixedRandom(new byte[] { 1 }));
        Assert.All(pin, b => Assert.Equal(0, b));
        pin = new byte[] { 9, 8, 7, 6 };
        Assert.Throws<SecurityException>(() => PinBlockFormat4.Encipher(new byte[15], pin, "4111111111111111", new FixedRandom(new byte[] { 1 })));
        Assert.All(pin, b => Assert.Equal(0, b));
        pin = new byte[] { 9, 8, 7, 6 };
        TdesDukpt.EncryptPinBlock(TdesDukpt.PinKey(TdesDukpt.DeriveTransactionKey(Ipek, Convert.FromHexString("FFFF9876543210E00001"))), pin, "4012345678909");
        Assert.All(pin, b => Assert.Equal(0, b));
        pin = new byte[] { 9, 8, 7, 6 };
        Assert.Throws<SecurityException>(() => TdesDukpt.EncryptPinBlock(new byte[8], pin, "4012345678909"));
        Assert.All(pin, b => Assert.Equal(0, b));
    }

    [Fact]
    public void ErrorMessagesCarryNoPinOrKey()
    {
        byte[] pin = { 7, 3, 9, 1, 5, 8 };
        var e = Assert.Throws<SecurityException>(() => PinBlock.Decode(0, PinBlock.Encode(2, (byte[])pin.Clone(), null, null), "4012345678909"));
        Assert.DoesNotContain("739158", e.Message);
        byte[] tmk = Convert.FromHexString("0123456789ABCDEFFEDCBA9876543210");
        var store = new MasterSessionKeys();
        store.LoadMasterKey(tmk);
        byte[] pik = Convert.FromHexString("1111111111111111");
        byte[] field62 = UnionPayWorkingKeys.Compose(DesCipher.Encrypt(tmk, null, pik, 0, 8), new byte[4], DesCipher.Encrypt(tmk, null, pik, 0, 8), MasterSessionKeys.CheckValue(pik), null, null);
        var bad = Assert.Throws<SecurityException>(() => store.InstallWorkingKeys(UnionPayWorkingKeys.Parse(field62)));
        Assert.Equal(SecurityError.WorkingKeyCheckFailed, bad.Error);
        Assert.Contains("PIN key", bad.Message);
        foreach (string secret in new[] { Hex(tmk), Hex(pik), "1111", Hex(MasterSessionKeys.CheckValue(pik)) })
            Assert.DoesNotContain(secret, bad.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void KeyCheckValueIsTheEncipheredZeroBlock()
    {
        // host-and-crypto.md §5: key 0123456789ABCDEFFEDCBA9876543210 has KCV 08D7B4...; BCL TDES as the oracle for the 4th byte.
        byte[] key = Convert.FromHexString("0123456789ABCDEFFEDCBA9876543210");
        using var tdes = System.Security.Cryptography.TripleDES.Create();
        tdes.Key = key.Concat(key.Take(8)).ToArray();
        byte[] oracle = tdes.EncryptEcb(new byte[8], System.Security.Cryptography.PaddingMode.None);
        Assert.Equal("08D7B4", Hex(MasterSessionKeys.CheckValue(key)).Substring(0, 6));
        Assert.Equal(Hex(oracle.Take(4).ToArray()), Hex(MasterSessionKeys.CheckValue(key)));
    }

    [Fact]
    public void WorkingKeysAreDecipheredCheckedAndUsed()
    {
        byte[] tmk = Convert.FromHexString("0123456789ABCDEFFEDCBA9876543210");
        byte[] pik = Convert.FromHexString("404142434445464748494A4B4C4D4E4F");
        byte[] mak = Convert.FromHexString("0123456789ABCDEFFEDCBA9876543210");
        byte[] tdk = Convert.FromHexString("89ABCDEF0123456776543210FEDCBA98");
        using var tdes = System.Security.Cryptography.TripleDES.Create();
        tdes.Key = tmk.Concat(tmk.Take(8)).ToArray();
        byte[] Wrap(byte[] k) => tdes.EncryptEcb(k, System.Security.Cryptography.PaddingMode.None);
        byte[] Kcv(byte[] k)
        {
            using var t = System.Security.Cryptography.TripleDES.Create();
            t.Key = k.Concat(k.Take(8)).ToArray();
            return t.EncryptEcb(new byte[8], System.Security.Cryptography.PaddingMode.None).Take(4).ToArray();
        }
        byte[] f62 = UnionPayWorkingKeys.Compose(Wrap(pik), Kcv(pik), Wrap(mak), Kcv(mak), Wrap(tdk), Kcv(tdk));
        var store = new MasterSessionKeys();
        Assert.Equal(SecurityError.NoInitialKey, Assert.Throws<SecurityException>(() => store.InstallWorkingKeys(UnionPayWorkingKeys.Parse(f62))).Error);
        store.LoadMasterKey(tmk);
        Assert.Equal(SecurityError.NoWorkingKeys, Assert.Throws<SecurityException>(() => store.ComputeMac(MessageMacAlgorithm.RetailMac, new byte[8], 0, 8)).Error);
        store.InstallWorkingKeys(UnionPayWorkingKeys.Parse(f62));
        Assert.True(store.HasWorkingKeys);
        Assert.True(store.HasTrackKey);

        // PIN block: format 0 (X9.24-1 A.4 clear block 041274EDCBA9876F) under the PIK, BCL TDES as the oracle.
        byte[] pin = { 1, 2, 3, 4 };
        byte[] epb = store.EncryptPinBlock(pin, "4012345678909");
        Assert.All(pin, b => Assert.Equal(0, b));
        using var pinTdes = System.Security.Cryptography.TripleDES.Create();
        pinTdes.Key = pik.Concat(pik.Take(8)).ToArray();
        Assert.Equal("041274EDCBA9876F", Hex(pinTdes.DecryptEcb(epb, System.Security.Cryptography.PaddingMode.None)));

        // MAC under the MAK: MAK = the X9.19 key of crypto vectors? Check against an independent retail MAC over the BCL DES.
        byte[] data = System.Text.Encoding.ASCII.GetBytes("0200 message bytes for the MAC!");
        Assert.Equal(Hex(RetailMacOracle(mak, data)), Hex(store.ComputeMac(MessageMacAlgorithm.RetailMac, data, 0, data.Length)));
        Assert.Equal(SecurityError.BadMacAlgorithm, Assert.Throws<SecurityException>(() => store.ComputeMac(MessageMacAlgorithm.AesCmac, data, 0, data.Length)).Error);

        byte[] track = Convert.FromHexString("4012345678909D9871011234567890FF");
        using var tdkTdes = System.Security.Cryptography.TripleDES.Create();
        tdkTdes.Key = tdk.Concat(tdk.Take(8)).ToArray();
        Assert.Equal(Hex(tdkTdes.EncryptEcb(track, System.Security.Cryptography.PaddingMode.None)), Hex(store.EncryptTrackData(track, 0, track.Length)));

        // A tampered MAC key check value: rejected, previous keys stay installed.
        byte[] badMakKcv = Kcv(mak);
        badMakKcv[3] ^= 1;
        byte[] bad = UnionPayWorkingKeys.Compose(Wrap(pik), Kcv(pik), Wrap(mak), badMakKcv, null, null);
        var e = Assert.Throws<SecurityException>(() => store.InstallWorkingKeys(UnionPayWorkingKeys.Parse(bad)));
        Assert.Equal(SecurityError.WorkingKeyCheckFailed, e.Error);
        Assert.Contains("MAC key", e.Message);
        Assert.True(store.HasTrackKey);
        Assert.Equal(Hex(RetailMacOracle(mak, data)), Hex(store.ComputeMac(MessageMacAlgorithm.RetailMac, data, 0, data.Length)));
    }

    /// <summary>ISO 9797-1 algorithm 3, padding 1, written here over the BCL single DES.</summary>
    private static byte[] RetailMacOracle(byte[] key, byte[] data)
    {
        using var des = System.Security.Cryptography.DES.Create();
        byte[] padded = new byte[(data.Length + 7) / 8 * 8];
        Array.Copy(data, padded, data.Length);
        des.Key = key.Take(8).ToArray();
        byte[] h = new byte[8];
        for (int i = 0; i < padded.Length; i += 8)
        {
            for (int j = 0; j < 8; j++) h[j] ^= padded[i + j];
            h = des.EncryptEcb(h, System.Security.Cryptography.PaddingMode.None);
        }
        des.Key = key.Skip(8).ToArray();
        h = des.DecryptEcb(h, System.Security.Cryptography.PaddingMode.None);
        des.Key = key.Take(8).ToArray();
        return des.EncryptEcb(h, System.Security.Cryptography.PaddingMode.None);
    }


    [Fact]
    public void PinBlockDecodersRaiseOnlyTheTypedError()
    {
        var pans = TlvGen.ArrayOf(Gen.Byte[0, 9], 0, 20).Select(a => new string(a.Select(d => (char)('0' + d)).ToArray()));
        var blocks = Gen.Int[0, 4].SelectMany(f => TlvGen.ArrayOf(Gen.Byte, f == 4 ? 15 : 7, f == 4 ? 17 : 9));
        var gen = Gen.Select(Gen.Int[0, 4], blocks, pans, TlvGen.ArrayOf(Gen.Byte, 16, 16));
        gen.Sample((format, block, pan, key) =>
        {
            try
            {
                byte[] pin = format == 4 ? PinBlockFormat4.Decipher(key, block, pan) : PinBlock.Decode(format, block, pan);
                Assert.InRange(pin.Length, 4, 12);
                Assert.All(pin, d => Assert.InRange(d, (byte)0, (byte)9));
            }
            catch (SecurityException)
            {
            }
        }, iter: Math.Max(1, FuzzIterations.Value / 10));
    }
}
