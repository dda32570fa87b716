using Terminal.EmvKernel.Util;
namespace Terminal.Firmware.Core.HostLink.Iso8583
{
    /// <summary>Decimal text helpers for fixed-width numeric subfields (no string.Format on the device).</summary>
    internal static class Digits
    {
        /// <summary>The number as exactly <paramref name="width"/> digits with leading zeros.</summary>
        internal static string Pad(long value, int width, int field)
        {
            if (value < 0) throw new Iso8583Exception(Iso8583Error.InvalidValue, field, Iso8583Exception.NoOffset, "negative number");
            string text = value.ToString();
            if (text.Length > width) throw new Iso8583Exception(Iso8583Error.InvalidValue, field, Iso8583Exception.NoOffset, "number too wide for its subfield");
            return string.Concat(new string('0', width - text.Length), text);
        }

        /// <summary>Checks that the text is exactly <paramref name="width"/> decimal digits.</summary>
        internal static string Exact(string text, int width, int field, string what)
        {
            if (!DecimalText.IsDigits(text, width, width))
                throw new Iso8583Exception(Iso8583Error.InvalidValue, field, Iso8583Exception.NoOffset, what);
            return text;
        }

        /// <summary>Parses decimal digits text[start..start+count) (all checked to be digits before).</summary>
        internal static long Value(string text, int start, int count)
        {
            long v = 0;
            for (int i = 0; i < count; i++) v = v * 10 + (text[start + i] - '0');
            return v;
        }

        /// <summary>Two digits of a date/time part.</summary>
        internal static string Two(int value)
        {
            return value < 10 ? string.Concat("0", value.ToString()) : value.ToString();
        }
    }
}
