namespace Terminal.EmvKernel.Tlv
{
    /// <summary>
    /// An ordered, read-only list of parsed <see cref="TlvObject"/>s: the top level of a parse, or the
    /// children of a template. Sized exactly by the parser.
    /// </summary>
    public sealed class TlvList
    {
        /// <summary>The shared empty list (children of primitives and of empty templates).</summary>
        public static readonly TlvList Empty = new TlvList(new TlvObject[0]);

        private readonly TlvObject[] _items;

        internal TlvList(TlvObject[] items)
        {
            _items = items;
        }

        /// <summary>Number of objects at this level.</summary>
        public int Count
        {
            get { return _items.Length; }
        }

        /// <summary>Object <paramref name="index"/> in order of appearance.</summary>
        public TlvObject this[int index]
        {
            get
            {
                if (index < 0 || index >= _items.Length) throw new System.ArgumentOutOfRangeException("index", "index outside the list");
                return _items[index];
            }
        }

        /// <summary>
        /// The first object with this tag in depth-first order (an object before its children, children
        /// before the next sibling), or null.
        /// </summary>
        public TlvObject Find(int tag)
        {
            for (int i = 0; i < _items.Length; i++)
            {
                TlvObject item = _items[i];
                if (item.Tag == tag) return item;
                if (item.Children.Count > 0)
                {
                    TlvObject found = item.Children.Find(tag);
                    if (found != null) return found;
                }
            }
            return null;
        }

        /// <summary>A copy of the value of <see cref="Find"/>(tag), or null when the tag is absent.</summary>
        public byte[] FindValue(int tag)
        {
            TlvObject found = Find(tag);
            return found == null ? null : found.CopyValue();
        }

        /// <summary>The first object with this tag at this level only (templates are not searched), or null.</summary>
        public TlvObject FindTopLevel(int tag)
        {
            for (int i = 0; i < _items.Length; i++)
            {
                if (_items[i].Tag == tag) return _items[i];
            }
            return null;
        }
    }
}
