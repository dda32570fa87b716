using System.Text;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Tlv;
using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.Firmware.Core.HostLink.Session;
using Terminal.Firmware.Core.Journal;

namespace Terminal.Emulator.Host;

/// <summary>
/// The kernel's <see cref="IOnlineAuthoriser"/> over the firmware's <see cref="HostSession"/> (journal, reversals):
/// a 0200 sale of the generic 1987 dialect with DE 55 from the kernel; the answer's DE 39 becomes the ARC, DE 55
/// gives '91' and the '71'/'72' scripts. No usable answer: null (the kernel's "unable to go online").
/// After the card's final decision <see cref="Complete"/> closes the journaled transaction (reversal when the card
/// refused a host approval). Interim PC code until the firmware application (h-app) brings its own.
/// </summary>
public sealed class HostAuthoriser(HostSession session, Func<DateTime> now) : IOnlineAuthoriser
{
    /// <summary>Terminal identifier (DE 41).</summary>
    public const string TerminalId = "EMU00001";
    /// <summary>Merchant identifier (DE 42).</summary>
    public const string MerchantId = "EMULATOR0000001";

    /// <summary>Amount of the transaction being authorised (minor units).</summary>
    public long Amount { get; set; }

    /// <summary>POS entry mode (DE 22): 051 chip, 071 contactless, 021 magstripe.</summary>
    public string PosEntryMode { get; set; } = "051";

    /// <summary>The last session result, or null when nothing went to the host.</summary>
    public AuthorisationResult Last { get; private set; }

    /// <summary>Forgets the last result (a new transaction).</summary>
    public void Reset() => Last = null;

    /// <inheritdoc />
    public OnlineResponse Authorise(OnlineRequest request)
    {
        TransactionFields t = Fields(Digits(request.Pan));
        t.ExpiryDate = request.ExpiryDate == null ? null : Hex.Encode(request.ExpiryDate).Substring(0, 4);
        t.CardSequenceNumber = request.PanSequenceNumber == null ? null : "0" + Hex.Encode(request.PanSequenceNumber);
        t.Track2 = request.Track2Equivalent == null ? null : Digits(request.Track2Equivalent).Replace('D', '=');
        t.IccData = request.IccData;
        Last = session.Authorise(Generic87Messages.Sale(t), TransactionKind.Sale, SchemeOf(t.Pan));
        if (Last.Response == null || Last.ResponseCode == null) return null;
        string code = Last.ResponseCode;
        var response = new OnlineResponse(Encoding.ASCII.GetBytes(code.PadRight(2).Substring(0, 2)), code == "00");
        if (Last.Response.Has(38)) response.AuthorisationCode = Encoding.ASCII.GetBytes(Last.Response.GetString(38));
        if (Last.Response.Has(55)) ReadIccResponse(Last.Response.GetBytes(55), response);
        return response;
    }

    /// <summary>A magstripe sale (track 2 in DE 35); true when the host approved.</summary>
    public bool AuthoriseMagstripe(string track2)
    {
        int sep = track2.IndexOf('=');
        TransactionFields t = Fields(sep > 0 ? track2.Substring(0, sep) : track2);
        t.Track2 = track2;
        t.ExpiryDate = sep > 0 && track2.Length >= sep + 5 ? track2.Substring(sep + 1, 4) : null;
        Last = session.Authorise(Generic87Messages.Sale(t), TransactionKind.Sale, SchemeOf(t.Pan));
        if (Last.Status == AuthorisationStatus.HostApproved) Last = session.Complete(Last, true, null);
        return Last.Status == AuthorisationStatus.Approved;
    }

    /// <summary>Closes a host approval with the card's decision (approved: counted; refused: reversed).</summary>
    public void Complete(bool cardAccepted, byte[] finalIccData)
    {
        if (Last != null && Last.Status == AuthorisationStatus.HostApproved) Last = session.Complete(Last, cardAccepted, finalIccData);
    }

    private TransactionFields Fields(string pan)
    {
        var t = new TransactionFields
        {
            Pan = pan,
            Amount = Amount,
            Stan = session.NextTrace(),
            PosEntryMode = PosEntryMode,
            TerminalId = TerminalId,
            MerchantId = MerchantId,
            CurrencyCode = "156",
        };
        DateTime n = now();
        t.SetClock(n, n.ToUniversalTime());
        return t;
    }

    private static void ReadIccResponse(byte[] de55, OnlineResponse response)
    {
        TlvList list;
        try
        {
            list = TlvParser.Parse(de55);
        }
        catch (TlvException)
        {
            return;                                      // unreadable DE 55: no issuer data (TVR shows it)
        }
        var scripts = new List<byte>();
        for (int i = 0; i < list.Count; i++)
        {
            TlvObject o = list[i];
            if (o.Tag == 0x91) response.IssuerAuthenticationData = o.CopyValue();
            else if (o.Tag == 0x71 || o.Tag == 0x72) scripts.AddRange(o.CopyEncoded());
        }
        if (scripts.Count > 0) response.IssuerScripts = scripts.ToArray();
    }

    private static string Digits(byte[] bcd) => Hex.Encode(bcd).TrimEnd('F');

    private static CardScheme SchemeOf(string pan)
    {
        if (string.IsNullOrEmpty(pan)) return CardScheme.Other;
        if (pan.StartsWith("62", StringComparison.Ordinal)) return CardScheme.UnionPay;
        if (pan.StartsWith("34", StringComparison.Ordinal) || pan.StartsWith("37", StringComparison.Ordinal)) return CardScheme.Amex;
        if (pan[0] == '4') return CardScheme.Visa;
        if (pan[0] == '5' || pan[0] == '2') return CardScheme.Mastercard;
        return CardScheme.Other;
    }
}
