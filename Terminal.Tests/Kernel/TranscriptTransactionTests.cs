#nullable enable
using Xunit;
using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Configuration;
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Util;
using Terminal.Tests.Kernel.Scenarios;
using Terminal.Tests.Support;

namespace Terminal.Tests.Kernel;

/// <summary>
/// The public contact Visa transcript (binaryfoo, shared/vectors/transcripts/contact-visa-in.txt, 16 steps) replayed
/// through <see cref="ContactTransaction"/> to completion. The terminal is set up so its data equals the recording's:
/// the CDOL1/CDOL2 data of the recorded GENERATE ACs give amount 10.00 ('9F02' 000000001000), no other amount,
/// country and currency 0036, date 2012-03-16, type 00 and unpredictable number D3173A1F.
/// </summary>
public class TranscriptTransactionTests
{
    /// <summary>A random source that always gives the recorded unpredictable number.</summary>
    private sealed class RecordedUnpredictableNumber : IRandomSource
    {
        private static readonly byte[] Un = Hex.Decode("D3173A1F");
        private int _next;

        public void NextBytes(byte[] buffer, int offset, int length)
        {
            for (int i = 0; i < length; i++) buffer[offset + i] = Un[_next++ % Un.Length];
        }
    }

    /// <summary>Answers with the recorded responses in order and keeps the commands for the byte comparison.</summary>
    private sealed class RecordingReplay(Transcript transcript) : ICardChannel
    {
        public List<byte[]> Commands { get; } = new();
        public int Position => Commands.Count;

        public byte[] Transmit(byte[] command)
        {
            if (Commands.Count >= transcript.Count) throw new InvalidOperationException("command beyond the transcript: " + Hex.Encode(command));
            Commands.Add((byte[])command.Clone());
            return transcript[Commands.Count - 1].Response;
        }
    }

    /// <summary>The recorded host: approves with ARC "00" and issuer authentication data 1122334455667788 (step 15's data).</summary>
    private sealed class RecordedHost : IOnlineAuthoriser
    {
        public int Requests { get; private set; }

        public OnlineResponse Authorise(OnlineRequest request)
        {
            Requests++;
            return new OnlineResponse("00"u8.ToArray(), true) { IssuerAuthenticationData = Hex.Decode("1122334455667788") };
        }
    }

    private sealed class BypassingPinPad : ICardholderVerificationMethods
    {
        public int OfflinePrompts { get; private set; }

        public PinEntryResult EnterOfflinePin(int remainingTries, out byte[] pinDigits)
        {
            OfflinePrompts++;
            pinDigits = null!;
            return PinEntryResult.Bypassed;
        }

        public PinEntryResult EnterOnlinePin() => PinEntryResult.Bypassed;
    }

    private static KernelConfiguration Configuration()
    {
        var terminal = new TerminalParameters
        {
            CountryCode = Hex.Decode("0036"),
            CurrencyCode = Hex.Decode("0036"),
            CurrencyExponent = 2,
            // IC with contacts, magstripe, manual key entry; plaintext offline PIN and signature (no online PIN, so
            // CVM 42 03 "if terminal supports" is skipped); SDA, DDA, card capture (Book 4, A2).
            Capabilities = Hex.Decode("E0A0E0"),
            TerminalType = 0x22,
            PseSupported = false, // the recording starts with SELECT A0000000031010: list of AIDs
        };
        var visa = new AidParameters(Hex.Decode("A0000000031010"))
        {
            ApplicationVersion = Hex.Decode("008C"), // the card's '9F08' 008C: no "different application versions"
            PartialMatch = false,
            FloorLimit = 500, // below 10.00: TVR B4b8 "floor limit exceeded", as recorded (TVR 8000008000)
            TacDenial = Hex.Decode("0000000000"),
            TacOnline = Hex.Decode("0000008000"), // floor limit exceeded -> online: the recorded ARQC request
            TacDefault = Hex.Decode("0000000000"),
            VelocityChecking = true, // the card has no '9F14'/'9F23': no GET DATA ATC (Book 3, 10.6.3)
        };
        return new KernelConfiguration(terminal, [visa]);
    }

    [SkippableFact]
    public void Contact_visa_transcript_replays_to_an_online_approval()
    {
        Transcript transcript = TranscriptReader.Parse(File.ReadAllText(SharedVectors.PathOf("transcripts/contact-visa-in.txt")));
        Assert.Equal(16, transcript.Count);
        var channel = new RecordingReplay(transcript);
        var host = new RecordedHost();
        var pad = new BypassingPinPad();
        var kernel = new ContactTransaction(Configuration(), ReferenceTerminal.CaKeys(), new RecordedUnpredictableNumber())
        {
            Cardholder = pad,
            Host = host,
        };
        TransactionRequest Request() => new(1000, Hex.Decode("120316"), Hex.Decode("120000")) { Type = 0x00 };

        // Pass 1 (steps 1-3): SELECT, GPO, READ RECORD SFI 1 record 1 answered '00000000' (no status word):
        // the session ends typed, never with an escaping exception.
        TransactionOutcome first = kernel.Run(channel, Request());
        Assert.Equal(TransactionDecision.Terminated, first.Decision);
        Assert.Equal(KernelTerminationReason.InvalidCardResponse, first.TerminationReason);
        Assert.Equal(3, channel.Position);
        // The recorded terminal went on reading SFI 2 record 1 and SFI 3 records 3-4 (steps 4-6) before its
        // restart; this kernel stopped, so the test plays those three steps itself.
        foreach (string command in new[] { "00B2011400", "00B2031C00", "00B2041C00" }) channel.Transmit(Hex.Decode(command));

        // Pass 2 (steps 7-16): the whole transaction.
        TransactionOutcome outcome = kernel.Run(channel, Request());
        Assert.Equal(16, channel.Position);
        Assert.Equal(TransactionDecision.ApprovedOnline, outcome.Decision);
        Assert.Equal(1, host.Requests);
        Assert.Equal(1, pad.OfflinePrompts); // CVM 41 03 plaintext PIN was offered (after GET DATA 9F17, 16 tries)
        Assert.False(outcome.ReversalRequired);
        Assert.Equal("BB31D191BCED0CF2", Hex.Encode(outcome.ApplicationCryptogram)); // step 16's AC, the TC

        // Commands of steps 1-14 and 16 equal the recording byte for byte, except the TVR in the two GENERATE AC
        // data fields, where this kernel follows the spec and the recorded terminal did not:
        //  - B3b4 '08' "PIN entry required, PIN pad present, but PIN was not entered" (Book 3, 10.5.1): the recorded
        //    terminal read the PIN Try Counter for CVM 41 03, sent no VERIFY and still reported TVR byte 3 = 00; a
        //    bypassed PIN is the only way to reach the recorded flow, and it sets this bit.
        //  - B5b7 '40' "Issuer authentication failed" (Book 3, 10.9): EXTERNAL AUTHENTICATE (step 15) answered 6700,
        //    which is a failure; the recorded second GENERATE AC still carries TVR byte 5 = 00.
        // CDOL1 data: 9F02(6) 9F03(6) 9F1A(2) 95(5) ...; CDOL2 data: 8A(2) first. TVR byte n is at command offset
        // 5 (header + Lc) + 14 + n - 1 in GENERATE AC 1 and 5 + 16 + n - 1 in GENERATE AC 2.
        string[] expected = new string[16];
        for (int i = 0; i < 16; i++) expected[i] = Hex.Encode(transcript[i].Command);
        expected[13] = Patch(expected[13], 5 + 14 + 2, 0x08);
        expected[15] = Patch(Patch(expected[15], 5 + 16 + 2, 0x08), 5 + 16 + 4, 0x40);
        for (int i = 0; i < 16; i++)
        {
            Assert.True(expected[i] == Hex.Encode(channel.Commands[i]),
                "step " + (i + 1) + ": expected " + expected[i] + ", kernel sent " + Hex.Encode(channel.Commands[i]));
        }
        Assert.Equal("8000088040", Hex.Encode(outcome.Tvr));
    }

    private static string Patch(string hex, int offset, byte value)
    {
        byte[] b = Hex.Decode(hex);
        b[offset] = value;
        return Hex.Encode(b);
    }
}
