using System.Collections;

namespace Terminal.EmvKernel.DataObjects
{
    /// <summary>
    /// Application File Locator, tag '94' (EMV 4.4 Book 3, 10.2): a list of 4-byte entries, each naming an SFI,
    /// a record range and how many of its records take part in offline data authentication. Any broken rule gives
    /// <see cref="ApplicationFileLocatorException"/> (a <see cref="DataObjectException"/>) with the rule and entry.
    /// An empty value decodes to zero entries (contactless kernels allow a GPO response without records); the
    /// contact kernel rejects that itself.
    /// <para>Describe lines, one per entry: <c>"SFI 1: records 1-1, 0 for offline data authentication"</c>.</para>
    /// </summary>
    public sealed class ApplicationFileLocator
    {
        /// <summary>Tag '94'.</summary>
        public const int TagValue = 0x94;

        private readonly AflEntry[] entries;

        /// <summary>Decodes and validates an AFL value.</summary>
        public ApplicationFileLocator(byte[] value)
        {
            if (value == null) throw new ApplicationFileLocatorException(AflError.Missing, -1);
            if ((value.Length & 3) != 0) throw new ApplicationFileLocatorException(AflError.LengthNotMultipleOfFour, -1);
            entries = new AflEntry[value.Length / 4];
            for (int i = 0; i < entries.Length; i++)
            {
                int o = 4 * i;
                int b1 = value[o];
                int first = value[o + 1];
                int last = value[o + 2];
                int oda = value[o + 3];
                if ((b1 & 0x07) != 0) throw new ApplicationFileLocatorException(AflError.SfiByteLowBitsNotZero, i);
                int sfi = b1 >> 3;
                if (sfi < 1 || sfi > 30) throw new ApplicationFileLocatorException(AflError.SfiOutOfRange, i);
                if (first == 0) throw new ApplicationFileLocatorException(AflError.FirstRecordZero, i);
                if (last < first) throw new ApplicationFileLocatorException(AflError.LastRecordBeforeFirst, i);
                if (oda > last - first + 1) throw new ApplicationFileLocatorException(AflError.OdaRecordCountTooLarge, i);
                entries[i] = new AflEntry(sfi, first, last, oda);
            }
        }

        /// <summary>Number of entries.</summary>
        public int Count { get { return entries.Length; } }

        /// <summary>The entry at <paramref name="index"/> (0-based, in AFL order).</summary>
        public AflEntry EntryAt(int index)
        {
            if (index < 0 || index >= entries.Length)
                throw new System.ArgumentOutOfRangeException("index", "AFL entry index out of range");
            return entries[index];
        }

        /// <summary>Total number of records to read.</summary>
        public int RecordCount
        {
            get
            {
                int n = 0;
                for (int i = 0; i < entries.Length; i++) n += entries[i].RecordCount;
                return n;
            }
        }

        /// <summary>Total number of records that take part in offline data authentication.</summary>
        public int OdaRecordCount
        {
            get
            {
                int n = 0;
                for (int i = 0; i < entries.Length; i++) n += entries[i].OdaRecordCount;
                return n;
            }
        }

        /// <summary>Readable lines (format in the class summary).</summary>
        public string[] Describe()
        {
            ArrayList lines = new ArrayList();
            Describe(lines);
            return DataObjectText.ToStringArray(lines);
        }

        /// <summary>Appends the readable lines to <paramref name="lines"/>.</summary>
        public void Describe(ArrayList lines)
        {
            for (int i = 0; i < entries.Length; i++) lines.Add(entries[i].ToString());
        }
    }
}
