using System.Collections;
using Terminal.EmvKernel.Tlv;

namespace Terminal.EmvKernel.Contactless.EntryPoint
{
    /// <summary>
    /// Reads the FCI of the PPSE '2PAY.SYS.DDF01' (EMV Contactless Book B, 3.3.2, Table 3-3):
    /// 6F { 84 DF name, A5 { BF0C { 61 {...} 61 {...} } } }. Unreadable data gives
    /// <see cref="PpseFormatException"/>; entries that are not '61' are skipped, entries are kept in FCI order.
    /// </summary>
    public static class PpseDirectory
    {
        /// <summary>"2PAY.SYS.DDF01", the PPSE name (Book B 3.3.2.2).</summary>
        public static readonly byte[] Name = { 0x32, 0x50, 0x41, 0x59, 0x2E, 0x53, 0x59, 0x53, 0x2E, 0x44, 0x44, 0x46, 0x30, 0x31 };

        private const int TagFci = 0x6F;
        private const int TagFciProprietary = 0xA5;
        private const int TagIssuerDiscretionaryData = 0xBF0C;
        private const int TagDirectoryEntry = 0x61;

        /// <summary>The directory entries of <paramref name="fci"/> in FCI order.</summary>
        public static DirectoryEntry[] Parse(byte[] fci)
        {
            if (fci == null || fci.Length == 0) throw new PpseFormatException("empty", null);
            TlvList list;
            try
            {
                list = TlvParser.Parse(fci);
            }
            catch (TlvException e)
            {
                throw new PpseFormatException("not BER-TLV", e);
            }
            TlvObject template = list.FindTopLevel(TagFci);
            if (template == null || !template.IsConstructed) throw new PpseFormatException("no '6F' template", null);
            TlvObject a5 = template.Children.FindTopLevel(TagFciProprietary);
            if (a5 == null || !a5.IsConstructed) throw new PpseFormatException("no 'A5' template", null);
            TlvObject bf0c = a5.Children.FindTopLevel(TagIssuerDiscretionaryData);
            if (bf0c == null || !bf0c.IsConstructed) throw new PpseFormatException("no 'BF0C' template", null);
            TlvList items = bf0c.Children;
            ArrayList entries = new ArrayList();
            for (int i = 0; i < items.Count; i++)
            {
                TlvObject entry = items[i];
                if (entry.Tag != TagDirectoryEntry || !entry.IsConstructed) continue;
                TlvList e = entry.Children;
                byte[] api = Value(e, 0x87);
                entries.Add(new DirectoryEntry(entries.Count, Value(e, 0x4F), Value(e, 0x50), api == null || api.Length != 1 ? -1 : api[0],
                    Value(e, 0x9F2A), Value(e, 0x9F29)));
            }
            DirectoryEntry[] result = new DirectoryEntry[entries.Count];
            for (int i = 0; i < result.Length; i++) result[i] = (DirectoryEntry)entries[i];
            return result;
        }

        /// <summary>The value of a primitive object at this level of the entry, or null.</summary>
        private static byte[] Value(TlvList list, int tag)
        {
            TlvObject o = list.FindTopLevel(tag);
            return o == null || o.IsConstructed ? null : o.CopyValue();
        }
    }
}
