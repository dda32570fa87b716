using Xunit;
using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Util;
using Terminal.VirtualCards.Personalisation;
using Terminal.VirtualCards.Timing;

namespace Terminal.Tests.VirtualCards.Timing;

/// <summary>
/// The ISO/IEC 14443 time model on known APDUs. Every expected value is derived in the comment from the frame
/// rules: Type A standard frame = 1 + 9 x bytes + 1 etu (14443-3 6.2.3.2), 1 etu = 128/fc at 106 kbit/s, an
/// ISO/IEC 14443-4 I-block = PCB [CID] INF CRC_A, minimum FDT 1172/fc after every frame, and the card's
/// processing time (microseconds x 13.56 cycles). Times are in carrier cycles (1/fc).
/// </summary>
public class TimedCardChannelTests
{
    /// <summary>SELECT '2PAY.SYS.DDF01': 00 A4 04 00 0E, the 14-byte name, Le 00 = 20 bytes.</summary>
    private const string SelectPpse = "00A404000E325041592E5359532E444446303100";

    /// <summary>A card that answers every command with the same bytes.</summary>
    private sealed class FixedCard(string response) : ICardChannel
    {
        public int Calls { get; private set; }
        public byte[] Transmit(byte[] command)
        {
            Calls++;
            return Hex.Decode(response);
        }
    }

    private static string Bytes(int n, string last = "9000") => new string('0', (n - last.Length / 2) * 2) + last;

    [Fact]
    public void Select_ppse_at_106_kbits_is_frames_plus_two_fdt_plus_the_select_time()
    {
        var channel = new TimedCardChannel(new FixedCard(Bytes(30)), null);
        channel.Transmit(Hex.Decode(SelectPpse));

        // Command block: PCB + 20 + CRC_A = 23 bytes -> 1 + 207 + 1 = 209 etu x 128 = 26752.
        // Response block: PCB + 30 + CRC_A = 33 bytes -> 1 + 297 + 1 = 299 etu x 128 = 38272.
        // FDT PCD->PICC + FDT PICC->PCD = 2 x 1172 = 2344. SELECT default 2000 us = 2000 x 13.56 = 27120.
        ModelledExchange e = channel.ExchangeAt(0);
        Assert.Equal(CardCommandKind.Select, e.Kind);
        Assert.Equal(26752 + 38272, e.FrameCycles);
        Assert.Equal(2344, e.DelayCycles);
        Assert.Equal(27120, e.ProcessingCycles);
        Assert.Equal(94488, channel.ExchangeCycles);
        // 94488 / 13.56 = 6968.1 us.
        Assert.Equal(6968, channel.ExchangeMicroseconds);
        Assert.False(e.Signed);
    }

    [Fact]
    public void Command_longer_than_fsc_is_chained_with_an_r_ack_from_the_card()
    {
        // FSCI 2 -> FSC 32 (14443-4 5.2.3): at most 32 - PCB - CRC_A = 29 INF bytes per block.
        var timing = new CardTimingProfile { Fsci = 2 };
        var channel = new TimedCardChannel(new FixedCard("9000"), timing);
        byte[] gac = Hex.Decode("80AE800023" + new string('1', 70) + "00"); // 5 + 35 + 1 = 41 bytes
        Assert.Equal(41, gac.Length);
        channel.Transmit(gac);

        ModelledExchange e = channel.ExchangeAt(0);
        // 41 = 29 + 12: two I-blocks, 32 bytes (290 etu) and 15 bytes (1 + 135 + 1 = 137 etu);
        // the card's R(ACK) = PCB + CRC_A = 3 bytes (29 etu); the response 9000 in 5 bytes (47 etu).
        // 290 + 137 + 29 + 47 = 503 etu x 128 = 64384.
        Assert.Equal(2, e.CommandBlocks);
        Assert.Equal(1, e.ResponseBlocks);
        Assert.Equal(64384, e.FrameCycles);
        // PCD frames: 2 I-blocks; PICC frames: R(ACK) and the response -> 4 x 1172 = 4688.
        Assert.Equal(4688, e.DelayCycles);
        // GENERATE AC default 8000 us x 13.56 = 108480.
        Assert.Equal(108480, e.ProcessingCycles);
        Assert.Equal(64384 + 4688 + 108480, channel.ExchangeCycles);
    }

    [Fact]
    public void Response_longer_than_fsd_is_chained_with_an_r_ack_from_the_reader()
    {
        // FSDI 5 -> FSD 64: at most 61 INF bytes per block towards the reader.
        var channel = new TimedCardChannel(new FixedCard(Bytes(100)), null) { Fsdi = 5 };
        channel.Transmit(Hex.Decode("00B2010C00"));

        ModelledExchange e = channel.ExchangeAt(0);
        // Command 5 bytes in 8 (1 + 72 + 1 = 74 etu); response 100 = 61 + 39: blocks of 64 (578 etu) and 42
        // (1 + 378 + 1 = 380 etu); the reader's R(ACK) 3 bytes (29 etu). 74 + 578 + 380 + 29 = 1061 etu x 128 = 135808.
        Assert.Equal(1, e.CommandBlocks);
        Assert.Equal(2, e.ResponseBlocks);
        Assert.Equal(135808, e.FrameCycles);
        // PCD frames: command and R(ACK); PICC frames: 2 response blocks -> 4 x 1172.
        Assert.Equal(4688, e.DelayCycles);
        Assert.Equal(CardCommandKind.ReadRecord, e.Kind);
        Assert.Equal(27120, e.ProcessingCycles); // READ RECORD 2000 us
    }

    [Fact]
    public void Higher_bit_rate_and_cid_change_the_etu_and_the_prologue()
    {
        var timing = new CardTimingProfile { BitRateKbps = 424, UsesCid = true };
        var channel = new TimedCardChannel(new FixedCard(Bytes(30)), timing);
        channel.Transmit(Hex.Decode(SelectPpse));

        // 424 kbit/s: 1 etu = 32/fc. Blocks with CID: 24 bytes (1 + 216 + 1 = 218 etu) and 34 (1 + 306 + 1 = 308 etu):
        // 526 etu x 32 = 16832; FDT 2344; SELECT 27120.
        Assert.Equal(16832 + 2344 + 27120, channel.ExchangeCycles);
    }

    [Fact]
    public void A_response_with_signed_dynamic_data_adds_the_signature_time()
    {
        // GPO response 77 { 9F4B 03 010203 } 9000: the card computed a signature.
        var channel = new TimedCardChannel(new FixedCard("77069F4B030102039000"), null);
        channel.Transmit(Hex.Decode("80A8000002830000"));

        ModelledExchange e = channel.ExchangeAt(0);
        Assert.True(e.Signed);
        // GPO 5000 us + signature 30000 us = 35000 us x 13.56 = 474600.
        Assert.Equal(474600, e.ProcessingCycles);
    }

    [Theory]
    [InlineData("77069F4C030102039000")] // another tag
    [InlineData("77089F4B030102039000")] // malformed TLV (length past the end): not a signature, no exception
    [InlineData("6985")]
    public void Responses_without_9F4B_add_no_signature_time(string response)
    {
        var channel = new TimedCardChannel(new FixedCard(response), null);
        channel.Transmit(Hex.Decode("80A8000002830000"));
        Assert.False(channel.ExchangeAt(0).Signed);
        Assert.Equal(67800, channel.ExchangeAt(0).ProcessingCycles); // 5000 us x 13.56
    }

    [Fact]
    public void Exchanges_add_up_and_reset_forgets_them()
    {
        var channel = new TimedCardChannel(new FixedCard(Bytes(30)), null);
        channel.Transmit(Hex.Decode(SelectPpse));
        channel.Transmit(Hex.Decode(SelectPpse));
        Assert.Equal(2, channel.ExchangeCount);
        Assert.Equal(2 * 94488, channel.ExchangeCycles);
        channel.Reset();
        Assert.Equal(0, channel.ExchangeCount);
        Assert.Equal(0, channel.ExchangeCycles);
    }

    private sealed class RemovedCard : ICardChannel
    {
        public byte[] Transmit(byte[] command) => throw new CardRemovedException(CardRemovedReason.Removed);
    }

    [Fact]
    public void A_card_removal_is_passed_on_and_models_nothing()
    {
        var channel = new TimedCardChannel(new RemovedCard(), null);
        Assert.Throws<CardRemovedException>(() => channel.Transmit(Hex.Decode(SelectPpse)));
        Assert.Equal(0, channel.ExchangeCount);
    }

    [Theory]
    [InlineData("00A40400", CardCommandKind.Select)]
    [InlineData("80A80000", CardCommandKind.GetProcessingOptions)]
    [InlineData("00B2010C", CardCommandKind.ReadRecord)]
    [InlineData("80AE8000", CardCommandKind.GenerateAc)]
    [InlineData("80EA0000", CardCommandKind.ExchangeRelayResistanceData)]
    [InlineData("80D00000", CardCommandKind.RecoverAc)]
    [InlineData("80CA9F17", CardCommandKind.GetData)]
    [InlineData("00880000", CardCommandKind.InternalAuthenticate)]
    [InlineData("84AE8000", CardCommandKind.GenerateAc)] // CLA 84: proprietary class with secure messaging
    [InlineData("80A40400", CardCommandKind.Other)]      // SELECT is inter-industry only
    [InlineData("00A80000", CardCommandKind.Other)]      // GPO is proprietary only
    [InlineData("00CA9F17", CardCommandKind.Other)]
    [InlineData("0084000008", CardCommandKind.Other)]
    [InlineData("00A4", CardCommandKind.Other)]          // too short to be a command
    public void Commands_are_classified_by_cla_and_ins(string command, CardCommandKind kind)
    {
        Assert.Equal(kind, CardCommandKinds.Of(Hex.Decode(command)));
    }

    [Fact]
    public void Bad_settings_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CardTimingProfile { BitRateKbps = 100 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new CardTimingProfile { Fsci = 9 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new TimedCardChannel(new FixedCard("9000"), null) { Fsdi = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new CardTimingProfile().SetProcessingMicroseconds(CardCommandKind.Select, -1));
        Assert.Throws<ArgumentNullException>(() => new TimedCardChannel(null, null));
    }

    [Theory]
    // 14443-4 FSDI/FSCI table: 0..8 -> 16, 24, 32, 40, 48, 64, 96, 128, 256.
    [InlineData(0, 16)]
    [InlineData(1, 24)]
    [InlineData(4, 48)]
    [InlineData(5, 64)]
    [InlineData(6, 96)]
    [InlineData(7, 128)]
    [InlineData(8, 256)]
    public void Frame_size_integers_follow_the_14443_4_table(int fsci, int size)
    {
        Assert.Equal(size, Iso14443Timing.FrameSize(fsci));
    }

    [Theory]
    // 1 etu = 128 / (D x fc), D = 1, 2, 4, 8.
    [InlineData(106, 128)]
    [InlineData(212, 64)]
    [InlineData(424, 32)]
    [InlineData(848, 16)]
    public void Etu_per_bit_rate(int rate, int cycles)
    {
        Assert.Equal(cycles, Iso14443Timing.CyclesPerEtu(rate));
    }

    [Fact]
    public void Etu_at_106_is_about_9_44_us()
    {
        // 128 / 13.56 MHz = 9.4395 us: 1000 etu = 128000 cycles = 9439.5 -> 9440 us (rounded to the nearest).
        Assert.Equal(9440, Iso14443Timing.ToMicroseconds(1000L * Iso14443Timing.CyclesPerEtu(106)));
    }
}
