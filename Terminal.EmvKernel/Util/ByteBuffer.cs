namespace Terminal.EmvKernel.Util
{
    /// <summary>
    /// A growable byte array for builders (the "ListByte" style: the device has no List&lt;byte&gt;).
    /// Appends grow the backing array by doubling, so n appends cost O(n) copies in total. Pass an
    /// initial capacity when the final size is known to build without intermediate garbage.
    /// Argument errors (null array, negative count, index outside the content) throw
    /// <see cref="System.ArgumentException"/> or <see cref="System.ArgumentOutOfRangeException"/>.
    /// </summary>
    public sealed class ByteBuffer
    {
        private const int DefaultCapacity = 32;

        private byte[] _data;
        private int _length;

        /// <summary>An empty buffer with a small default capacity.</summary>
        public ByteBuffer() : this(DefaultCapacity)
        {
        }

        /// <summary>An empty buffer that can hold <paramref name="capacity"/> bytes before it grows.</summary>
        public ByteBuffer(int capacity)
        {
            if (capacity < 0) throw new System.ArgumentOutOfRangeException("capacity", "capacity must not be negative");
            _data = new byte[capacity];
        }

        /// <summary>Number of bytes written.</summary>
        public int Length
        {
            get { return _length; }
        }

        /// <summary>Size of the backing array.</summary>
        public int Capacity
        {
            get { return _data.Length; }
        }

        /// <summary>Reads or overwrites a byte already written (0 &lt;= index &lt; Length).</summary>
        public byte this[int index]
        {
            get
            {
                CheckIndex(index);
                return _data[index];
            }
            set
            {
                CheckIndex(index);
                _data[index] = value;
            }
        }

        /// <summary>
        /// The backing array itself (no copy). Only bytes [0, Length) are meaningful, and the array is
        /// replaced when the buffer grows: do not keep it across appends.
        /// </summary>
        public byte[] GetBuffer()
        {
            return _data;
        }

        /// <summary>Appends one byte.</summary>
        public void Append(byte value)
        {
            EnsureCapacity(_length + 1);
            _data[_length++] = value;
        }

        /// <summary>Appends a whole array (null appends nothing).</summary>
        public void Append(byte[] data)
        {
            if (data == null) return;
            Append(data, 0, data.Length);
        }

        /// <summary>Appends data[offset..offset+count).</summary>
        public void Append(byte[] data, int offset, int count)
        {
            CheckRange(data, offset, count);
            EnsureCapacity(_length + count);
            System.Array.Copy(data, offset, _data, _length, count);
            _length += count;
        }

        /// <summary>Appends <paramref name="count"/> copies of <paramref name="value"/>.</summary>
        public void AppendFill(byte value, int count)
        {
            if (count < 0) throw new System.ArgumentOutOfRangeException("count", "count must not be negative");
            EnsureCapacity(_length + count);
            for (int i = 0; i < count; i++) _data[_length + i] = value;
            _length += count;
        }

        /// <summary>
        /// Appends <paramref name="count"/> zero bytes and returns the offset of the first one, so a caller
        /// can fill them in place through <see cref="GetBuffer"/>.
        /// </summary>
        public int Reserve(int count)
        {
            int start = _length;
            AppendFill(0, count);
            return start;
        }

        /// <summary>
        /// Moves bytes [index, Length) right by <paramref name="count"/> and zero-fills the gap
        /// (0 &lt;= index &lt;= Length). Used to widen a field written before its size was known.
        /// </summary>
        public void InsertSpace(int index, int count)
        {
            if (index < 0 || index > _length) throw new System.ArgumentOutOfRangeException("index", "index outside the buffer content");
            if (count < 0) throw new System.ArgumentOutOfRangeException("count", "count must not be negative");
            EnsureCapacity(_length + count);
            // Copy backwards: source and destination overlap.
            for (int i = _length - 1; i >= index; i--) _data[i + count] = _data[i];
            for (int i = 0; i < count; i++) _data[index + i] = 0;
            _length += count;
        }

        /// <summary>Drops the content after the first <paramref name="length"/> bytes (capacity is kept).</summary>
        public void Truncate(int length)
        {
            if (length < 0 || length > _length) throw new System.ArgumentOutOfRangeException("length", "length outside the buffer content");
            _length = length;
        }

        /// <summary>Empties the buffer (capacity is kept).</summary>
        public void Clear()
        {
            _length = 0;
        }

        /// <summary>Grows the backing array so that it holds at least <paramref name="capacity"/> bytes.</summary>
        public void EnsureCapacity(int capacity)
        {
            if (capacity <= _data.Length) return;
            int size = _data.Length < 16 ? 16 : _data.Length;
            while (size < capacity)
            {
                // Doubling; the guard keeps a huge request from overflowing int.
                if (size > 0x3FFFFFFF) { size = capacity; break; }
                size *= 2;
            }
            byte[] grown = new byte[size];
            System.Array.Copy(_data, 0, grown, 0, _length);
            _data = grown;
        }

        /// <summary>A new array holding exactly the content.</summary>
        public byte[] ToArray()
        {
            byte[] result = new byte[_length];
            System.Array.Copy(_data, 0, result, 0, _length);
            return result;
        }

        /// <summary>Copies the content into destination at destinationOffset.</summary>
        public void CopyTo(byte[] destination, int destinationOffset)
        {
            CheckRange(destination, destinationOffset, _length);
            System.Array.Copy(_data, 0, destination, destinationOffset, _length);
        }

        private void CheckIndex(int index)
        {
            if (index < 0 || index >= _length) throw new System.ArgumentOutOfRangeException("index", "index outside the buffer content");
        }

        /// <summary>Throws unless data[offset..offset+count) lies inside the array.</summary>
        internal static void CheckRange(byte[] data, int offset, int count)
        {
            if (data == null) throw new System.ArgumentNullException("data");
            if (offset < 0 || count < 0 || offset > data.Length || count > data.Length - offset)
                throw new System.ArgumentOutOfRangeException("offset", "range outside the array");
        }
    }
}
