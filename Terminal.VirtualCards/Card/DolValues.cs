using Terminal.EmvKernel.Dol;

namespace Terminal.VirtualCards.Card
{
    /// <summary>
    /// The card's view of DOL-built data (PDOL, CDOL1, CDOL2, DDOL data): the value of each listed tag,
    /// taken from the concatenated data by the DOL's tag/length entries (EMV 4.4 Book 3, 5.4).
    /// </summary>
    internal sealed class DolValues
    {
        private readonly DataObjectList _dol;
        private readonly byte[] _data;

        private DolValues(DataObjectList dol, byte[] data)
        {
            _dol = dol;
            _data = data;
        }

        /// <summary>Parses the DOL; null when the card's own DOL does not parse (treated as empty).</summary>
        public static DataObjectList ParseDol(byte[] dol)
        {
            if (dol == null || dol.Length == 0) return DataObjectList.Empty;
            try
            {
                return DataObjectList.Parse(dol);
            }
            catch (System.Exception)
            {
                return DataObjectList.Empty;
            }
        }

        /// <summary>The expected data length for a DOL.</summary>
        public static int ExpectedLength(byte[] dol)
        {
            return ParseDol(dol).DataLength;
        }

        /// <summary>Wraps data that has been checked to have the DOL's length.</summary>
        public static DolValues Of(byte[] dol, byte[] data)
        {
            return new DolValues(ParseDol(dol), data);
        }

        /// <summary>The raw data.</summary>
        public byte[] Data { get { return _data; } }

        /// <summary>The value of the first entry with this tag, or null when the DOL does not list it.</summary>
        public byte[] Find(int tag)
        {
            int at = 0;
            for (int i = 0; i < _dol.Count; i++)
            {
                int len = _dol.LengthAt(i);
                if (_dol.TagAt(i) == tag)
                {
                    byte[] v = new byte[len];
                    System.Array.Copy(_data, at, v, 0, len);
                    return v;
                }
                at += len;
            }
            return null;
        }

        /// <summary>The value of tag, or zeros of the given length when absent (or wrong length: left-padded/truncated right).</summary>
        public byte[] FindOrZeros(int tag, int length)
        {
            byte[] v = Find(tag);
            byte[] r = new byte[length];
            if (v == null) return r;
            int n = v.Length < length ? v.Length : length;
            System.Array.Copy(v, 0, r, length - n, n);
            return r;
        }
    }
}
