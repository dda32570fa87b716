namespace Terminal.GlyphGen;

/// <summary>One glyph of a bitmap font: metrics (X11 xCharInfo) and rows of pixels.</summary>
public sealed class PcfGlyph
{
    /// <summary>Creates the glyph.</summary>
    public PcfGlyph(int leftBearing, int rightBearing, int advance, int ascent, int descent, bool[,] pixels)
    {
        LeftBearing = leftBearing; RightBearing = rightBearing; Advance = advance; Ascent = ascent; Descent = descent; Pixels = pixels;
    }
    /// <summary>Left side bearing: ink starts this many pixels right of the origin.</summary>
    public int LeftBearing { get; }
    /// <summary>Right side bearing: ink ends before this many pixels right of the origin.</summary>
    public int RightBearing { get; }
    /// <summary>Advance width (character width).</summary>
    public int Advance { get; }
    /// <summary>Ink rows above the baseline.</summary>
    public int Ascent { get; }
    /// <summary>Ink rows below the baseline.</summary>
    public int Descent { get; }
    /// <summary>Ink pixels [row, column], (Ascent + Descent) x (RightBearing - LeftBearing).</summary>
    public bool[,] Pixels { get; }
}

/// <summary>
/// A reader of the X11 Portable Compiled Format (PCF), the format of Debian's bitmap fonts (xfonts-wqy ships
/// .pcf). Layout per the X.org "PCF" description (as read by FreeType's pcfread.c and bdftopcf): the header
/// "\x01fcp", a table of contents (type, format, size, offset), then the tables. Read here: metrics
/// (compressed or not), bitmaps, BDF encodings and the (BDF) accelerators for the font ascent and descent.
/// Each table starts with its format word (little-endian); its other numbers follow the format's byte order.
/// </summary>
public sealed class PcfFont
{
    private const int Accelerators = 1 << 1, Metrics = 1 << 2, Bitmaps = 1 << 3, BdfEncodings = 1 << 5, BdfAccelerators = 1 << 8;
    private const int CompressedMetrics = 0x100;
    private readonly byte[] _data;
    private readonly Dictionary<int, (int Format, int Offset)> _tables = new();
    private readonly List<(int Lsb, int Rsb, int Width, int Ascent, int Descent)> _metrics = new();
    private int[] _bitmapOffsets;
    private int _bitmapStart, _bitmapFormat;
    private int _minByte2, _maxByte2, _minByte1, _maxByte1;
    private int[] _encoding;

    /// <summary>Parses the font; <see cref="InvalidDataException"/> when it is not a PCF file.</summary>
    public PcfFont(byte[] data)
    {
        _data = data ?? throw new ArgumentNullException(nameof(data));
        if (data.Length < 8 || data[0] != 1 || data[1] != (byte)'f' || data[2] != (byte)'c' || data[3] != (byte)'p')
            throw new InvalidDataException("not a PCF font (no \\x01fcp header)");
        int count = LittleInt(4);
        for (int i = 0; i < count; i++)
        {
            int entry = 8 + 16 * i;
            _tables[LittleInt(entry)] = (LittleInt(entry + 4), LittleInt(entry + 12));
        }
        ReadMetrics();
        ReadBitmaps();
        ReadEncodings();
        ReadAccelerators();
    }

    /// <summary>Font ascent: rows above the baseline of a line.</summary>
    public int FontAscent { get; private set; }

    /// <summary>Font descent: rows below the baseline.</summary>
    public int FontDescent { get; private set; }

    /// <summary>The glyph of a Unicode character (the font's encoding is ISO10646-1), or null when it has none.</summary>
    public PcfGlyph Glyph(char c)
    {
        int b1 = c >> 8, b2 = c & 0xFF;
        if (b1 < _minByte1 || b1 > _maxByte1 || b2 < _minByte2 || b2 > _maxByte2) return null;
        int index = _encoding[(b1 - _minByte1) * (_maxByte2 - _minByte2 + 1) + (b2 - _minByte2)];
        if (index == 0xFFFF || index >= _metrics.Count) return null;
        var m = _metrics[index];
        int width = m.Rsb - m.Lsb, height = m.Ascent + m.Descent;
        var pixels = new bool[Math.Max(0, height), Math.Max(0, width)];
        int pad = 1 << (_bitmapFormat & 3);                 // row padding: 1, 2, 4 or 8 bytes
        int unit = 1 << ((_bitmapFormat >> 4) & 3);         // scan unit: 1, 2, 4 bytes
        bool msByte = (_bitmapFormat & 4) != 0, msBit = (_bitmapFormat & 8) != 0;
        int rowBytes = (width + 8 * pad - 1) / (8 * pad) * pad;
        int start = _bitmapStart + _bitmapOffsets[index];
        for (int y = 0; y < height; y++)
        {
            byte[] row = new byte[rowBytes];
            Array.Copy(_data, start + y * rowBytes, row, 0, rowBytes);
            if (msByte != msBit && unit > 1)                // bytes within a scan unit are in the other order
                for (int u = 0; u < rowBytes; u += unit) Array.Reverse(row, u, unit);
            for (int x = 0; x < width; x++)
            {
                int b = row[x >> 3];
                pixels[y, x] = msBit ? (b & (0x80 >> (x & 7))) != 0 : (b & (1 << (x & 7))) != 0;
            }
        }
        return new PcfGlyph(m.Lsb, m.Rsb, m.Width, m.Ascent, m.Descent, pixels);
    }

    private void ReadMetrics()
    {
        var (format, offset) = Table(Metrics);
        int p = offset + 4;
        if ((format & CompressedMetrics) != 0)
        {
            int count = Short(p, format); p += 2;
            for (int i = 0; i < count; i++, p += 5)
                _metrics.Add((_data[p] - 0x80, _data[p + 1] - 0x80, _data[p + 2] - 0x80, _data[p + 3] - 0x80, _data[p + 4] - 0x80));
        }
        else
        {
            int count = Int(p, format); p += 4;
            for (int i = 0; i < count; i++, p += 12)
                _metrics.Add((Short(p, format), Short(p + 2, format), Short(p + 4, format), Short(p + 6, format), Short(p + 8, format)));
        }
    }

    private void ReadBitmaps()
    {
        var (format, offset) = Table(Bitmaps);
        _bitmapFormat = format;
        int count = Int(offset + 4, format);
        _bitmapOffsets = new int[count];
        for (int i = 0; i < count; i++) _bitmapOffsets[i] = Int(offset + 8 + 4 * i, format);
        _bitmapStart = offset + 8 + 4 * count + 16;         // after the four bitmap sizes
    }

    private void ReadEncodings()
    {
        var (format, offset) = Table(BdfEncodings);
        int p = offset + 4;
        _minByte2 = Short(p, format); _maxByte2 = Short(p + 2, format);
        _minByte1 = Short(p + 4, format); _maxByte1 = Short(p + 6, format);
        int n = (_maxByte2 - _minByte2 + 1) * (_maxByte1 - _minByte1 + 1);
        _encoding = new int[n];
        for (int i = 0; i < n; i++) _encoding[i] = Short(p + 10 + 2 * i, format) & 0xFFFF;
    }

    private void ReadAccelerators()
    {
        var (format, offset) = _tables.ContainsKey(BdfAccelerators) ? Table(BdfAccelerators) : Table(Accelerators);
        // 8 flag bytes, then fontAscent, fontDescent (int32 each).
        FontAscent = Int(offset + 4 + 8, format);
        FontDescent = Int(offset + 4 + 12, format);
    }

    private (int Format, int Offset) Table(int type)
    {
        if (!_tables.TryGetValue(type, out var t)) throw new InvalidDataException("PCF font lacks table " + type);
        int format = LittleInt(t.Offset);
        return (format, t.Offset);
    }

    private int LittleInt(int p) => _data[p] | _data[p + 1] << 8 | _data[p + 2] << 16 | _data[p + 3] << 24;

    private int Int(int p, int format) => (format & 4) != 0
        ? _data[p] << 24 | _data[p + 1] << 16 | _data[p + 2] << 8 | _data[p + 3]
        : LittleInt(p);

    private int Short(int p, int format) => (short)((format & 4) != 0 ? _data[p] << 8 | _data[p + 1] : _data[p] | _data[p + 1] << 8);
}
