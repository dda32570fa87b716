namespace Terminal.EmvKernel.Kernel
{
    /// <summary>
    /// A small tag-to-value store (values are byte[], kept as given). Non-generic so that it runs on the device;
    /// lookups are linear, which is fine for the few dozen data objects of one transaction.
    /// </summary>
    public abstract class TagValueStore
    {
        private int[] _tags = new int[32];
        private byte[][] _values = new byte[32][];
        private int _count;

        /// <summary>Number of data objects held.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>The value of <paramref name="tag"/>, or null when absent.</summary>
        public byte[] Get(int tag)
        {
            int i = IndexOf(tag);
            return i < 0 ? null : _values[i];
        }

        /// <summary>True when the store holds <paramref name="tag"/>.</summary>
        public bool Contains(int tag)
        {
            return IndexOf(tag) >= 0;
        }

        /// <summary>Sets (or replaces) the value of <paramref name="tag"/>; a null value removes it.</summary>
        public void Set(int tag, byte[] value)
        {
            int i = IndexOf(tag);
            if (value == null)
            {
                if (i >= 0) RemoveAt(i);
                return;
            }
            if (i >= 0)
            {
                _values[i] = value;
                return;
            }
            if (_count == _tags.Length) Grow();
            _tags[_count] = tag;
            _values[_count] = value;
            _count++;
        }

        /// <summary>Removes <paramref name="tag"/> when present.</summary>
        public void Remove(int tag)
        {
            int i = IndexOf(tag);
            if (i >= 0) RemoveAt(i);
        }

        /// <summary>Tag at <paramref name="index"/> (0 .. Count-1), in insertion order.</summary>
        public int TagAt(int index)
        {
            if (index < 0 || index >= _count) throw new System.ArgumentOutOfRangeException("index", "index outside the store");
            return _tags[index];
        }

        private int IndexOf(int tag)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_tags[i] == tag) return i;
            }
            return -1;
        }

        private void RemoveAt(int index)
        {
            int tail = _count - index - 1;
            if (tail > 0)
            {
                System.Array.Copy(_tags, index + 1, _tags, index, tail);
                System.Array.Copy(_values, index + 1, _values, index, tail);
            }
            _count--;
            _values[_count] = null;
        }

        private void Grow()
        {
            int[] tags = new int[_tags.Length * 2];
            byte[][] values = new byte[_tags.Length * 2][];
            System.Array.Copy(_tags, tags, _count);
            System.Array.Copy(_values, values, _count);
            _tags = tags;
            _values = values;
        }
    }
}
