using Terminal.Tests.Support;
using Xunit;

namespace Terminal.Tests.Crypto;

/// <summary>Every file in shared/vectors/crypto is read by a test in this folder; a new file fails here until one does.</summary>
public class CryptoVectorCoverageTests
{
    private static readonly string[] Consumed =
    [
        ShaTests.VectorFile,
        DesTests.VectorFile,
        AesTests.VectorFile,
        CmacTests.VectorFile,
        Iso9797MacTests.VectorFile,
    ];

    [SkippableFact]
    public void Every_crypto_vector_file_has_a_test()
    {
        string[] files = SharedVectors.FilesIn("crypto");
        Assert.NotEmpty(files);
        foreach (string file in files)
        {
            Assert.True(Consumed.Contains("crypto/" + file), "crypto/" + file + " is not read by any test in Terminal.Tests/Crypto");
        }
        foreach (string path in Consumed) Assert.True(File.Exists(SharedVectors.PathOf(path)), path + " is consumed but missing");
    }
}
