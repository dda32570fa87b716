using CsCheck;
using Terminal.EmvKernel.Crypto.Emv;
using Terminal.Tests.Tlv;
using Terminal.VirtualCards.Card;
using Xunit;
using static Terminal.Tests.VirtualCards.Card.Apdu;

namespace Terminal.Tests.VirtualCards.Card;

/// <summary>
/// Random and mutated C-APDUs never throw out of the simulator and always get a well-formed status word
/// (SW1 '61'-'6F' or '90'). Iterations: TERMINAL_FUZZ_ITERATIONS (default 100000).
/// </summary>
public class VirtualCardFuzzTests
{
    private static readonly byte[][] Seeds =
    {
        Select("1PAY.SYS.DDF01"u8.ToArray()), Select("2PAY.SYS.DDF01"u8.ToArray()), Select(TestCardBuilder.VisaAid),
        Select(H("A000000003"), 0x02), H("00B2010C00"), H("00B2021400"), H("80CA9F3600"), H("80CA9F1700"), H("0084000000"),
        Gpo(Array.Empty<byte>()), Gpo(H("0250")), H("0020008008241234FFFFFFFFFF"), Case4(0x00, 0x88, 0, 0, H("11223344")),
        GenerateAc(0x40, H("000000001000000000000000025000000000000978261125 00A1B2C3D4".Replace(" ", ""))),
        GenerateAc(0x90, H("00000000100000000000000002500000000000097826112500A1B2C3D4")),
        Case4(0x00, 0x82, 0, 0, H("00112233445566773030")), H("841E000008 0102030405060708"), H("84DA9F1409 07 0102030405060708"),
        H("8424000210 00112233445566778899AABBCCDDEEFF"), H("80EA000004 01020304 00"), H("00C0000010"),
    };

    private static readonly Gen<byte[]> Mutated =
        Gen.Select(Gen.Int[0, Seeds.Length - 1], TlvGen.ArrayOf(Gen.Select(Gen.Int[0, 300], Gen.Byte), 1, 3), Gen.Int[-3, 3])
            .Select((index, edits, resize) =>
            {
                byte[] seed = Seeds[index];
                int length = Math.Max(0, seed.Length + resize);
                byte[] b = new byte[length];
                Array.Copy(seed, b, Math.Min(seed.Length, length));
                if (length > 0) foreach (var (at, value) in edits) b[at % length] = value;
                return b;
            });

    private static readonly Gen<byte[]> Command = TlvGen.Weighted(
        (3, Mutated),
        (1, TlvGen.ArrayOf(Gen.Byte, 0, 12)),
        (1, TlvGen.ArrayOf(Gen.Byte, 0, 270)));

    private static CardImage FuzzImage(int variant)
    {
        var image = TestCardBuilder.Contact(variant % 2 == 0 ? CryptogramVersion.Visa10 : CryptogramVersion.Mastercard16);
        CardApplication app = image.ApplicationAt(0);
        app.IccPrivateKey = TestRsaKey.Small512.PrivateKey;
        if (variant == 1) { app.Personality = ContactlessPersonality.MastercardMChip; app.Pdol = H("9F1A02"); app.GenerateAcFormat = 2; }
        if (variant == 2) { app.Personality = ContactlessPersonality.VisaQvsdc; app.Pdol = H("9F1A02"); }
        if (variant == 3) image.Behaviour.T0Mode = T0ResponseMode.GetResponse61;
        if (variant == 4) image.Behaviour.T0Mode = T0ResponseMode.WrongLength6C;
        return image;
    }

    private static void AssertStatus(byte[] response)
    {
        Assert.NotNull(response);
        Assert.True(response.Length >= 2);
        byte sw1 = response[^2];
        Assert.True(sw1 == 0x90 || (sw1 >= 0x61 && sw1 <= 0x6F), "SW1 " + sw1.ToString("X2"));
        if (sw1 == 0x90) Assert.Equal(0x00, response[^1]);
        Assert.False(sw1 == 0x6F, "internal fault (6F00) for a fuzzed command");
    }

    [Fact]
    public void Random_and_mutated_commands_always_get_a_status_word()
    {
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, 3], TlvGen.ArrayOf(Command, 3, 3)).Sample((variant, prefix, commands) =>
        {
            var card = TestCardBuilder.Card(FuzzImage(variant));
            // Bring the card to a random stage of a transaction, then send the fuzzed commands.
            if (prefix >= 1) card.Transmit(Select(TestCardBuilder.VisaAid));
            if (prefix >= 2) card.Transmit(Gpo(variant == 1 || variant == 2 ? H("0250") : Array.Empty<byte>()));
            if (prefix >= 3) card.Transmit(GenerateAc(0x80, H("00000000100000000000000002500000000000097826112500A1B2C3D4")));
            foreach (byte[] c in commands) AssertStatus(card.Transmit(c));
        }, iter: (FuzzIterations.Value + 2) / 3);      // 3 fuzzed commands per sample: at least the iteration count in C-APDUs
    }
}
