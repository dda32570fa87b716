using System.Security.Cryptography;
using Xunit;
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.DataObjects;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Util;

namespace Terminal.Tests.Kernel;

/// <summary>TC Hash Value '98' over the TDOL data (Book 3, 5.4 / 9.2.2), checked against the BCL's SHA-1.</summary>
public class TransactionCertificateHashTests
{
    private static readonly ICryptoProvider Crypto = new PortableCryptoProvider();

    private static (TerminalData Terminal, CardData Card, TerminalVerificationResults Tvr) Data()
    {
        var terminal = new TerminalData();
        terminal.Set(0x9F02, Hex.Decode("000000001000"));
        terminal.Set(0x9F37, Hex.Decode("CAFEBABE"));
        return (terminal, new CardData(), new TerminalVerificationResults());
    }

    [Fact]
    public void Card_tdol_is_hashed_when_the_cdol_names_98()
    {
        var (terminal, card, tvr) = Data();
        card.Set(0x97, Hex.Decode("9F02069F3704"));
        TransactionCertificateHash.PrepareFor(Hex.Decode("9F020698149F3704"), card, terminal, new TransactionDataSource(terminal, card),
            Hex.Decode("9F3704"), Crypto, tvr);
        // TDOL data = 9F02 (000000001000) || 9F37 (CAFEBABE), hashed with SHA-1; the card's TDOL is used, no TVR bit.
        Assert.Equal(SHA1.HashData(Hex.Decode("000000001000CAFEBABE")), terminal.Get(0x98));
        Assert.Equal("0000000000", Hex.Encode(tvr.ToArray()));
    }

    [Fact]
    public void Default_tdol_sets_the_tvr_bit()
    {
        var (terminal, card, tvr) = Data();
        TransactionCertificateHash.PrepareFor(Hex.Decode("9814"), card, terminal, new TransactionDataSource(terminal, card),
            Hex.Decode("9F3704"), Crypto, tvr);
        Assert.Equal(SHA1.HashData(Hex.Decode("CAFEBABE")), terminal.Get(0x98));
        // TVR B5b8 "Default TDOL used" = byte 5 0x80.
        Assert.Equal("0000000080", Hex.Encode(tvr.ToArray()));
    }

    [Fact]
    public void No_98_in_the_cdol_leaves_everything_alone()
    {
        var (terminal, card, tvr) = Data();
        TransactionCertificateHash.PrepareFor(Hex.Decode("9F0206"), card, terminal, new TransactionDataSource(terminal, card),
            Hex.Decode("9F3704"), Crypto, tvr);
        Assert.Null(terminal.Get(0x98));
        Assert.True(tvr.IsZero);
    }

    [Fact]
    public void Malformed_card_tdol_falls_back_to_the_default()
    {
        var (terminal, card, tvr) = Data();
        card.Set(0x97, Hex.Decode("9F")); // a tag cut short
        TransactionCertificateHash.PrepareFor(Hex.Decode("9814"), card, terminal, new TransactionDataSource(terminal, card),
            Hex.Decode("9F3704"), Crypto, tvr);
        Assert.Equal(SHA1.HashData(Hex.Decode("CAFEBABE")), terminal.Get(0x98));
        Assert.Equal("0000000080", Hex.Encode(tvr.ToArray()));
    }
}
