using Terminal.EmvKernel.Crypto;

namespace Terminal.Tests.Oda;

/// <summary>
/// The crypto provider the CAPK and ODA code is tested with: the project's own portable SHA-1 and RSA
/// (<see cref="PortableCryptoProvider"/>), the one that runs on the device. Expected values come from the
/// vectors or from the BCL (test-side oracle), never from this provider.
/// </summary>
internal static class OdaTestCrypto
{
    public static readonly ICryptoProvider Provider = new PortableCryptoProvider();
}
