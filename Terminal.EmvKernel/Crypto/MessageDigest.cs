namespace Terminal.EmvKernel.Crypto
{
    /// <summary>
    /// Common frame of the FIPS 180-4 hashes with 64-byte blocks and big-endian 32-bit state words
    /// (SHA-1, SHA-256): buffering, the padding of FIPS 180-4 section 5.1.1 and the digest output.
    /// Use incrementally (<see cref="Update(byte[], int, int)"/> any number of times, then
    /// <see cref="Final()"/>) to hash a concatenation without copying it, as offline data
    /// authentication does (EMV 4.4 Book 2, sections 5 and 6: SDA, DDA, CDA). Not thread-safe; one instance per hash.
    /// </summary>
    public abstract class MessageDigest
    {
        /// <summary>Bytes per message block.</summary>
        public const int BlockSize = 64;

        /// <summary>The chaining state H (FIPS 180-4 section 5.3); the digest is these words big-endian.</summary>
        protected readonly uint[] State;

        private readonly byte[] _buffer = new byte[BlockSize];
        private int _buffered;
        private long _totalBytes;

        /// <summary>Creates the digest with stateWords 32-bit chaining words and sets the initial value.</summary>
        protected MessageDigest(int stateWords)
        {
            State = new uint[stateWords];
            Reset();
        }

        /// <summary>Length of the digest in bytes (20 for SHA-1, 32 for SHA-256).</summary>
        public int DigestLength { get { return State.Length * 4; } }

        /// <summary>Forgets all input and starts a new hash.</summary>
        public void Reset()
        {
            SetInitialState();
            _buffered = 0;
            _totalBytes = 0;
            System.Array.Clear(_buffer, 0, BlockSize);
        }

        /// <summary>Adds data[offset..offset+length) to the message.</summary>
        public void Update(byte[] data, int offset, int length)
        {
            CryptoArguments.CheckRange(data, offset, length, "data");
            _totalBytes += length;
            if (_buffered > 0)
            {
                int take = BlockSize - _buffered;
                if (take > length) take = length;
                System.Array.Copy(data, offset, _buffer, _buffered, take);
                _buffered += take;
                offset += take;
                length -= take;
                if (_buffered < BlockSize) return;
                ProcessBlock(_buffer, 0);
                _buffered = 0;
            }
            // Whole blocks are hashed straight from the caller's array.
            while (length >= BlockSize)
            {
                ProcessBlock(data, offset);
                offset += BlockSize;
                length -= BlockSize;
            }
            if (length > 0)
            {
                System.Array.Copy(data, offset, _buffer, 0, length);
                _buffered = length;
            }
        }

        /// <summary>Adds the whole array to the message.</summary>
        public void Update(byte[] data)
        {
            if (data == null) throw new System.ArgumentNullException("data");
            Update(data, 0, data.Length);
        }

        /// <summary>Adds one byte to the message.</summary>
        public void Update(byte value)
        {
            _totalBytes++;
            _buffer[_buffered++] = value;
            if (_buffered == BlockSize)
            {
                ProcessBlock(_buffer, 0);
                _buffered = 0;
            }
        }

        /// <summary>One-shot: hashes data[offset..offset+length) as a whole message (earlier input is discarded).</summary>
        public byte[] Compute(byte[] data, int offset, int length)
        {
            CryptoArguments.CheckRange(data, offset, length, "data");
            Reset();
            Update(data, offset, length);
            return Final();
        }

        /// <summary>Finishes the hash, returns the digest and resets for a new message.</summary>
        public byte[] Final()
        {
            byte[] digest = new byte[DigestLength];
            Final(digest, 0);
            return digest;
        }

        /// <summary>Finishes the hash, writes the digest at output[offset] and resets for a new message.</summary>
        public void Final(byte[] output, int offset)
        {
            CryptoArguments.CheckRange(output, offset, DigestLength, "output");
            // FIPS 180-4 5.1.1: a 1 bit, zeros, then the message length in bits as a 64-bit big-endian integer.
            long bits = _totalBytes << 3;
            _buffer[_buffered++] = 0x80;
            if (_buffered > BlockSize - 8)
            {
                System.Array.Clear(_buffer, _buffered, BlockSize - _buffered);
                ProcessBlock(_buffer, 0);
                _buffered = 0;
            }
            System.Array.Clear(_buffer, _buffered, BlockSize - 8 - _buffered);
            for (int i = 0; i < 8; i++) _buffer[BlockSize - 1 - i] = (byte)(bits >> (8 * i));
            ProcessBlock(_buffer, 0);
            for (int i = 0; i < State.Length; i++) BigEndian.WriteUInt32(output, offset + 4 * i, State[i]);
            Reset();
        }

        /// <summary>Sets <see cref="State"/> to the algorithm's initial hash value.</summary>
        protected abstract void SetInitialState();

        /// <summary>Runs the compression function over block[offset..offset+64).</summary>
        protected abstract void ProcessBlock(byte[] block, int offset);
    }
}
