using Xunit;
using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Crypto.Emv;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Tlv;
using Terminal.EmvKernel.Util;
using Terminal.Tests.VirtualCards.Card;
using Terminal.Tests.VirtualCards.Library;
using Terminal.VirtualCards.Card;
using static Terminal.Tests.Kernel.KernelTestSupport;

namespace Terminal.Tests.Kernel;

/// <summary>
/// A library card taken up to the first GENERATE AC (ARQC) with the kernel steps, for the online-processing tests:
/// the issuer side (ARPC, secured script commands) is computed with the card's master keys through
/// <see cref="CryptogramVersion"/>, as the host would.
/// </summary>
internal sealed class OnlineCard
{
    /// <summary>
    /// CDOL1 of the library Visa cards: 9F02 06, 9F03 06, 9F1A 02, 95 05, 5F2A 02, 9A 03, 9C 01, 9F37 04 (29 bytes):
    /// amount 10.00, other 0, China, TVR 0, CNY, 2026-06-15, purchase, UN 11223344.
    /// </summary>
    public const string Cdol1Data = "000000001000" + "000000000000" + "0156" + "0000000000" + "0156" + "260615" + "00" + "11223344";
    public const string UnpredictableNumber = "11223344";
    /// <summary>ARC '00' (approved), ASCII.</summary>
    public const string Approved = "3030";

    private OnlineCard(string name)
    {
        Image = CardLibrary.Image(name);
        App = (CardApplication)Image.Applications[0];
        Card = new VirtualCard(Image, new CountingRandom(), CardLibrary.Crypto);
        Flow = new Flow(Card, Aids(false, Visa)).ReferenceTransaction("E0F8C8", UnpredictableNumber).Run();
        ResponseApdu r = CardCommand.Exchange(Flow.Transport, EmvCommands.GenerateAc(EmvCommands.GenerateAcArqc, Hex.Decode(Cdol1Data)), "GENERATE AC");
        Assert.Equal(0x9000, r.Sw);
        TlvObject top = TlvParser.Parse(r.Data)[0];
        if (top.Tag == 0x80)
        {
            // Format 1 (Book 3, 6.5.5.4): CID 1 || ATC 2 || AC 8 || IAD.
            byte[] v = top.CopyValue();
            Cid = v[0];
            Atc = Bytes.Slice(v, 1, 2);
            Arqc = Bytes.Slice(v, 3, 8);
        }
        else
        {
            Cid = top.Children.FindValue(0x9F27)[0];
            Atc = top.Children.FindValue(0x9F36);
            Arqc = top.Children.FindValue(0x9F26);
        }
        Assert.Equal(0x80, Cid & 0xC0);                     // ARQC: the library's online cards force online
    }

    public static OnlineCard Load(string name) => new(name);

    public CardImage Image { get; }
    public CardApplication App { get; }
    public VirtualCard Card { get; }
    public Flow Flow { get; }
    public ApduTransport Transport => Flow.Transport;
    public byte Cid { get; }
    public byte[] Atc { get; }
    public byte[] Arqc { get; }

    /// <summary>The host's '91' value for <paramref name="arc"/> (ARPC method of the card's cryptogram version).</summary>
    public byte[] IssuerAuthenticationData(string arc = Approved) =>
        App.CryptogramVersion.GenerateIssuerAuthenticationData(CardLibrary.Crypto, App.MasterKeys.MkAc, Atc,
            Hex.Decode(UnpredictableNumber), Arqc, Hex.Decode(arc), null);

    /// <summary>The host's secured script command (MAC with the SMI session key of this ARQC).</summary>
    public string ScriptCommand(string claInsP1P2, string data = null) =>
        Hex.Encode(App.CryptogramVersion.BuildScriptCommand(CardLibrary.Crypto, App.MasterKeys.MkSmi, Atc, Arqc,
            Hex.Decode(claInsP1P2), data == null ? null : Hex.Decode(data)));

    /// <summary>
    /// Second GENERATE AC asking for a TC with the library CDOL2 (91 0A, 8A 02, then the CDOL1 objects); returns
    /// the CID.
    /// </summary>
    public byte SecondGenerateAc(byte[] issuerAuthenticationData, string tvr)
    {
        string cdol2 = Hex.Encode(issuerAuthenticationData) + Approved + "000000001000" + "000000000000" + "0156" + tvr
            + "0156" + "260615" + "00" + UnpredictableNumber;
        ResponseApdu r = CardCommand.Exchange(Transport, EmvCommands.GenerateAc(EmvCommands.GenerateAcTc, Hex.Decode(cdol2)), "GENERATE AC");
        Assert.Equal(0x9000, r.Sw);
        TlvObject top = TlvParser.Parse(r.Data)[0];
        return top.Tag == 0x80 ? top.ValueByte(0) : top.Children.FindValue(0x9F27)[0];
    }
}
