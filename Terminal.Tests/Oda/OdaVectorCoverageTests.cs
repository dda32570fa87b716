using Terminal.Tests.Support;
using Xunit;

namespace Terminal.Tests.Oda;

/// <summary>Every file of shared/vectors/oda and shared/vectors/capk, and every ODA case, is used by a test.</summary>
public class OdaVectorCoverageTests
{
    [SkippableTheory]
    [InlineData("oda")]
    [InlineData("capk")]
    public void Every_vector_file_in_the_folder_is_consumed(string folder)
    {
        var files = SharedVectors.FilesIn(folder).Select(f => folder + "/" + f).ToArray();
        var consumed = OdaVectors.Consumed.Keys.Where(k => k.StartsWith(folder + "/")).OrderBy(k => k).ToArray();
        Assert.Equal(consumed, files);
    }

    [SkippableTheory]
    [InlineData(OdaVectors.Visa)]
    [InlineData(OdaVectors.Mastercard)]
    public void Every_case_of_the_oda_files_is_handled(string file)
    {
        var ids = SharedVectors.Cases(file).Select(c => c.Str("id")).OrderBy(i => i).ToArray();
        Assert.Equal(OdaVectors.Consumed[file].OrderBy(i => i).ToArray(), ids);
    }
}
