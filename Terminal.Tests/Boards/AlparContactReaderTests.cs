using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.Readers.Alpar;
using Terminal.Tests.Kernel.Scenarios;
using Terminal.Tests.VirtualCards.Card;
using Terminal.Tests.VirtualCards.Library;
using Terminal.VirtualCards.Card;
using Xunit;

namespace Terminal.Tests.Boards;

/// <summary>
/// <see cref="AlparContactReader"/> against a simulated TDA8029 (<see cref="SimulatedTda8029"/>) holding a library
/// virtual card: the bytes on the wire, activation, APDU exchange, the whole contact kernel through the chip, and
/// each failure mapped onto the card channel contract (removed card vs transport failure).
/// </summary>
public class AlparContactReaderTests
{
    private static (SimulatedTda8029 Chip, AlparContactReader Reader, VirtualCard Card) Setup(string cardName = "visa-dda-pass")
    {
        var card = new VirtualCard(CardLibrary.Image(cardName), new CountingRandom(), CardLibrary.Crypto);
        var chip = new SimulatedTda8029(card, card.Atr);
        return (chip, new AlparContactReader(new AlparLink(chip)), card);
    }

    private static readonly byte[] SelectPse = Hex.Decode("00A404000E315041592E5359532E444446303100");

    [Fact]
    public void PowerOnSendsPowerUp5VAndReturnsTheCardsAtr()
    {
        var (chip, reader, card) = Setup();
        reader.PowerOn(out byte[] atr);
        Assert.Equal(card.Atr, atr);
        Assert.True(chip.Powered);
        // The only frame on the wire: power_up_5V without data, LRC 60 ^ 6E = 0E.
        Assert.Equal(new byte[] { 0x60, 0x00, 0x00, 0x6E, 0x0E }, Assert.Single(chip.Received));
    }

    [Fact]
    public void PresenceFollowsTheSlot()
    {
        var (chip, reader, _) = Setup();
        Assert.True(reader.IsCardPresent);
        chip.RemoveCard();
        Assert.False(reader.IsCardPresent);
        Assert.Null(reader.LastError);
    }

    [Fact]
    public void ApduGoesOutAsCardCommandAndTheAnswerIsTheCardsResponse()
    {
        var (chip, reader, _) = Setup();
        ICardChannel channel = reader.PowerOn(out _);
        byte[] response = channel.Transmit(SelectPse);
        // An independent card of the same profile gives the expected answer.
        var twin = new VirtualCard(CardLibrary.Image("visa-dda-pass"), new CountingRandom(), CardLibrary.Crypto);
        Assert.Equal(twin.Transmit(SelectPse), response);
        Assert.Equal(0x90, response[^2]);
        byte[] frame = chip.Received[^1];
        Assert.Equal(0x00, frame[3]);
        Assert.Equal(SelectPse, frame.AsSpan(4, frame.Length - 5).ToArray());
    }

    [Fact]
    public void AWholeContactTransactionRunsThroughTheChip()
    {
        // visa-dda-pass in the reference transaction (LibraryCardScenarioTests): nothing in the TVR, TAA asks a TC,
        // the card gives it: approved offline, TVR 0000000000, TSI E800 (ODA, CVM, card and terminal risk management).
        var (_, reader, card) = Setup();
        var app = (CardApplication)card.Image.Applications[0]!;
        var kernel = new ContactTransaction(ReferenceTerminal.Configuration(), ReferenceTerminal.CaKeys(), new CountingRandom())
        {
            Cardholder = new ScenarioPinPad((PinEntryResult.Entered, "1234")),
            Host = new ScenarioHost(app, "approve"),
        };
        TransactionOutcome outcome = kernel.Run(reader.PowerOn(out _), ReferenceTerminal.Purchase(1000));
        reader.PowerOff();
        Assert.Equal(TransactionDecision.ApprovedOffline, outcome.Decision);
        Assert.Equal("0000000000", Hex.Encode(outcome.Tvr));
        Assert.Equal("E800", Hex.Encode(outcome.Tsi));
    }

    [Fact]
    public void NoCardIsCardRemovedNoCard()
    {
        var (chip, reader, _) = Setup();
        chip.RemoveCard();
        var e = Assert.Throws<CardRemovedException>(() => reader.PowerOn(out _));
        Assert.Equal(CardRemovedReason.NoCard, e.Reason);
    }

    [Fact]
    public void CardPulledDuringTheSessionIsCardRemoved()
    {
        var (_, reader, card) = Setup();
        ICardChannel channel = reader.PowerOn(out _);
        card.Remove();
        var e = Assert.Throws<CardRemovedException>(() => channel.Transmit(SelectPse));
        Assert.Equal(CardRemovedReason.Removed, e.Reason);
    }

    [Fact]
    public void RemovalMessageBeforeTheAnswerIsCardRemoved()
    {
        var (chip, reader, _) = Setup();
        ICardChannel channel = reader.PowerOn(out _);
        chip.PresenceBeforeNextAnswer = 0;
        var e = Assert.Throws<CardRemovedException>(() => channel.Transmit(SelectPse));
        Assert.Equal(CardRemovedReason.Removed, e.Reason);
    }

    [Fact]
    public void InsertionMessageBeforeTheAnswerIsSkipped()
    {
        var (chip, reader, _) = Setup();
        chip.PresenceBeforeNextAnswer = 1;
        reader.PowerOn(out byte[] atr);
        Assert.Equal(VirtualCard.DefaultAtr, atr);
    }

    [Fact]
    public void MuteCardIsATransportFailureNamingTheStatus()
    {
        var (chip, reader, _) = Setup();
        chip.NakNextWith = 0x80;
        var e = Assert.Throws<ApduException>(() => reader.PowerOn(out _));
        Assert.Equal(ApduError.TransportFailure, e.Reason);
        var inner = Assert.IsType<AlparException>(e.InnerException);
        Assert.Equal(0x80, inner.Status);
        Assert.Contains("card mute after power on", inner.Message);
    }

    [Fact]
    public void LostAnswerIsATransportFailureAndTheNextExchangeWorks()
    {
        var (chip, reader, _) = Setup();
        ICardChannel channel = reader.PowerOn(out _);
        chip.DropNextAnswer = true;
        var e = Assert.Throws<ApduException>(() => channel.Transmit(SelectPse));
        Assert.Equal(AlparError.Timeout, Assert.IsType<AlparException>(e.InnerException).Error);
        Assert.Equal(0x90, channel.Transmit(SelectPse)[^2]);
    }

    [Fact]
    public void CorruptAnswerIsATransportFailureAndTheNextExchangeWorks()
    {
        var (chip, reader, _) = Setup();
        ICardChannel channel = reader.PowerOn(out _);
        chip.CorruptNextAnswerLrc = true;
        var e = Assert.Throws<ApduException>(() => channel.Transmit(SelectPse));
        Assert.Equal(AlparError.BadLrc, Assert.IsType<AlparException>(e.InnerException).Error);
        Assert.Equal(0x90, channel.Transmit(SelectPse)[^2]);
    }

    [Fact]
    public void LineNoiseBeforeTheAnswerIsABadHeaderAndTheNextExchangeWorks()
    {
        var (chip, reader, _) = Setup();
        ICardChannel channel = reader.PowerOn(out _);
        chip.StaleBytes = new byte[] { 0x13, 0x37 };
        var e = Assert.Throws<ApduException>(() => channel.Transmit(SelectPse));
        Assert.Equal(AlparError.BadHeader, Assert.IsType<AlparException>(e.InnerException).Error);
        Assert.Equal(0x90, channel.Transmit(SelectPse)[^2]);
    }

    [Fact]
    public void ChannelIsDeadAfterPowerOff()
    {
        var (chip, reader, _) = Setup();
        ICardChannel channel = reader.PowerOn(out _);
        reader.PowerOff();
        Assert.False(chip.Powered);
        Assert.Throws<CardRemovedException>(() => channel.Transmit(SelectPse));
    }

    [Fact]
    public void PowerOffOnABrokenLinkDoesNotThrow()
    {
        var (chip, reader, _) = Setup();
        chip.DropNextAnswer = true;
        reader.PowerOff();
        Assert.Equal(AlparError.Timeout, reader.LastError.Error);
    }

    [Fact]
    public void OnlyPowerUpCodesAreAccepted()
    {
        var (chip, _, _) = Setup();
        Assert.Throws<ArgumentException>(() => new AlparContactReader(new AlparLink(chip), AlparCommand.CardCommand, 100, 100));
    }
}
