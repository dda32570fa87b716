using Terminal.EmvKernel.Apdu;
using Terminal.Tests.Support;
using Xunit;
using static Terminal.Tests.Apdu.ApduTestSupport;

namespace Terminal.Tests.Apdu;

/// <summary>
/// Both recorded transcripts replayed through <see cref="ReplayChannel"/> and <see cref="ApduTransport"/>: every
/// recorded command, re-parsed and re-encoded, is accepted byte for byte and gets exactly the recorded response.
/// The broken Visa READ RECORD answer (00000000) gives the typed error.
/// </summary>
public class ReplayChannelTests
{
    private static Transcript Load(string file) => TranscriptReader.Parse(File.ReadAllText(SharedVectors.PathOf("transcripts/" + file)));

    [SkippableTheory]
    [InlineData("contact-visa-in.txt", 3)]        // step 3 = lines 5-6, the broken response
    [InlineData("contactless-mastercard-in.txt", 0)]
    public void Transcript_replays_byte_for_byte_through_the_transport(string file, int brokenStep)
    {
        var transcript = Load(file);
        var channel = new ReplayChannel(transcript);
        var transport = new ApduTransport(channel);
        for (int i = 0; i < transcript.Count; i++)
        {
            var command = CommandApdu.Parse(transcript[i].Command);
            Assert.Equal(transcript[i].Command, command.Encode());
            if (i + 1 == brokenStep)
            {
                var e = Assert.Throws<ApduException>(() => transport.Exchange(command));
                Assert.Equal(ApduError.InvalidStatusWord, e.Reason);
                continue;
            }
            var response = transport.Exchange(command);
            Assert.Equal(transcript[i].Response, response.Encode());
        }
        channel.VerifyComplete();
        Assert.True(channel.IsComplete);
        Assert.Equal(transcript.Count, transport.Trace.Count);
        for (int i = 0; i < transcript.Count; i++)
        {
            Assert.Equal(transcript[i].Command, transport.Trace[i].Command);
            Assert.Equal(transcript[i].Response, transport.Trace[i].Response);
        }
    }

    [SkippableFact]
    public void Visa_transcript_commands_are_the_emv_command_factories()
    {
        // The kernel's factories produce the recorded commands exactly (Book 1, 11; Book 3, 6.5).
        var t = Load("contact-visa-in.txt");
        Assert.Equal(t[0].Command, EmvCommands.SelectByName(H("A0000000031010"), false).Encode());
        Assert.Equal(t[1].Command, EmvCommands.GetProcessingOptions(null).Encode());
        Assert.Equal(t[2].Command, EmvCommands.ReadRecord(1, 1).Encode());
        Assert.Equal(t[3].Command, EmvCommands.ReadRecord(2, 1).Encode());
        Assert.Equal(t[4].Command, EmvCommands.ReadRecord(3, 3).Encode());
        Assert.Equal(t[5].Command, EmvCommands.ReadRecord(3, 4).Encode());
        Assert.Equal(t[12].Command, EmvCommands.GetData(0x9F17).Encode());
        Assert.Equal(t[14].Command, EmvCommands.ExternalAuthenticate(H("1122334455667788")).Encode());
    }

    [Fact]
    public void Unexpected_command_names_step_expected_and_actual()
    {
        var channel = new ReplayChannel(Script("00A4040007A000000003101000", "9000", "80A8000002830000", "9000"));
        channel.Transmit(H("00A4040007A000000003101000"));
        var e = Assert.Throws<ReplayMismatchException>(() => channel.Transmit(H("00B2010C00")));
        Assert.Equal(2, e.Step);
        Assert.Equal(H("80A8000002830000"), e.Expected);
        Assert.Equal(H("00B2010C00"), e.Actual);
        Assert.Equal("transcript step 2: expected 80A8000002830000, terminal sent 00B2010C00", e.Message);
        Assert.Same(e, channel.Failure);
        // Every later command fails with the same mismatch, even the right one.
        Assert.Same(e, Assert.Throws<ReplayMismatchException>(() => channel.Transmit(H("80A8000002830000"))));
        Assert.Same(e, Assert.Throws<ReplayMismatchException>(() => channel.VerifyComplete()));
    }

    [Fact]
    public void Mismatch_is_not_an_apdu_exception_so_card_error_handling_cannot_hide_it()
    {
        Assert.False(typeof(ApduException).IsAssignableFrom(typeof(ReplayMismatchException)));
        var channel = new ReplayChannel(Script("0084000000", "9000"));
        try
        {
            new ApduTransport(channel).Exchange(EmvCommands.GetData(0x9F36));
        }
        catch (ReplayMismatchException)
        {
            // code under test might catch everything; the failure is still recorded
        }
        Assert.NotNull(channel.Failure);
        Assert.Throws<ReplayMismatchException>(() => channel.VerifyComplete());
    }

    [Fact]
    public void Command_after_the_end_is_a_mismatch()
    {
        var channel = new ReplayChannel(Script("0084000000", "9000"));
        channel.Transmit(H("0084000000"));
        var e = Assert.Throws<ReplayMismatchException>(() => channel.Transmit(H("0084000000")));
        Assert.Equal(2, e.Step);
        Assert.Null(e.Expected);
        Assert.Contains("expected end of transcript", e.Message);
    }

    [Fact]
    public void Unused_steps_fail_verification()
    {
        var channel = new ReplayChannel(Script("0084000000", "9000", "80CA9F1700", "9F1701109000"));
        channel.Transmit(H("0084000000"));
        Assert.False(channel.IsComplete);
        var e = Assert.Throws<ReplayMismatchException>(() => channel.VerifyComplete());
        Assert.Equal(2, e.Step);
        Assert.Null(e.Actual);
        Assert.Equal("transcript step 2: expected 80CA9F1700, terminal sent nothing", e.Message);
    }

    [Fact]
    public void Pin_block_of_verify_is_withheld_from_the_message()
    {
        var channel = new ReplayChannel(Script("0020008008241234FFFFFFFFFF", "9000"));
        var e = Assert.Throws<ReplayMismatchException>(() => channel.Transmit(H("0020008008249876FFFFFFFFFF")));
        Assert.DoesNotContain("1234", e.Message);
        Assert.DoesNotContain("9876", e.Message);
        Assert.Equal("transcript step 1: expected 0020008008<8 bytes withheld>, terminal sent 0020008008<8 bytes withheld>", e.Message);
        Assert.Equal(H("0020008008249876FFFFFFFFFF"), e.Actual);
    }

    [Fact]
    public void Recorded_response_cannot_be_changed_through_a_returned_copy()
    {
        var transcript = Script("0084000000", "01020304050607089000");
        byte[] first = new ReplayChannel(transcript).Transmit(H("0084000000"));
        first[0] = 0xFF;
        Assert.Equal(H("01020304050607089000"), new ReplayChannel(transcript).Transmit(H("0084000000")));
    }

    [Fact]
    public void Card_removal_can_be_scripted()
    {
        var channel = new ReplayChannel(Script("0084000000", "9000", "0084000000", "9000"));
        channel.RemoveCardBeforeStep(2);
        channel.Transmit(H("0084000000"));
        Assert.Equal(CardRemovedReason.Removed, Assert.Throws<CardRemovedException>(() => channel.Transmit(H("0084000000"))).Reason);
        Assert.Null(channel.Failure);
    }
}
