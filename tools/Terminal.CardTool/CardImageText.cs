using System.Text;
using Terminal.Decode;
using Terminal.EmvKernel.Tlv;
using Terminal.EmvKernel.Util;
using Terminal.VirtualCards.Card;

namespace Terminal.CardTool;

/// <summary>
/// The card image file written by <c>personalise --out</c>: an inspection dump in the profile line syntax
/// (FCI-relevant fields, GPO data, every record as tag:value with PANs and track data masked). It holds no
/// private key, master key or PIN; the
/// card is rebuilt from its profile, which is the source of truth.
/// </summary>
public static class CardImageText
{
    /// <summary>The dump text.</summary>
    public static string Write(CardImage image)
    {
        var sb = new StringBuilder();
        sb.Append("# Card image dump (cardtool personalise). Secrets (keys, PIN) are not included; PANs are masked.\n");
        sb.Append($"[image]\nname = {image.Name}\nstatement = {image.Description}\n");
        sb.Append($"pse = {(image.HasPse ? "yes" : "no")}\nppse = {(image.HasPpse ? "yes" : "no")}\n");
        foreach (CardApplication app in image.Applications)
        {
            sb.Append($"\n[application {Hex.Encode(app.Aid)}]\nlabel = {app.Label}\n");
            sb.Append($"aip = {Hex.Encode(app.Aip)}\nafl = {Hex.Encode(app.Afl)}\n");
            if (app.Pdol != null) sb.Append($"pdol = {Hex.Encode(app.Pdol)}\n");
            if (app.Cdol1 != null) sb.Append($"cdol1 = {Hex.Encode(app.Cdol1)}\n");
            if (app.Cdol2 != null) sb.Append($"cdol2 = {Hex.Encode(app.Cdol2)}\n");
            if (app.CryptogramVersion != null) sb.Append($"cvn = {app.CryptogramVersion.Name}\n");
            sb.Append($"oda-key = {(app.IccPrivateKey != null ? app.IccPrivateKey.ModulusLength * 8 + "-bit ICC key" : "none")}\n");
            foreach (CardRecord r in app.Records)
            {
                sb.Append($"record.{r.Sfi}.{r.RecordNumber} =");
                TlvObject template = TlvParser.Parse(r.Data).FindTopLevel(0x70);
                if (template == null) { sb.Append($" (proprietary, {r.Data.Length} bytes)\n"); continue; }
                for (int i = 0; i < template.Children.Count; i++)
                {
                    TlvObject o = template.Children[i];
                    sb.Append($" {TlvTag.ToHex(o.Tag)}:{(PanMasking.IsPanTag(o.Tag) ? PanMasking.MaskValue(o.Tag, o.CopyValue()) : Hex.Encode(o.CopyValue()))}");
                }
                sb.Append('\n');
            }
        }
        return sb.ToString();
    }
}
