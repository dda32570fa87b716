using Terminal.EmvKernel.DataObjects;
using Terminal.EmvKernel.Dol;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Tlv;

namespace Terminal.EmvKernel.Contactless.Shared
{
    /// <summary>
    /// What the contactless kernels (Books C-2 and C-3) read the same way: the FCI Entry Point hands over, the
    /// PDOL, and the GET PROCESSING OPTIONS response. Card errors are <see cref="KernelTerminatedException"/>s.
    /// </summary>
    internal static class ContactlessCardData
    {
        /// <summary>
        /// Book C-2 / C-3 (Entry Point hands over the FCI): the ADF FCI '6F' { '84', 'A5' { '50', '87', '9F38', ... } };
        /// the DF name and the primitive 'A5' items go to <paramref name="card"/>. Returns the PDOL '9F38' or null.
        /// </summary>
        internal static byte[] StoreFci(byte[] fci, CardData card)
        {
            TlvList list;
            try
            {
                list = TlvParser.Parse(fci);
            }
            catch (TlvException e)
            {
                throw new KernelTerminatedException(KernelTerminationReason.InvalidCardResponse, "FCI is not BER-TLV", 0x6F, -1, e);
            }
            TlvObject template = list.FindTopLevel(0x6F);
            if (template == null) throw new KernelTerminatedException(KernelTerminationReason.InvalidCardResponse, "FCI has no '6F'", 0x6F, -1, null);
            byte[] dfName = template.Children.FindValue(0x84);
            if (dfName != null) card.Set(0x84, dfName);
            TlvObject a5 = template.Children.Find(0xA5);
            if (a5 == null || !a5.IsConstructed) return null;
            TlvList items = a5.Children;
            for (int i = 0; i < items.Count; i++)
            {
                if (!items[i].IsConstructed) card.Set(items[i].Tag, items[i].CopyValue());
            }
            return items.FindValue(0x9F38);
        }

        /// <summary>The PDOL as a list (absent: empty); a malformed PDOL or one whose data does not fit GPO ends the kernel.</summary>
        internal static DataObjectList ParsePdol(byte[] pdol)
        {
            DataObjectList list;
            try
            {
                list = pdol == null ? DataObjectList.Empty : DataObjectList.Parse(pdol);
            }
            catch (TlvException e)
            {
                throw new KernelTerminatedException(KernelTerminationReason.InvalidCardResponse, "PDOL is not a valid DOL", 0x9F38, -1, e);
            }
            if (list.DataLength > 252)
                throw new KernelTerminatedException(KernelTerminationReason.InvalidCardResponse, "PDOL data does not fit GPO", 0x9F38, -1, null);
            return list;
        }

        /// <summary>The bytes of <paramref name="tag"/> as placed in DOL data built from <paramref name="list"/>, or null.</summary>
        internal static byte[] ValueIn(DataObjectList list, byte[] data, int tag)
        {
            int at = 0;
            for (int i = 0; i < list.Count; i++)
            {
                if (list.TagAt(i) == tag) return Util.Bytes.Slice(data, at, list.LengthAt(i));
                at += list.LengthAt(i);
            }
            return null;
        }

        /// <summary>
        /// The GPO response (Book C-2 / C-3): a format 2 '77' whose primitive objects become card data (an object
        /// given twice is redundant data), with a 2-byte AIP and, when present, a valid AFL. When
        /// <paramref name="allowFormat1"/> is set, format 1 '80' (AIP || AFL) is accepted too (Book 3, 6.5.8.4).
        /// Returns the AFL, or null when the card gave none.
        /// </summary>
        internal static ApplicationFileLocator ParseGpoResponse(byte[] data, CardData card, bool allowFormat1)
        {
            TlvList list;
            try
            {
                list = data == null || data.Length == 0 ? null : TlvParser.Parse(data);
            }
            catch (TlvException e)
            {
                throw Invalid("GPO response is not valid BER-TLV", 0, e);
            }
            if (allowFormat1 && list != null && list.Count == 1 && list[0].Tag == 0x80 && !list[0].IsConstructed)
            {
                byte[] value = list[0].CopyValue();
                if (value.Length < 2 || (value.Length - 2) % 4 != 0) throw Invalid("format 1 GPO response must be AIP || AFL", 0x80, null);
                card.Set(ApplicationInterchangeProfile.TagValue, Util.Bytes.Slice(value, 0, 2));
                if (value.Length > 2) card.Set(ApplicationFileLocator.TagValue, Util.Bytes.Slice(value, 2, value.Length - 2));
            }
            else
            {
                if (list == null || list.Count != 1 || list[0].Tag != 0x77 || !list[0].IsConstructed)
                    throw Invalid("GPO response must be one '77' template", 0x77, null);
                TlvList items = list[0].Children;
                for (int i = 0; i < items.Count; i++)
                {
                    TlvObject item = items[i];
                    if (item.IsConstructed) continue;
                    if (card.Contains(item.Tag) && item.Tag != 0x84)
                        throw new KernelTerminatedException(KernelTerminationReason.RedundantData, "a GPO object appears twice", item.Tag, -1, null);
                    card.Set(item.Tag, item.CopyValue());
                }
            }
            byte[] aip = card.Get(ApplicationInterchangeProfile.TagValue);
            if (aip == null) throw new KernelTerminatedException(KernelTerminationReason.MissingMandatoryData, "GPO response without AIP", 0x82, -1, null);
            if (aip.Length != 2) throw Invalid("AIP must be 2 bytes", 0x82, null);
            byte[] afl = card.Get(ApplicationFileLocator.TagValue);
            if (afl == null || afl.Length == 0) return null;
            try
            {
                return new ApplicationFileLocator(afl);
            }
            catch (ApplicationFileLocatorException e)
            {
                throw new KernelTerminatedException(KernelTerminationReason.InvalidApplicationFileLocator, e.Message, 0x94, -1, e);
            }
        }

        /// <summary>Ends the kernel with "mandatory data is missing" for the first of <paramref name="tags"/> not in <paramref name="card"/>.</summary>
        internal static void CheckMandatory(CardData card, int[] tags)
        {
            for (int i = 0; i < tags.Length; i++)
            {
                if (!card.Contains(tags[i]))
                    throw new KernelTerminatedException(KernelTerminationReason.MissingMandatoryData, "mandatory data is missing", tags[i], -1, null);
            }
        }

        /// <summary>The tags of <paramref name="a"/> followed by those of <paramref name="b"/> (a kernel's online request tags).</summary>
        internal static int[] ConcatTags(int[] a, int[] b)
        {
            int[] all = new int[a.Length + b.Length];
            System.Array.Copy(a, 0, all, 0, a.Length);
            System.Array.Copy(b, 0, all, a.Length, b.Length);
            return all;
        }

        private static KernelTerminatedException Invalid(string detail, int tag, System.Exception inner)
        {
            return new KernelTerminatedException(KernelTerminationReason.InvalidCardResponse, detail, tag, -1, inner);
        }
    }

    /// <summary>The tags and values of a card data store at one moment, to detect later changes (a record repeating GPO data).</summary>
    internal sealed class TagValueSnapshot
    {
        private readonly int[] _tags;
        private readonly byte[][] _values;

        internal TagValueSnapshot(CardData card)
        {
            _tags = new int[card.Count];
            _values = new byte[card.Count][];
            for (int i = 0; i < _tags.Length; i++)
            {
                _tags[i] = card.TagAt(i);
                _values[i] = card.Get(_tags[i]);
            }
        }

        /// <summary>The first tag whose value differs now, or 0.</summary>
        internal int FirstChanged(CardData card)
        {
            for (int i = 0; i < _tags.Length; i++)
            {
                if (!Util.Bytes.Equal(_values[i], card.Get(_tags[i]))) return _tags[i];
            }
            return 0;
        }
    }
}
