using System.Collections.Generic;
using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.App;
using Terminal.Firmware.Core.Hardware;
using Xunit;

namespace Terminal.Tests.App;

/// <summary>
/// The terminal's DUKPT counter survives a restart: X9.24-1 uses each KSN once, so reloading the injected initial
/// key at every boot (counter back to 1) would repeat KSNs and PIN keys.
/// </summary>
public class DukptPersistenceTests
{
    // ANSI X9.24-1 test key: BDK 0123456789ABCDEFFEDCBA9876543210, initial KSN FFFF9876543210E00000
    // -> IPEK 6AC292FAA1315B4D858AB3A3D7D5933A; the first transaction uses counter 1 (X9.24-1 A.2).
    private static readonly byte[] Ipek = Hex.Decode("6AC292FAA1315B4D858AB3A3D7D5933A");
    private static readonly byte[] InitialKsn = Hex.Decode("FFFF9876543210E00000");

    private sealed class Storage : ISettingsStorage
    {
        public readonly Dictionary<string, byte[]> Files = new();
        public byte[] Read(string name) => Files.TryGetValue(name, out var v) ? (byte[])v.Clone() : null!;
        public void Write(string name, byte[] content) => Files[name] = (byte[])content.Clone();
    }

    private static string KsnOfNextPin(OnlinePinCipher cipher)
    {
        cipher.Encipher(new byte[] { 1, 2, 3, 4 }, "4761739001010010", out byte[] ksn);
        return Hex.Encode(ksn);
    }

    [Fact]
    public void After_a_restart_the_counter_continues_where_it_stopped()
    {
        var storage = new Storage();
        var first = new OnlinePinCipher(OnlinePinCipher.LoadDukpt(Ipek, InitialKsn, storage), null, storage);
        Assert.Equal("FFFF9876543210E00001", KsnOfNextPin(first));
        Assert.Equal("FFFF9876543210E00002", KsnOfNextPin(first));
        Assert.True(storage.Files.ContainsKey(OnlinePinCipher.DukptStateFile));

        // Power cycle: the same provisioned key, the saved state resumes at counter 3.
        var second = new OnlinePinCipher(OnlinePinCipher.LoadDukpt(Ipek, InitialKsn, storage), null, storage);
        Assert.Equal("FFFF9876543210E00003", KsnOfNextPin(second));
    }

    [Fact]
    public void A_reinjected_key_with_a_new_initial_ksn_starts_from_its_first_counter()
    {
        var storage = new Storage();
        var old = new OnlinePinCipher(OnlinePinCipher.LoadDukpt(Ipek, InitialKsn, storage), null, storage);
        KsnOfNextPin(old);
        KsnOfNextPin(old);

        byte[] newKsn = Hex.Decode("FFFF9876543211E00000");
        var fresh = new OnlinePinCipher(OnlinePinCipher.LoadDukpt(Ipek, newKsn, storage), null, storage);
        Assert.Equal("FFFF9876543211E00001", KsnOfNextPin(fresh));
    }

    [Fact]
    public void A_corrupt_saved_state_of_the_same_key_is_refused_rather_than_restarting_the_counter()
    {
        var storage = new Storage();
        // Counter 3, KSN length 10, the same initial KSN, then a malformed register.
        byte[] malformed = new byte[9 + 10 + 1];
        malformed[7] = 3; malformed[8] = 10;
        System.Array.Copy(InitialKsn, 0, malformed, 9, 10);
        malformed[19] = 7;   // a register length that is neither 0, 16, 24 nor 32
        storage.Files[OnlinePinCipher.DukptStateFile] = malformed;
        Assert.Throws<Terminal.Firmware.Core.HostLink.Security.SecurityException>(() => OnlinePinCipher.LoadDukpt(Ipek, InitialKsn, storage));
    }
}
