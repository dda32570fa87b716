using Terminal.EmvKernel.Util;
namespace Terminal.Firmware.Core.HostLink.Security
{
    /// <summary>
    /// The originating device's future key registers, common to TDES DUKPT (X9.24-1 A.2, 21 registers) and AES
    /// DUKPT (X9.24-3 6.4, 32 intermediate derivation key registers). Register j holds the key of the counter
    /// "current counter's bits above j | bit j". After the initial key load every register is derived from the
    /// initial key and the initial key is not kept. A transaction takes the register of the new counter's lowest
    /// set bit, refills the registers below it from that key and erases the used one, so past keys cannot be
    /// recomputed from the device's memory.
    /// </summary>
    public abstract class DukptFutureKeys
    {
        private readonly byte[][] _registers;
        private byte[] _initialKsn;
        private long _counter;

        /// <summary>Creates the register set.</summary>
        protected DukptFutureKeys(int registers)
        {
            _registers = new byte[registers][];
        }

        /// <summary>The key of <paramref name="counter"/> derived from its parent key (one derivation step).</summary>
        protected abstract byte[] DeriveStep(byte[] parent, byte[] initialKsn, long counter);

        /// <summary>The next counter an originating device may use, or -1 when exhausted.</summary>
        protected abstract long NextCounter(long counter);

        /// <summary>The KSN with a counter.</summary>
        protected abstract byte[] KsnWithCounter(byte[] initialKsn, long counter);

        /// <summary>Fills every register from the initial key (the caller keeps and wipes its own buffer).</summary>
        protected void Load(byte[] initialKey, byte[] initialKsn)
        {
            Erase();
            _initialKsn = Bytes.Copy(initialKsn);
            _counter = 0;
            for (int j = 0; j < _registers.Length; j++) _registers[j] = DeriveStep(initialKey, _initialKsn, 1L << j);
        }

        /// <summary>True once an initial key is loaded and a further KSN is available.</summary>
        public bool CanTransact
        {
            get { return _initialKsn != null && NextCounter(_counter) >= 0; }
        }

        /// <summary>The KSN of the last transaction (the initial KSN before the first), or null before a load.</summary>
        public byte[] CurrentKsn
        {
            get { return _initialKsn == null ? null : KsnWithCounter(_initialKsn, _counter); }
        }

        /// <summary>
        /// Advances to the next usable counter and returns its transaction key (the caller wipes it after use);
        /// <paramref name="ksn"/> receives the KSN to send. Raises <see cref="SecurityError.KsnExhausted"/> when
        /// no counter is left (the registers are then erased) and <see cref="SecurityError.NoInitialKey"/> before
        /// a load.
        /// </summary>
        public byte[] NextTransaction(out byte[] ksn)
        {
            if (_initialKsn == null) throw new SecurityException(SecurityError.NoInitialKey, "no DUKPT initial key loaded");
            long next = NextCounter(_counter);
            if (next < 0)
            {
                Erase();
                throw new SecurityException(SecurityError.KsnExhausted, "the DUKPT transaction counter is exhausted");
            }
            int low = 0;
            while ((next & (1L << low)) == 0) low++;
            byte[] key = _registers[low];
            if (key == null) throw new SecurityException(SecurityError.BadKsn, "the future key register of the next counter is empty");
            _registers[low] = null;
            for (int j = 0; j < low; j++)
            {
                KeyBytes.Wipe(_registers[j]);
                _registers[j] = DeriveStep(key, _initialKsn, next | (1L << j));
            }
            _counter = next;
            ksn = KsnWithCounter(_initialKsn, next);
            return key;
        }

        /// <summary>
        /// The device state to keep in non-volatile storage (it holds keys: store it protected and wipe the copy):
        /// counter (8 bytes, big-endian) | KSN length | initial KSN | per register: key length (0 = empty) | key.
        /// </summary>
        public byte[] ExportState()
        {
            if (_initialKsn == null) throw new SecurityException(SecurityError.NoInitialKey, "no DUKPT initial key loaded");
            int length = 9 + _initialKsn.Length;
            for (int j = 0; j < _registers.Length; j++) length += 1 + (_registers[j] == null ? 0 : _registers[j].Length);
            byte[] state = new byte[length];
            for (int i = 0; i < 8; i++) state[i] = (byte)(_counter >> (56 - 8 * i));
            state[8] = (byte)_initialKsn.Length;
            System.Array.Copy(_initialKsn, 0, state, 9, _initialKsn.Length);
            int at = 9 + _initialKsn.Length;
            for (int j = 0; j < _registers.Length; j++)
            {
                byte[] k = _registers[j];
                state[at++] = (byte)(k == null ? 0 : k.Length);
                if (k == null) continue;
                System.Array.Copy(k, 0, state, at, k.Length);
                at += k.Length;
            }
            return state;
        }

        /// <summary>
        /// Restores a state written by <see cref="ExportState"/> (after a restart). A malformed state raises
        /// <see cref="SecurityError.BadKsn"/> and leaves the current state unchanged.
        /// </summary>
        public void ImportState(byte[] state)
        {
            if (state == null || state.Length < 9) throw new SecurityException(SecurityError.BadKsn, "DUKPT state is truncated");
            long counter = 0;
            for (int i = 0; i < 8; i++) counter = (counter << 8) | state[i];
            int ksnLength = state[8];
            int at = 9 + ksnLength;
            if (at > state.Length || counter < 0) throw new SecurityException(SecurityError.BadKsn, "DUKPT state is malformed");
            byte[] ksn = Bytes.Slice(state, 9, ksnLength);
            KsnWithCounter(ksn, counter); // validates the KSN length and the counter range
            byte[][] registers = new byte[_registers.Length][];
            for (int j = 0; j < registers.Length; j++)
            {
                if (at >= state.Length) throw new SecurityException(SecurityError.BadKsn, "DUKPT state is truncated");
                int n = state[at++];
                if (n == 0) continue;
                if (n != 16 && n != 24 && n != 32 || at + n > state.Length) throw new SecurityException(SecurityError.BadKsn, "DUKPT state is malformed");
                registers[j] = Bytes.Slice(state, at, n);
                at += n;
            }
            if (at != state.Length) throw new SecurityException(SecurityError.BadKsn, "DUKPT state has trailing bytes");
            Erase();
            for (int j = 0; j < registers.Length; j++) _registers[j] = registers[j];
            _initialKsn = ksn;
            _counter = counter;
        }

        private void Erase()
        {
            for (int j = 0; j < _registers.Length; j++)
            {
                KeyBytes.Wipe(_registers[j]);
                _registers[j] = null;
            }
        }
    }
}
