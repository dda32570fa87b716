using System.Collections;
using Terminal.EmvKernel.Tlv;
using Terminal.EmvKernel.Util;

namespace Terminal.VirtualCards.Personalisation
{
    /// <summary>
    /// The <c>[records]</c> layout of one application: <c>record.SFI.NUMBER = [oda] TAG TAG ...</c>. Builds the
    /// '70' templates, the AFL (94) and the static data to be authenticated (EMV 4.4 Book 3, 10.3: for SFI 1-10
    /// the record value without tag 70 and length, for SFI 11-30 the whole record; then the AIP when 9F4A = 82).
    /// </summary>
    internal sealed class RecordPlan
    {
        private readonly ArrayList _items = new ArrayList();

        private sealed class Item
        {
            public int Sfi;
            public int Number;
            public bool Oda;
            public int[] Tags;
            public int Line;
            public string Key;
            public byte[] Data;
        }

        public int Count { get { return _items.Count; } }

        public static RecordPlan Parse(ProfileSection s)
        {
            RecordPlan plan = new RecordPlan();
            if (s == null) return plan;
            for (int i = 0; i < s.Count; i++)
            {
                ProfileEntry e = s.EntryAt(i);
                Item it = new Item();
                it.Line = e.Line;
                it.Key = e.Key;
                ParseName(e, it);
                for (int j = 0; j < plan._items.Count; j++)
                {
                    Item o = (Item)plan._items[j];
                    if (o.Sfi == it.Sfi && o.Number == it.Number) throw new CardProfileException(CardProfileError.Duplicate, e.Line, e.Key, "record given twice");
                }
                ParseTags(e, it);
                plan._items.Add(it);
            }
            return plan;
        }

        private static void ParseName(ProfileEntry e, Item it)
        {
            // record.S.N
            string k = e.Key;
            int dot = k.IndexOf('.', 7);
            if (dot < 0) throw new CardProfileException(CardProfileError.UnknownKey, e.Line, k, "expected record.SFI.NUMBER");
            it.Sfi = SmallNumber(e, k.Substring(7, dot - 7), 1, 30);
            it.Number = SmallNumber(e, k.Substring(dot + 1), 1, 255);
        }

        private static int SmallNumber(ProfileEntry e, string t, int min, int max)
        {
            if (t.Length == 0 || t.Length > 3) throw new CardProfileException(CardProfileError.UnknownKey, e.Line, e.Key, "expected record.SFI.NUMBER");
            int v = 0;
            for (int i = 0; i < t.Length; i++)
            {
                if (t[i] < '0' || t[i] > '9') throw new CardProfileException(CardProfileError.UnknownKey, e.Line, e.Key, "expected record.SFI.NUMBER");
                v = v * 10 + (t[i] - '0');
            }
            if (v < min || v > max) throw new CardProfileException(CardProfileError.InvalidValue, e.Line, e.Key, "SFI 1-30, record 1-255");
            return v;
        }

        private static void ParseTags(ProfileEntry e, Item it)
        {
            string[] words = e.Value.Split(' ');
            ArrayList tags = new ArrayList();
            for (int i = 0; i < words.Length; i++)
            {
                string w = words[i];
                if (w.Length == 0) continue;
                if (w == "oda")
                {
                    if (tags.Count > 0 || it.Oda) throw ProfileValues.Invalid(e, "'oda' comes first, once");
                    it.Oda = true;
                    continue;
                }
                if (!ProfileValues.IsTagKey(w)) throw ProfileValues.Invalid(e, "expected [oda] then hex tags");
                tags.Add(ProfileValues.TagOf(w));
            }
            if (tags.Count == 0) throw ProfileValues.Invalid(e, "a record holds at least one tag");
            it.Tags = new int[tags.Count];
            for (int i = 0; i < tags.Count; i++) it.Tags[i] = (int)tags[i];
        }

        /// <summary>True when any record (ODA or not, per oda) lists the tag.</summary>
        public bool Lists(int tag, bool odaOnly)
        {
            for (int i = 0; i < _items.Count; i++)
            {
                Item it = (Item)_items[i];
                if (odaOnly && !it.Oda) continue;
                for (int j = 0; j < it.Tags.Length; j++) if (it.Tags[j] == tag) return true;
            }
            return false;
        }

        /// <summary>Builds the records with oda == odaPass from the data.</summary>
        public void Build(ApplicationData data, bool odaPass)
        {
            for (int i = 0; i < _items.Count; i++)
            {
                Item it = (Item)_items[i];
                if (it.Oda != odaPass) continue;
                TlvWriter w = new TlvWriter();
                w.BeginTemplate(0x70);
                for (int j = 0; j < it.Tags.Length; j++)
                {
                    byte[] v = data.Get(it.Tags[j]);
                    if (v == null)
                        throw new CardProfileException(CardProfileError.Missing, it.Line, it.Key,
                            "no value for tag " + Hex.Encode(TagBytes(it.Tags[j])) + " (give it in [application] or [keys])");
                    w.Write(it.Tags[j], v);
                }
                w.EndTemplate();
                it.Data = w.ToArray();
            }
        }

        /// <summary>The static data to be authenticated: the ODA records in AFL order, then the AIP when 9F4A lists 82.</summary>
        public byte[] StaticData(ApplicationData data)
        {
            ByteBuffer b = new ByteBuffer();
            ArrayList order = AflOrder();
            for (int i = 0; i < order.Count; i++)
            {
                Item it = (Item)order[i];
                if (!it.Oda) continue;
                if (it.Sfi <= 10)
                {
                    int headerLength = TemplateHeaderLength(it.Data);
                    b.Append(it.Data, headerLength, it.Data.Length - headerLength);
                }
                else b.Append(it.Data);
            }
            byte[] list = data.Get(0x9F4A);
            if (list != null)
            {
                // Book 3, 10.3: the SDA tag list may only contain 82.
                if (list.Length != 1 || list[0] != 0x82) throw new CardProfileException(CardProfileError.InvalidValue, 0, "sda-tag-list", "only 82 (AIP) is allowed");
                byte[] aip = data.Get(0x82);
                if (aip == null) throw new CardProfileException(CardProfileError.Missing, 0, "aip", "9F4A lists the AIP");
                b.Append(aip);
            }
            return b.ToArray();
        }

        /// <summary>Changes the last byte of the first ODA record (after signing), for tampered-data test cards.</summary>
        public void TamperFirstOdaRecord()
        {
            ArrayList order = AflOrder();
            for (int i = 0; i < order.Count; i++)
            {
                Item it = (Item)order[i];
                if (!it.Oda) continue;
                it.Data[it.Data.Length - 1] ^= 0x01;
                return;
            }
            throw new CardProfileException(CardProfileError.Inconsistent, 0, "tamper-static-data", "no ODA record to tamper with");
        }

        /// <summary>
        /// The AFL: records grouped by SFI in profile order of first appearance; each SFI's numbers must be
        /// consecutive and its ODA records must come first (Book 3, 10.2: byte 4 counts records from the first).
        /// </summary>
        public byte[] Afl()
        {
            ArrayList order = AflOrder();
            ByteBuffer b = new ByteBuffer();
            int i = 0;
            while (i < order.Count)
            {
                Item first = (Item)order[i];
                int j = i;
                int oda = 0;
                bool nonOdaSeen = false;
                while (j < order.Count && ((Item)order[j]).Sfi == first.Sfi)
                {
                    Item it = (Item)order[j];
                    if (it.Number != first.Number + (j - i))
                        throw new CardProfileException(CardProfileError.Inconsistent, it.Line, it.Key, "records of one SFI must be numbered consecutively");
                    if (it.Oda)
                    {
                        if (nonOdaSeen) throw new CardProfileException(CardProfileError.Inconsistent, it.Line, it.Key, "ODA records of an SFI come before its other records (AFL byte 4)");
                        oda++;
                    }
                    else nonOdaSeen = true;
                    j++;
                }
                Item last = (Item)order[j - 1];
                b.Append((byte)(first.Sfi << 3));
                b.Append((byte)first.Number);
                b.Append((byte)last.Number);
                b.Append((byte)oda);
                i = j;
            }
            return b.ToArray();
        }

        /// <summary>Adds the built records to the card application.</summary>
        public void AddTo(Terminal.VirtualCards.Card.CardApplication app)
        {
            ArrayList order = AflOrder();
            for (int i = 0; i < order.Count; i++)
            {
                Item it = (Item)order[i];
                app.AddRecord(it.Sfi, it.Number, it.Data);
            }
        }

        /// <summary>Items sorted by (SFI in order of first appearance, record number): a stable insertion sort.</summary>
        private ArrayList AflOrder()
        {
            ArrayList sfis = new ArrayList();
            for (int i = 0; i < _items.Count; i++)
            {
                int sfi = ((Item)_items[i]).Sfi;
                if (!sfis.Contains(sfi)) sfis.Add(sfi);
            }
            ArrayList result = new ArrayList();
            for (int s = 0; s < sfis.Count; s++)
            {
                int sfi = (int)sfis[s];
                int start = result.Count;
                for (int i = 0; i < _items.Count; i++)
                {
                    Item it = (Item)_items[i];
                    if (it.Sfi != sfi) continue;
                    int pos = result.Count;
                    while (pos > start && ((Item)result[pos - 1]).Number > it.Number) pos--;
                    result.Insert(pos, it);
                }
            }
            return result;
        }

        private static int TemplateHeaderLength(byte[] record)
        {
            int lengthByte = record[1];
            return lengthByte < 0x80 ? 2 : 2 + (lengthByte & 0x7F);
        }

        private static byte[] TagBytes(int tag)
        {
            byte[] b = new byte[TlvTag.ByteLength(tag)];
            TlvTag.Write(tag, b, 0);
            return b;
        }
    }
}
