namespace Terminal.EmvKernel.Capk
{
    /// <summary>
    /// Which CA public key list a key belongs to. Scheme test lists and live (production) lists reuse the same
    /// RID and index values, so a store holds one set only and never mixes them (a production terminal must
    /// never hold test keys and a test build never live keys).
    /// </summary>
    public enum CaPublicKeySet
    {
        /// <summary>Scheme test keys, for test cards and certification.</summary>
        Test = 1,
        /// <summary>Production keys.</summary>
        Live = 2
    }

    /// <summary>Names of <see cref="CaPublicKeySet"/> values (Enum.ToString gives a number on the device).</summary>
    public static class CaPublicKeySetNames
    {
        /// <summary>"test" or "live" (the key file spelling); "unknown" for any other value.</summary>
        public static string Name(CaPublicKeySet set)
        {
            if (set == CaPublicKeySet.Test) return "test";
            if (set == CaPublicKeySet.Live) return "live";
            return "unknown";
        }

        /// <summary>Parses "test" or "live" (exact, lower case). Returns false for anything else.</summary>
        public static bool TryParse(string text, out CaPublicKeySet set)
        {
            set = CaPublicKeySet.Test;
            if (text == "test") return true;
            set = CaPublicKeySet.Live;
            return text == "live";
        }

        /// <summary>True for <see cref="CaPublicKeySet.Test"/> and <see cref="CaPublicKeySet.Live"/>.</summary>
        public static bool IsDefined(CaPublicKeySet set)
        {
            return set == CaPublicKeySet.Test || set == CaPublicKeySet.Live;
        }
    }
}
