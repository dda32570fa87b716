using CsCheck;
using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Contactless.EntryPoint;
using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.Readers.Pn532;
using Terminal.Tests.Tlv;
using Terminal.Tests.VirtualCards.Card;
using Terminal.Tests.VirtualCards.Library;
using Terminal.VirtualCards.Card;
using Xunit;

namespace Terminal.Tests.Boards;

/// <summary>
/// The portable PN532 logic: decoding InListPassiveTarget answers and the contactless reader's polling and
/// InDataExchange APDU path, against a fake PN532 holding virtual cards.
/// </summary>
public class Pn532ContactlessReaderTests
{
    private static readonly byte[] SelectPpse = Hex.Decode("00A404000E325041592E5359532E444446303100");

    private static VirtualCard Card(string name = "visa-qvsdc-online") =>
        new(CardLibrary.Image(name), new CountingRandom(), CardLibrary.Crypto);

    [Fact]
    public void DecodesOneIsoDepTarget()
    {
        // NbTg 01, Tg 01, SENS_RES 0004, SEL_RES 20 (ISO 14443-4), NFCIDLength 04, NFCID1 11223344,
        // ATS 05 78 80 70 02 (TL = 5, the whole ATS).
        Pn532TypeATarget t = Pn532TypeATarget.Decode(Hex.Decode("010100042004112233440578807002"));
        Assert.Equal(1, t.TargetCount);
        Assert.Equal(1, t.TargetNumber);
        Assert.Equal(0x20, t.Sak);
        Assert.True(t.SupportsIso14443_4);
        Assert.Equal("11223344", Hex.Encode(t.Uid));
        Assert.Equal("0578807002", Hex.Encode(t.Ats));
    }

    [Fact]
    public void MifareClassicIsNotIsoDep()
    {
        // SAK 08 (MIFARE Classic 1K): b6 clear, no ATS.
        Pn532TypeATarget t = Pn532TypeATarget.Decode(Hex.Decode("010100040804DEADBEEF"));
        Assert.False(t.SupportsIso14443_4);
        Assert.Empty(t.Ats);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("00")]
    public void NoTargetIsNull(string hex) => Assert.Null(Pn532TypeATarget.Decode(hex == null ? null : Hex.Decode(hex)));

    [Theory]
    [InlineData("0101000420")]              // cut before NFCIDLength
    [InlineData("01010004200511223344AA")]  // NFCID1 length 5
    [InlineData("010100042004112233")]      // NFCID1 cut short
    [InlineData("010100042004112233440978")] // ATS TL 09 beyond the answer
    [InlineData("010100042004112233440078")] // ATS TL 00
    public void BrokenAnswersAreFormatErrors(string hex) =>
        Assert.Throws<Pn532FormatException>(() => Pn532TypeATarget.Decode(Hex.Decode(hex)));

    [Fact]
    public void RandomAnswersGiveATargetNullOrAFormatError()
    {
        TlvGen.ArrayOf(Gen.Byte, 0, 40).Sample(b =>
        {
            try { Pn532TypeATarget.Decode(b); }
            catch (Pn532FormatException) { }
        }, iter: FuzzIterations.Value);
    }

    [Fact]
    public void EmptyFieldIsNoCardAfterTheConfiguredPolls()
    {
        var chip = new FakePn532();
        var reader = new Pn532ContactlessReader(chip, 3);
        Assert.Equal(ProtocolActivationResult.NoCard, reader.Activate());
        Assert.Equal(3, chip.Polls);
        Assert.Null(reader.Card);
    }

    [Fact]
    public void OneCardIsActivatedAndAnswersApdus()
    {
        var chip = new FakePn532();
        chip.Field.Add(new FakePn532.Tag { Card = Card() });
        var reader = new Pn532ContactlessReader(chip, 3);
        Assert.Equal(ProtocolActivationResult.CardActivated, reader.Activate());
        Assert.True(chip.FieldOn);
        byte[] response = reader.Card.Transmit(SelectPpse);
        Assert.Equal(Card().Transmit(SelectPpse), response);
        Assert.Equal(SelectPpse, Assert.Single(chip.Exchanged));
        Assert.Equal("04112233445566", Hex.Encode(reader.Target.Uid));
    }

    [Fact]
    public void TwoCardsAreACollision()
    {
        var chip = new FakePn532();
        chip.Field.Add(new FakePn532.Tag { Card = Card() });
        chip.Field.Add(new FakePn532.Tag { Card = Card("visa-qvsdc-online") });
        Assert.Equal(ProtocolActivationResult.Collision, new Pn532ContactlessReader(chip, 3).Activate());
    }

    [Fact]
    public void NonIsoDepTagIsIgnored()
    {
        var chip = new FakePn532();
        chip.Field.Add(new FakePn532.Tag { Card = Card(), Sak = 0x08, Uid = new byte[] { 1, 2, 3, 4 } });
        var reader = new Pn532ContactlessReader(chip, 2);
        Assert.Equal(ProtocolActivationResult.NoCard, reader.Activate());
        Assert.Equal(new byte[] { 1, 1 }, chip.Released.ToArray());
    }

    [Fact]
    public void CardLeavingTheFieldIsCardRemoved()
    {
        var chip = new FakePn532();
        VirtualCard card = Card();
        chip.Field.Add(new FakePn532.Tag { Card = card });
        var reader = new Pn532ContactlessReader(chip, 1);
        reader.Activate();
        ICardChannel channel = reader.Card;
        card.Remove();
        Assert.Equal(CardRemovedReason.Removed, Assert.Throws<CardRemovedException>(() => channel.Transmit(SelectPpse)).Reason);
    }

    [Fact]
    public void BrokenLinkIsATransportFailure()
    {
        var chip = new FakePn532();
        chip.Field.Add(new FakePn532.Tag { Card = Card() });
        var reader = new Pn532ContactlessReader(chip, 1);
        reader.Activate();
        chip.ThrowOnExchange = true;
        Assert.Equal(ApduError.TransportFailure, Assert.Throws<ApduException>(() => reader.Card.Transmit(SelectPpse)).Reason);
    }

    [Fact]
    public void LongestShortApduFitsAndLongerIsRefused()
    {
        // Case 4 short APDU with 255 data bytes: 4 + 1 + 255 + 1 = 261 <= 262 (one InDataExchange).
        var chip = new FakePn532();
        chip.Field.Add(new FakePn532.Tag { Card = Card() });
        var reader = new Pn532ContactlessReader(chip, 1);
        reader.Activate();
        byte[] longest = new byte[261];
        longest[1] = 0xCA;
        longest[4] = 0xFF;
        Assert.True(reader.Card.Transmit(longest).Length >= 2);
        var e = Assert.Throws<ApduException>(() => reader.Card.Transmit(new byte[263]));
        Assert.Equal(ApduError.CommandDataTooLong, e.Reason);
    }

    [Fact]
    public void PresenceCheckPollsOnceAndActivateUsesItsCard()
    {
        var chip = new FakePn532();
        var reader = new Pn532ContactlessReader(chip, 5);
        Assert.False(reader.IsCardInField);
        Assert.Equal(1, chip.Polls);
        chip.Field.Add(new FakePn532.Tag { Card = Card() });
        Assert.True(reader.IsCardInField);
        Assert.True(reader.IsCardInField);       // still pending: no new poll
        Assert.Equal(2, chip.Polls);
        Assert.Equal(ProtocolActivationResult.CardActivated, reader.Activate());
        Assert.Equal(2, chip.Polls);             // the card found by the presence check
        Assert.Equal(0x90, reader.Card.Transmit(SelectPpse)[^2]);
        reader.FieldOff(0);
        Assert.Equal(ProtocolActivationResult.CardActivated, reader.Activate());
        Assert.Equal(3, chip.Polls);             // after field off, a fresh poll
    }

    [Fact]
    public void PresenceCheckReportsACollisionToActivate()
    {
        var chip = new FakePn532();
        chip.Field.Add(new FakePn532.Tag { Card = Card() });
        chip.Field.Add(new FakePn532.Tag { Card = Card() });
        var reader = new Pn532ContactlessReader(chip, 5);
        Assert.True(reader.IsCardInField);
        Assert.Equal(ProtocolActivationResult.Collision, reader.Activate());
    }

    [Fact]
    public void FieldOffReleasesTheCardAndClosesItsChannel()
    {
        var chip = new FakePn532();
        chip.Field.Add(new FakePn532.Tag { Card = Card() });
        var reader = new Pn532ContactlessReader(chip, 1);
        reader.Activate();
        ICardChannel channel = reader.Card;
        reader.FieldOff(0);
        Assert.False(chip.FieldOn);
        Assert.Equal(new byte[] { 1 }, chip.Released.ToArray());
        Assert.Null(reader.Card);
        Assert.Throws<CardRemovedException>(() => channel.Transmit(SelectPpse));
    }
}
