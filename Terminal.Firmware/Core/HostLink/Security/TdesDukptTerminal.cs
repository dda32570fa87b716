namespace Terminal.Firmware.HostLink.Security
{
    /// <summary>
    /// The originating device's side of TDES DUKPT (ANSI X9.24-1:2009 A.2): at set-up it receives the IPEK and
    /// the initial KSN (counter 0), fills the 21 future key registers and forgets the IPEK. Each
    /// <see cref="NextTransaction"/> advances the counter (skipping counters with more than 10 one-bits), takes
    /// that counter's key from its register, refills the lower registers from it and erases the used one, so a
    /// compromised device cannot recompute past keys. Exhaustion raises <see cref="SecurityError.KsnExhausted"/>.
    /// </summary>
    public sealed class TdesDukptTerminal
    {
        private const int Registers = 21;
        private readonly byte[][] _futureKeys = new byte[Registers][];
        private byte[] _ksn;
        private int _counter;

        /// <summary>
        /// Initial key load: the IPEK (16 bytes) and the initial KSN (10 bytes, counter 0). The caller's IPEK
        /// buffer is not kept (and not modified); wipe it after the call.
        /// </summary>
        public void LoadInitialKey(byte[] ipek, byte[] initialKsn)
        {
            KeyBytes.RequireLength(ipek, TdesDukpt.KeyLength, TdesDukpt.KeyLength, "IPEK");
            if (TdesDukpt.Counter(initialKsn) != 0) throw new SecurityException(SecurityError.BadKsn, "the initial KSN must have counter 0");
            Erase();
            _ksn = KeyBytes.Copy(initialKsn);
            _counter = 0;
            for (int j = 0; j < Registers; j++) _futureKeys[j] = Derive(ipek, 1 << j);
        }

        /// <summary>True once an initial key is loaded and a further KSN is available.</summary>
        public bool CanTransact
        {
            get { return _ksn != null && TdesDukpt.NextCounter(_counter) >= 0; }
        }

        /// <summary>The KSN of the last transaction (the initial KSN before the first), or null before a load.</summary>
        public byte[] CurrentKsn
        {
            get { return _ksn == null ? null : TdesDukpt.WithCounter(_ksn, _counter); }
        }

        /// <summary>
        /// Advances to the next usable counter and returns its transaction key (16 bytes; the caller wipes it
        /// after use); <paramref name="ksn"/> receives the KSN to send with the transaction.
        /// </summary>
        public byte[] NextTransaction(out byte[] ksn)
        {
            if (_ksn == null) throw new SecurityException(SecurityError.NoInitialKey, "no DUKPT initial key loaded");
            int next = TdesDukpt.NextCounter(_counter);
            if (next < 0)
            {
                Erase();
                throw new SecurityException(SecurityError.KsnExhausted, "the DUKPT transaction counter is exhausted");
            }
            int low = 0;
            while ((next & (1 << low)) == 0) low++;
            byte[] key = _futureKeys[low];
            _futureKeys[low] = null;
            for (int j = 0; j < low; j++)
            {
                KeyBytes.Wipe(_futureKeys[j]);
                _futureKeys[j] = Derive(key, next | (1 << j));
            }
            _counter = next;
            ksn = TdesDukpt.WithCounter(_ksn, next);
            return key;
        }

        private byte[] Derive(byte[] parent, int counter)
        {
            byte[] key = KeyBytes.Copy(parent);
            byte[] register = TdesDukpt.Register(_ksn, counter);
            TdesDukpt.NonReversibleKeyGeneration(key, register);
            return key;
        }

        private void Erase()
        {
            for (int j = 0; j < Registers; j++)
            {
                KeyBytes.Wipe(_futureKeys[j]);
                _futureKeys[j] = null;
            }
        }
    }
}
