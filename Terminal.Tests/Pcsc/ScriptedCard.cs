using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Util;

namespace Terminal.Tests.Pcsc;

/// <summary>
/// A tiny hand-scripted card for the PC/SC tests: SELECT PPSE answers a hand-written FCI with one directory
/// entry, SELECT of that AID answers a hand-written FCI, anything else 6D00 / 6A82.
/// The expected bytes are written out by hand from EMV Book B 3.3 (PPSE FCI) and Book 1 11.3.4 (ADF FCI).
/// </summary>
internal sealed class ScriptedCard : ICardChannel
{
    public const string SelectPpse = "00A404000E325041592E5359532E444446303100";
    public const string Aid = "A0000000031010";

    // 6F 23: FCI template; 84 0E: DF name "2PAY.SYS.DDF01"; A5 11: FCI proprietary template;
    // BF0C 0E: FCI issuer discretionary data; 61 0C: directory entry with 4F 07 (ADF name) and 87 01 01 (priority 1).
    public const string PpseFci = "6F23840E325041592E5359532E4444463031A511BF0C0E610C4F07A0000000031010870101";

    // 6F 1B: FCI template; 84 07: DF name = the AID; A5 10: 50 0B application label "VISA CREDIT", 87 01 01.
    public const string AdfFci = "6F1B8407A0000000031010A510500B5649534120435245444954870101";

    public int Selects { get; private set; }
    public int Resets { get; private set; }

    public void Reset() => Resets++;

    public byte[] Transmit(byte[] command)
    {
        if (command.Length < 4) return Hex.Decode("6700");
        if (command[1] != 0xA4) return Hex.Decode("6D00");
        Selects++;
        string hex = Hex.Encode(command);
        if (hex == SelectPpse) return Hex.Decode(PpseFci + "9000");
        if (hex == "00A4040007" + Aid + "00") return Hex.Decode(AdfFci + "9000");
        return Hex.Decode("6A82");
    }
}
