using Xunit;
using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Util;
using Terminal.Tests.Support;
using static Terminal.Tests.Kernel.KernelTestSupport;

namespace Terminal.Tests.Kernel;

/// <summary>
/// The public contact Visa transcript (binaryfoo, shared/vectors/transcripts/contact-visa-in.txt) replayed through
/// the first kernel steps: every SELECT, GPO and READ RECORD must equal the recorded command byte for byte.
/// The recorded terminal used the list of AIDs (no PSE) with A0000000031010, exact match.
/// </summary>
public class TranscriptKernelTests
{
    private static ReplayChannel Load() =>
        new(TranscriptReader.Parse(File.ReadAllText(SharedVectors.PathOf("transcripts/contact-visa-in.txt"))));

    private static Flow NewFlow(ReplayChannel channel) => new(channel, Aids(false, Visa), usePse: false);

    [SkippableFact]
    public void First_pass_ends_typed_at_the_broken_record_and_the_restart_reads_every_record()
    {
        ReplayChannel channel = Load();

        // Pass 1: SELECT (step 1), GPO (step 2), READ RECORD SFI 1 record 1 (step 3) answers '00000000', which
        // has no valid status word: the session ends with a typed outcome, not an escaping exception.
        var e = Terminated(() => NewFlow(channel).Run());
        Assert.Equal(KernelTerminationReason.InvalidCardResponse, e.Reason);
        Assert.Null(channel.Failure);
        Assert.Equal(3, channel.Position);

        // The recorded terminal went on reading SFI 2 record 1 and SFI 3 records 3-4 (steps 4-6) before it
        // restarted; this kernel stopped, so the test plays those three steps itself.
        foreach (string command in new[] { "00B2011400", "00B2031C00", "00B2041C00" }) channel.Transmit(Hex.Decode(command));
        Assert.Equal(6, channel.Position);

        // Pass 2 (steps 7-12): the same SELECT / GPO / READ RECORD sequence, now with a good SFI 1 record.
        Flow flow = NewFlow(channel).Run();
        Assert.Null(channel.Failure);
        Assert.Equal(12, channel.Position);
        // Format 1: AIP 1C00, AFL 08010100 10010100 18030400 (SFI 1 r1, SFI 2 r1, SFI 3 r3-4; none for ODA).
        Assert.Equal("1C00", Hex.Encode(flow.Options.Aip));
        Assert.Equal(3, flow.Options.Afl.Count);
        Assert.Equal(4, flow.Data.RecordsRead);
        Assert.Empty(flow.Data.StaticDataToBeAuthenticated);
        Assert.Equal("4761340000000050", Hex.Encode(flow.CardData.Get(0x5A)));
        Assert.Equal("171231", Hex.Encode(flow.CardData.Get(0x5F24)));
        Assert.Equal("564953412054455354", Hex.Encode(flow.CardData.Get(0x50))); // "VISA TEST"
        Assert.Equal("0702", Hex.Encode(flow.CardData.Get(0x5F28))); // issuer country code
        // The next recorded command is GET DATA 9F17 (PIN try counter), outside these steps.
        Assert.Equal("80CA9F1700", Hex.Encode(TranscriptReader.Parse(File.ReadAllText(SharedVectors.PathOf("transcripts/contact-visa-in.txt")))[12].Command));
    }
}
