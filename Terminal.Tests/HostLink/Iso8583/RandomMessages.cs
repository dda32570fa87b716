using Terminal.Firmware.Core.HostLink.Iso8583;

namespace Terminal.Tests.HostLink.Iso8583;

/// <summary>Random valid messages for a dialect, driven by the table's definitions (for property tests).</summary>
internal static class RandomMessages
{
    public static Iso8583Message Valid(Iso8583Dialect dialect, Random random)
    {
        var m = new Iso8583Message("0" + random.Next(0, 1000).ToString("D3"));
        if (dialect.Header.Length > 0)
        {
            var header = new byte[dialect.Header.Length];
            int at = 0;
            if (dialect.Header.HasTpdu)
            {
                new Tpdu(random.Next(0, 0x10000), random.Next(0, 0x10000)).WriteTo(header, 0);
                at = Tpdu.Length;
            }
            for (; at < header.Length; at++) header[at] = (byte)((random.Next(10) << 4) | random.Next(10));
            m.Header = header;
        }
        foreach (int f in dialect.Packager.DefinedFields())
        {
            if (random.Next(3) != 0) continue;
            var d = dialect.Packager.Definition(f);
            int length = d.LengthType == LengthType.Fixed ? d.MaxLength : random.Next(0, d.MaxLength + 1);
            switch (d.Content)
            {
                case ContentEncoding.Bcd: m.SetString(f, Chars(random, length, "0123456789")); break;
                case ContentEncoding.Track2Bcd: m.SetString(f, Chars(random, length, "0123456789=")); break;
                case ContentEncoding.SignedAmount: m.SetString(f, Chars(random, 1, "CD") + Chars(random, length, "0123456789")); break;
                default:
                    var bytes = new byte[length];
                    random.NextBytes(bytes);
                    m.SetBytes(f, bytes);
                    break;
            }
        }
        return m;
    }

    private static string Chars(Random random, int length, string alphabet)
    {
        var c = new char[length];
        for (int i = 0; i < length; i++) c[i] = alphabet[random.Next(alphabet.Length)];
        return new string(c);
    }
}
