using System.Reflection;
using Terminal.EmvKernel.Kernel;

namespace Terminal.Tests.HostLink.Session;

/// <summary>
/// A kernel <see cref="OnlineRequest"/> made by hand (its constructor is the kernel's own, internal: the tests
/// call it by reflection so that no kernel run is needed to feed the host link).
/// </summary>
internal static class KernelData
{
    public static OnlineRequest OnlineRequest(string iccHex, string panHex, string psnHex, string expiryHex, string track2Hex, bool onlinePin)
        => OnlineRequest(Convert.FromHexString(iccHex), panHex, psnHex, expiryHex, track2Hex, onlinePin);

    public static OnlineRequest OnlineRequest(byte[] icc, string panHex, string psnHex, string expiryHex, string track2Hex, bool onlinePin)
    {
        ConstructorInfo ctor = typeof(OnlineRequest).GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance)
            .Single(c => c.GetParameters().Length == 7);
        return (OnlineRequest)ctor.Invoke(new object[]
        {
            icc, Hex(panHex), Hex(psnHex), Hex(expiryHex), Hex(track2Hex), new byte[] { 0x80 }, onlinePin,
        });
    }

    private static byte[] Hex(string h) => h == null ? null : Convert.FromHexString(h);
}
