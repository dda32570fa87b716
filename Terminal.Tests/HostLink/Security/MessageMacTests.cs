using Terminal.Firmware.Core.HostLink.Security;
using Xunit;
using static Terminal.Tests.HostLink.Security.SecurityTestSupport;

namespace Terminal.Tests.HostLink.Security;

/// <summary>Message MAC options against published values and the BCL.</summary>
public class MessageMacTests
{
    [Fact]
    public void AesCmacMatchesRfc4493()
    {
        // RFC 4493 example 2 (also host-and-crypto.md §1.1).
        byte[] key = Convert.FromHexString("2B7E151628AED2A6ABF7158809CF4F3C");
        byte[] msg = Convert.FromHexString("6BC1BEE22E409F96E93D7E117393172A");
        byte[] mac = MessageMac.Compute(MessageMacAlgorithm.AesCmac, key, msg, 0, msg.Length);
        Assert.Equal("070A16B46B4D4144F79BDD9DD04A287C", Hex(mac));
        Assert.True(MessageMac.Verify(MessageMacAlgorithm.AesCmac, key, msg, 0, msg.Length, mac.Take(8).ToArray()));
        mac[2] ^= 0x40;
        Assert.False(MessageMac.Verify(MessageMacAlgorithm.AesCmac, key, msg, 0, msg.Length, mac.Take(8).ToArray()));
        Assert.False(MessageMac.Verify(MessageMacAlgorithm.AesCmac, key, msg, 0, msg.Length, new byte[3]));
    }

    [Fact]
    public void SingleDesCbcMacMatchesTheBcl()
    {
        byte[] key = Convert.FromHexString("0123456789ABCDEF");
        byte[] data = System.Text.Encoding.ASCII.GetBytes("0200 field data up to field 63");
        using var des = System.Security.Cryptography.DES.Create();
        des.Key = key;
        byte[] padded = new byte[(data.Length + 7) / 8 * 8];
        Array.Copy(data, padded, data.Length);
        byte[] cbc = des.EncryptCbc(padded, new byte[8], System.Security.Cryptography.PaddingMode.None);
        Assert.Equal(Hex(cbc.Skip(cbc.Length - 8).ToArray()), Hex(MessageMac.Compute(MessageMacAlgorithm.CbcMac, key, data, 0, data.Length)));
    }

    [Fact]
    public void WrongKeyLengthsGiveTheTypedError()
    {
        byte[] data = new byte[8];
        Assert.Equal(SecurityError.BadKeyLength, Assert.Throws<SecurityException>(() => MessageMac.Compute(MessageMacAlgorithm.RetailMac, new byte[8], data, 0, 8)).Error);
        Assert.Equal(SecurityError.BadKeyLength, Assert.Throws<SecurityException>(() => MessageMac.Compute(MessageMacAlgorithm.AesCmac, new byte[8], data, 0, 8)).Error);
        Assert.Equal(SecurityError.BadKeyLength, Assert.Throws<SecurityException>(() => MessageMac.Compute(MessageMacAlgorithm.TdesCmac, new byte[8], data, 0, 8)).Error);
        Assert.Equal(SecurityError.BadMacAlgorithm, Assert.Throws<SecurityException>(() => MessageMac.Compute((MessageMacAlgorithm)99, new byte[16], data, 0, 8)).Error);
        Assert.Equal(SecurityError.BadKeyLength, Assert.Throws<SecurityException>(() => AesDukpt.DeriveInitialKey(new byte[10], new byte[8])).Error);
        Assert.Equal(SecurityError.BadKsn, Assert.Throws<SecurityException>(() => TdesDukpt.DeriveTransactionKey(new byte[16], new byte[9])).Error);
    }
}
