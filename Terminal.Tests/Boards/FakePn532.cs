using Terminal.EmvKernel.Apdu;
using Terminal.Firmware.Core.Readers.Pn532;

namespace Terminal.Tests.Boards;

/// <summary>
/// A PN532 as seen through <see cref="IPn532Port"/>, written from the PN532 User Manual's InListPassiveTarget answer
/// layout (NbTg, then Tg, SENS_RES, SEL_RES, NFCIDLength, NFCID1, ATS per target) and InDataExchange semantics
/// (the APDU reaches the card whole; -1 when the exchange fails). Cards in the field are virtual cards.
/// </summary>
internal sealed class FakePn532 : IPn532Port
{
    public sealed class Tag
    {
        public ICardChannel Card;
        public byte Sak = 0x20;
        public byte[] Uid = { 0x04, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66 };
        public byte[] Ats = { 0x05, 0x78, 0x80, 0x70, 0x02 };
    }

    public List<Tag> Field { get; } = new();
    public int Polls { get; private set; }
    public bool FieldOn { get; private set; }
    public List<byte> Released { get; } = new();
    public List<byte[]> Exchanged { get; } = new();
    public bool ThrowOnExchange { get; set; }

    public byte[] ListPassiveTypeA(int maxTargets)
    {
        Polls++;
        if (!FieldOn || Field.Count == 0) return null;
        int n = Math.Min(maxTargets, Field.Count);
        var answer = new List<byte> { (byte)n };
        for (int i = 0; i < n; i++)
        {
            Tag t = Field[i];
            answer.Add((byte)(i + 1));
            answer.AddRange(new byte[] { 0x00, 0x04, t.Sak, (byte)t.Uid.Length });
            answer.AddRange(t.Uid);
            if ((t.Sak & 0x20) != 0) answer.AddRange(t.Ats);
        }
        return answer.ToArray();
    }

    public int Exchange(byte target, byte[] command, byte[] response)
    {
        if (ThrowOnExchange) throw new IOException("SPI transfer failed");
        Exchanged.Add(command);
        if (target < 1 || target > Field.Count) return -1;
        byte[] r;
        try { r = Field[target - 1].Card.Transmit(command); }
        catch (CardRemovedException) { return -1; }
        if (r.Length > response.Length) return -1;
        r.CopyTo(response, 0);
        return r.Length;
    }

    public bool Release(byte target) { Released.Add(target); return true; }

    public bool SetField(bool on) { FieldOn = on; return true; }
}
