using Terminal.EmvKernel.Util;
namespace Terminal.Firmware.Core.HostLink.Security
{
    /// <summary>
    /// The terminal's side of AES DUKPT (ANSI X9.24-3:2017 6.4): initial key load of the initial key (AES-128,
    /// -192 or -256) and the initial key ID, then one transaction key per
    /// <see cref="DukptFutureKeys.NextTransaction"/>, skipping counters with more than 16 one-bits; derive the
    /// working keys with <see cref="AesDukpt.DeriveWorkingKey"/>.
    /// </summary>
    public sealed class AesDukptTerminal : DukptFutureKeys
    {
        /// <summary>Creates an empty terminal key store.</summary>
        public AesDukptTerminal() : base(32)
        {
        }

        /// <summary>Initial key load: the initial key and the 8-byte initial key ID. The initial key is not kept.</summary>
        public void LoadInitialKey(byte[] initialKey, byte[] initialKeyId)
        {
            if (initialKey == null || (initialKey.Length != 16 && initialKey.Length != 24 && initialKey.Length != 32))
                throw new SecurityException(SecurityError.BadKeyLength, "initial key must be an AES-128, -192 or -256 key");
            Load(initialKey, AesDukpt.MakeKsn(initialKeyId, 0));
        }

        /// <inheritdoc/>
        protected override byte[] DeriveStep(byte[] parent, byte[] initialKsn, long counter)
        {
            return AesDukpt.DeriveStep(parent, initialKsn, (uint)counter);
        }

        /// <inheritdoc/>
        protected override long NextCounter(long counter)
        {
            uint next;
            return AesDukpt.TryNextCounter((uint)counter, out next) ? next : -1;
        }

        /// <inheritdoc/>
        protected override byte[] KsnWithCounter(byte[] initialKsn, long counter)
        {
            if (counter < 0 || counter > 0xFFFFFFFFL || initialKsn.Length != AesDukpt.KsnLength)
                throw new SecurityException(SecurityError.BadKsn, "AES DUKPT KSN or counter out of range");
            return AesDukpt.MakeKsn(Bytes.Slice(initialKsn, 0, AesDukpt.InitialKeyIdLength), (uint)counter);
        }
    }
}
