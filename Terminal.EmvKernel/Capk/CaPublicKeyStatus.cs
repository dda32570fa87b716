namespace Terminal.EmvKernel.Capk
{
    /// <summary>Result of looking a CA public key up for a transaction (<see cref="CaPublicKeyStore.Lookup"/>).</summary>
    public enum CaPublicKeyStatus
    {
        /// <summary>The key is held and not expired on the transaction date.</summary>
        Found = 0,
        /// <summary>No key with this RID and index in the store's set.</summary>
        Missing = 1,
        /// <summary>
        /// The key is held but its expiry date is before the transaction date. The kernel treats it like a
        /// missing key (offline data authentication fails); the distinct value is for diagnostics.
        /// </summary>
        Expired = 2
    }
}
