using Terminal.EmvKernel.Crypto;

namespace Terminal.Tests.Oda;

/// <summary>The crypto provider the CAPK and ODA tests run the code under test with.</summary>
internal static class OdaTestCrypto
{
    /// <summary>
    /// The provider under test. TEMPORARY: the BCL-backed test-only provider, until PortableCryptoProvider and the
    /// portable RSA are on main; then this becomes <c>new PortableCryptoProvider()</c>.
    /// </summary>
    public static readonly ICryptoProvider Provider = new TestOnlyBclProvider();
}
