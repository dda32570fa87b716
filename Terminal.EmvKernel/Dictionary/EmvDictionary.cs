namespace Terminal.EmvKernel.Dictionary
{
    /// <summary>
    /// The EMV data dictionary: every data element of EMV 4.4 Book 3 Annex A (Table 33) that has a tag, plus the
    /// Entry Point (Book B), C-2 (Mastercard), C-3 (Visa) and C-4 (Amex) data elements a terminal meets.
    /// <para>
    /// Memory: the table is three parallel arrays (sorted tags, one packed int of attributes per entry, names)
    /// plus a short template-name table; a <see cref="DataElement"/> is created only on <see cref="Find"/>.
    /// Lookup is a binary search over the sorted tag array.
    /// </para>
    /// <para>
    /// Where two kernel books give one tag different meanings (for example '9F6E'), the entry's name lists both
    /// and the format and length range cover both; kernel code that knows its context decodes the value itself.
    /// </para>
    /// </summary>
    public static partial class EmvDictionary
    {
        // Packed attributes, one int per entry:
        //   bits 0-9   maximum length (bytes)      bits 10-19 minimum length (bytes)
        //   bits 20-23 DataFormat                  bits 24-25 DataSource
        //   bits 26-31 index into TemplateNames
        private const int LengthMask = 0x3FF;
        private const int MinShift = 10;
        private const int FormatShift = 20;
        private const int SourceShift = 24;
        private const int TemplateShift = 26;

        private static readonly int[] tags;
        private static readonly int[] attributes;
        private static readonly string[] names;

        // Build-time state, used by the static constructor only.
        private static int building;
        private static int[] buildTags;
        private static int[] buildAttributes;
        private static string[] buildNames;

        static EmvDictionary()
        {
            buildTags = new int[320];
            buildAttributes = new int[320];
            buildNames = new string[320];
            building = 0;

            AddBook3Elements();
            AddContactlessElements();

            tags = new int[building];
            attributes = new int[building];
            names = new string[building];
            System.Array.Copy(buildTags, tags, building);
            System.Array.Copy(buildAttributes, attributes, building);
            System.Array.Copy(buildNames, names, building);
            buildTags = null;
            buildAttributes = null;
            buildNames = null;
            SortByTag();
        }

        /// <summary>Number of data elements in the dictionary.</summary>
        public static int Count { get { return tags.Length; } }

        /// <summary>The entry for <paramref name="tag"/>, or null when the tag is not in the dictionary.</summary>
        public static DataElement Find(int tag)
        {
            int i = IndexOf(tag);
            return i < 0 ? null : ElementAt(i);
        }

        /// <summary>True when the dictionary has an entry for <paramref name="tag"/>.</summary>
        public static bool Contains(int tag)
        {
            return IndexOf(tag) >= 0;
        }

        /// <summary>Name of the data element, or null when the tag is not in the dictionary.</summary>
        public static string NameOf(int tag)
        {
            int i = IndexOf(tag);
            return i < 0 ? null : names[i];
        }

        /// <summary>Format of the data element; <see cref="DataFormat.Binary"/> when the tag is unknown.</summary>
        public static DataFormat FormatOf(int tag)
        {
            int i = IndexOf(tag);
            return i < 0 ? DataFormat.Binary : (DataFormat)((attributes[i] >> FormatShift) & 0xF);
        }

        /// <summary>Tag of the entry at <paramref name="index"/> (0 .. Count-1), in ascending tag order.</summary>
        public static int TagAt(int index)
        {
            CheckIndex(index);
            return tags[index];
        }

        /// <summary>The entry at <paramref name="index"/> (0 .. Count-1), in ascending tag order.</summary>
        public static DataElement ElementAt(int index)
        {
            CheckIndex(index);
            int a = attributes[index];
            return new DataElement(
                tags[index],
                names[index],
                (DataFormat)((a >> FormatShift) & 0xF),
                (a >> MinShift) & LengthMask,
                a & LengthMask,
                TemplateNames[(int)((uint)a >> TemplateShift)],
                (DataSource)((a >> SourceShift) & 0x3));
        }

        private static void CheckIndex(int index)
        {
            if (index < 0 || index >= tags.Length)
                throw new System.ArgumentOutOfRangeException("index", "dictionary index out of range");
        }

        private static int IndexOf(int tag)
        {
            int low = 0;
            int high = tags.Length - 1;
            while (low <= high)
            {
                int mid = (low + high) >> 1;
                int t = tags[mid];
                if (t == tag) return mid;
                if (t < tag) low = mid + 1;
                else high = mid - 1;
            }
            return -1;
        }

        // Insertion sort of the three parallel arrays; runs once, on about 250 mostly sorted entries.
        private static void SortByTag()
        {
            for (int i = 1; i < tags.Length; i++)
            {
                int t = tags[i];
                int a = attributes[i];
                string n = names[i];
                int j = i - 1;
                while (j >= 0 && tags[j] > t)
                {
                    tags[j + 1] = tags[j];
                    attributes[j + 1] = attributes[j];
                    names[j + 1] = names[j];
                    j--;
                }
                tags[j + 1] = t;
                attributes[j + 1] = a;
                names[j + 1] = n;
            }
        }

        // ---- table-building helpers (used by the partial files) ----

        // Formats
        private const int B = (int)DataFormat.Binary;
        private const int N = (int)DataFormat.Numeric;
        private const int CN = (int)DataFormat.CompressedNumeric;
        private const int A = (int)DataFormat.Alphabetic;
        private const int AN = (int)DataFormat.Alphanumeric;
        private const int ANS = (int)DataFormat.AlphanumericSpecial;
        private const int VAR = (int)DataFormat.Variable;

        // Sources
        private const int Card = (int)DataSource.Card;
        private const int Term = (int)DataSource.Terminal;
        private const int Iss = (int)DataSource.Issuer;

        // "var." with no bound in Annex A
        private const int Var = DataElement.UnboundedLength;

        // Templates (index into TemplateNames)
        private const int NoTpl = 0;
        private const int In7077 = 1;
        private const int In7780 = 2;
        private const int In61 = 3;
        private const int In61A5 = 4;
        private const int InA5 = 5;
        private const int In6F = 6;
        private const int InBF0C73 = 7;
        private const int In7172 = 8;
        private const int In70 = 9;
        private const int InBF0C = 10;
        private const int InBF0C70 = 11;

        private static readonly string[] TemplateNames =
        {
            "",
            "70 or 77",
            "77 or 80",
            "61",
            "61 or A5",
            "A5",
            "6F",
            "BF0C or 73",
            "71 or 72",
            "70",
            "BF0C",
            "BF0C or 70",
        };

        private static void Add(int tag, string name, int format, int minLength, int maxLength, int template, int source)
        {
            buildTags[building] = tag;
            buildNames[building] = name;
            buildAttributes[building] = maxLength | (minLength << MinShift) | (format << FormatShift)
                | (source << SourceShift) | (template << TemplateShift);
            building++;
        }
    }
}
