using System.Text;
using Terminal.EmvKernel.Util;

namespace Terminal.Decode;

/// <summary>
/// Masks PANs for display: the first 6 and last 4 digits stay visible (PCI DSS 3.4), the rest reads '*'.
/// Track data also hides the discretionary data; expiry date and service code stay visible.
/// </summary>
public static class PanMasking
{
    /// <summary>Tags whose values hold a PAN: 5A PAN, 57 Track 2 Equivalent Data, 9F6B Track 2 Data (C-2), 56 Track 1 Data.</summary>
    public static bool IsPanTag(int tag) => tag == 0x5A || tag == 0x57 || tag == 0x9F6B || tag == 0x56;

    /// <summary>The masked display of a PAN-bearing value.</summary>
    public static string MaskValue(int tag, byte[] value)
    {
        if (tag == 0x56) return MaskTrack1(value);
        string digits = Hex.Encode(value);
        return tag == 0x5A ? MaskDigits(digits.TrimEnd('F')) : MaskTrack2(digits);
    }

    /// <summary>First 6 and last 4 of 11 or more digits visible; shorter strings are masked whole.</summary>
    public static string MaskDigits(string pan)
    {
        if (pan.Length < 11) return new string('*', pan.Length);
        return pan.Substring(0, 6) + new string('*', pan.Length - 10) + pan.Substring(pan.Length - 4);
    }

    /// <summary>Track 2 digits (PAN 'D' YYMM service-code discretionary 'F'): PAN masked, discretionary data starred.</summary>
    public static string MaskTrack2(string digits)
    {
        digits = digits.TrimEnd('F');
        int separator = digits.IndexOf('D');
        if (separator < 0) return MaskDigits(digits);
        string after = digits.Substring(separator + 1);
        int visible = Math.Min(7, after.Length); // YYMM and the three-digit service code
        return MaskDigits(digits.Substring(0, separator)) + "D" + after.Substring(0, visible) + new string('*', after.Length - visible);
    }

    /// <summary>Track 1 ('B' PAN '^' name '^' YYMM service-code discretionary): PAN masked, discretionary data starred.</summary>
    public static string MaskTrack1(byte[] value)
    {
        string text = Encoding.ASCII.GetString(value);
        int first = text.IndexOf('^');
        if (first < 0) return new string('*', text.Length);
        int start = text.Length > 0 && !char.IsDigit(text[0]) ? 1 : 0;
        var sb = new StringBuilder();
        sb.Append(text, 0, start);
        sb.Append(MaskDigits(text.Substring(start, first - start)));
        int second = text.IndexOf('^', first + 1);
        if (second < 0) return sb.Append(new string('*', text.Length - first)).ToString();
        sb.Append(text, first, second - first + 1);
        string after = text.Substring(second + 1);
        int visible = Math.Min(7, after.Length);
        return sb.Append(after, 0, visible).Append(new string('*', after.Length - visible)).ToString();
    }
}
