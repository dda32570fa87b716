using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Util;

namespace Terminal.Tests.Apdu;

/// <summary>Small helpers shared by the APDU tests.</summary>
internal static class ApduTestSupport
{
    /// <summary>A transcript from alternating command/response hex strings (a scripted card).</summary>
    public static Transcript Script(params string[] hexLines)
    {
        if (hexLines.Length % 2 != 0) throw new ArgumentException("pairs of command and response");
        var transcript = new Transcript();
        for (int i = 0; i < hexLines.Length; i += 2)
        {
            transcript.Add(new TranscriptStep(Hex.Decode(hexLines[i]), Hex.Decode(hexLines[i + 1])));
        }
        return transcript;
    }

    public static byte[] H(string hex) => Hex.Decode(hex);
}
