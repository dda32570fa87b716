using Terminal.EmvKernel.Dictionary;
using Terminal.EmvKernel.Tlv;
using Terminal.EmvKernel.Util;

namespace Terminal.EmvKernel.Dol
{
    /// <summary>
    /// A parsed Data Object List (PDOL '9F38', CDOL1 '8C', CDOL2 '8D', DDOL '9F49', TDOL '97', UDOL '9F69'),
    /// EMV 4.4 Book 3, 5.4: a concatenation of entries, each a BER tag (1-3 bytes, Annex B1) followed by a
    /// one-byte length of the value the card expects; no values.
    /// <para>
    /// A malformed DOL raises <see cref="TlvException"/> (the project's one TLV error type): TruncatedTag,
    /// TagTooLong, or TruncatedLength when the length byte after a tag is missing. Offsets are absolute.
    /// </para>
    /// <para>
    /// The DOL data (the command data for GPO inside '83', GENERATE AC, INTERNAL AUTHENTICATE, ...) is the
    /// concatenation of each entry's value fitted to the entry length by <see cref="DolValueFormatter"/>.
    /// Entries are filled independently, so a tag listed twice is filled twice; a zero-length entry adds
    /// nothing; a constructed tag is zero-filled (Book 3, 5.4 a).
    /// </para>
    /// </summary>
    public sealed class DataObjectList
    {
        /// <summary>A DOL without entries (e.g. no PDOL in the FCI: GPO data is '83 00').</summary>
        public static readonly DataObjectList Empty = new DataObjectList(new int[0], new int[0], 0);

        private readonly int[] _tags;
        private readonly int[] _lengths;
        private readonly int _dataLength;

        private DataObjectList(int[] tags, int[] lengths, int dataLength)
        {
            _tags = tags;
            _lengths = lengths;
            _dataLength = dataLength;
        }

        /// <summary>Parses a whole DOL value (null or empty gives <see cref="Empty"/>).</summary>
        public static DataObjectList Parse(byte[] dol)
        {
            if (dol == null) return Empty;
            return Parse(dol, 0, dol.Length);
        }

        /// <summary>Parses the DOL in data[offset..offset+length) (e.g. a TlvObject's value view).</summary>
        public static DataObjectList Parse(byte[] data, int offset, int length)
        {
            ByteBuffer.CheckRange(data, offset, length);
            int end = offset + length;
            int count = 0;
            int pos = offset;
            while (pos < end)
            {
                ReadEntry(data, ref pos, end);
                count++;
            }
            if (count == 0) return Empty;
            int[] tags = new int[count];
            int[] lengths = new int[count];
            int total = 0;
            pos = offset;
            for (int i = 0; i < count; i++)
            {
                tags[i] = ReadEntry(data, ref pos, end);
                lengths[i] = data[pos - 1];
                total += lengths[i];
            }
            return new DataObjectList(tags, lengths, total);
        }

        /// <summary>Reads one entry at pos; returns its tag and leaves pos after its length byte.</summary>
        private static int ReadEntry(byte[] data, ref int pos, int end)
        {
            int tag = TlvReader.ReadTag(data, ref pos, end);
            if (pos >= end)
                throw new TlvException(TlvError.TruncatedLength, pos, "DOL entry " + TlvTag.ToHex(tag) + " has no length byte");
            pos++;
            return tag;
        }

        /// <summary>Number of entries.</summary>
        public int Count
        {
            get { return _tags.Length; }
        }

        /// <summary>Tag of entry <paramref name="index"/>.</summary>
        public int TagAt(int index)
        {
            CheckIndex(index);
            return _tags[index];
        }

        /// <summary>Length (0-255) of entry <paramref name="index"/>.</summary>
        public int LengthAt(int index)
        {
            CheckIndex(index);
            return _lengths[index];
        }

        /// <summary>Total length of the DOL data: the sum of the entry lengths (e.g. the length of '83' in GPO).</summary>
        public int DataLength
        {
            get { return _dataLength; }
        }

        /// <summary>True when an entry has this tag (e.g. a DDOL must list '9F37').</summary>
        public bool Contains(int tag)
        {
            for (int i = 0; i < _tags.Length; i++)
            {
                if (_tags[i] == tag) return true;
            }
            return false;
        }

        /// <summary>The DOL data as one new array of exactly <see cref="DataLength"/> bytes.</summary>
        public byte[] Build(IDolDataSource source)
        {
            byte[] data = new byte[_dataLength];
            BuildInto(source, data, 0);
            return data;
        }

        /// <summary>
        /// Writes the DOL data at destination[offset] and returns <see cref="DataLength"/>. Raises
        /// <see cref="TlvException"/> (OutputTooSmall) when it does not fit.
        /// </summary>
        public int BuildInto(IDolDataSource source, byte[] destination, int offset)
        {
            if (source == null) throw new System.ArgumentNullException("source");
            if (destination == null) throw new System.ArgumentNullException("destination");
            if (offset < 0 || offset > destination.Length || destination.Length - offset < _dataLength)
                throw new TlvException(TlvError.OutputTooSmall, offset, "DOL data needs " + _dataLength.ToString() + " bytes");
            int at = offset;
            for (int i = 0; i < _tags.Length; i++)
            {
                int tag = _tags[i];
                int length = _lengths[i];
                if (length == 0) continue;
                if (TlvTag.IsConstructed(tag))
                {
                    // Book 3, 5.4 a: a constructed data object is sent as zeros.
                    System.Array.Clear(destination, at, length);
                }
                else
                {
                    byte[] value = source.Get(tag);
                    // The format matters only when a value is present and its length differs from the entry.
                    DataFormat format = value != null && value.Length != length ? source.FormatOf(tag) : DataFormat.Binary;
                    DolValueFormatter.Fit(value, format, destination, at, length);
                }
                at += length;
            }
            return _dataLength;
        }

        /// <summary>Appends the DOL data to <paramref name="output"/> (e.g. after a '83' header written by TlvWriter).</summary>
        public void AppendTo(IDolDataSource source, ByteBuffer output)
        {
            if (output == null) throw new System.ArgumentNullException("output");
            int at = output.Reserve(_dataLength);
            BuildInto(source, output.GetBuffer(), at);
        }

        private void CheckIndex(int index)
        {
            if (index < 0 || index >= _tags.Length) throw new System.ArgumentOutOfRangeException("index", "index outside the DOL");
        }
    }
}
