using Terminal.EmvKernel.Util;
namespace Terminal.Firmware.Core.HostLink.Security
{
    /// <summary>
    /// The terminal's side of TDES DUKPT (ANSI X9.24-1:2009 A.2): initial key load of the IPEK and the initial KSN
    /// (counter 0), then one transaction key per <see cref="DukptFutureKeys.NextTransaction"/>, skipping counters
    /// with more than 10 one-bits; derive the PIN/MAC/data keys from it with <see cref="TdesDukpt"/>.
    /// </summary>
    public sealed class TdesDukptTerminal : DukptFutureKeys
    {
        /// <summary>Creates an empty terminal key store.</summary>
        public TdesDukptTerminal() : base(21)
        {
        }

        /// <summary>Initial key load: IPEK (16 bytes) and initial KSN (10 bytes, counter 0). The IPEK is not kept.</summary>
        public void LoadInitialKey(byte[] ipek, byte[] initialKsn)
        {
            KeyBytes.RequireLength(ipek, TdesDukpt.KeyLength, TdesDukpt.KeyLength, "IPEK");
            if (TdesDukpt.Counter(initialKsn) != 0) throw new SecurityException(SecurityError.BadKsn, "the initial KSN must have counter 0");
            Load(ipek, initialKsn);
        }

        /// <inheritdoc/>
        protected override byte[] DeriveStep(byte[] parent, byte[] initialKsn, long counter)
        {
            byte[] key = Bytes.Copy(parent);
            byte[] register = TdesDukpt.Register(initialKsn, (int)counter);
            TdesDukpt.NonReversibleKeyGeneration(key, register);
            return key;
        }

        /// <inheritdoc/>
        protected override long NextCounter(long counter)
        {
            return TdesDukpt.NextCounter((int)counter);
        }

        /// <inheritdoc/>
        protected override byte[] KsnWithCounter(byte[] initialKsn, long counter)
        {
            if (counter < 0 || counter > TdesDukpt.CounterMask) throw new SecurityException(SecurityError.BadKsn, "counter outside 21 bits");
            return TdesDukpt.WithCounter(initialKsn, (int)counter);
        }
    }
}
