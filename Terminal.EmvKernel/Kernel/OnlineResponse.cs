namespace Terminal.EmvKernel.Kernel
{
    /// <summary>
    /// The host's answer as the firmware parsed it (Book 3, 10.9): the Authorisation Response Code '8A', whether
    /// the acquirer's rules make it an approval (the firmware knows the dialect: "00" and the like), the Issuer
    /// Authentication Data '91', the issuer script templates '71'/'72' and the authorisation code '89'.
    /// </summary>
    public sealed class OnlineResponse
    {
        /// <summary>An answer with the 2-character response code <paramref name="arc"/> (an).</summary>
        public OnlineResponse(byte[] arc, bool approved)
        {
            if (arc == null || arc.Length != 2) throw new System.ArgumentException("the ARC '8A' is 2 bytes (an 2)", "arc");
            AuthorisationResponseCode = arc;
            Approved = approved;
        }

        /// <summary>'8A', 2 bytes.</summary>
        public byte[] AuthorisationResponseCode { get; private set; }

        /// <summary>True when the host approved.</summary>
        public bool Approved { get; private set; }

        /// <summary>'91' Issuer Authentication Data (8-16 bytes), or null.</summary>
        public byte[] IssuerAuthenticationData { get; set; }

        /// <summary>The '71' and '72' templates, as received (BER-TLV, concatenated), or null.</summary>
        public byte[] IssuerScripts { get; set; }

        /// <summary>'89' Authorisation Code (6 bytes an), or null.</summary>
        public byte[] AuthorisationCode { get; set; }
    }
}
