namespace Terminal.VirtualCards.Card
{
    /// <summary>The card's volatile state for one transaction (from GET PROCESSING OPTIONS to the end).</summary>
    internal sealed class CardTransaction
    {
        public CardTransaction()
        {
            FirstAc = -1;
            SecondAc = -1;
        }

        /// <summary>GPO succeeded.</summary>
        public bool GpoDone;
        /// <summary>GPO took the contactless quick path (qVSDC/qUICS): no GENERATE AC follows.</summary>
        public bool QuickPath;
        /// <summary>PDOL data as sent in GPO (without 83 L), or empty.</summary>
        public byte[] PdolData;
        /// <summary>ATC of this transaction, 2 bytes.</summary>
        public byte[] Atc;
        /// <summary>Cryptogram type returned by the first GENERATE AC (CardCryptogramType value) or -1.</summary>
        public int FirstAc;
        /// <summary>Cryptogram type returned by the second GENERATE AC or -1.</summary>
        public int SecondAc;
        /// <summary>The ARQC of this transaction (for ARPC and script MAC keys), or null.</summary>
        public byte[] Arqc;
        /// <summary>Unpredictable number sent in CDOL1 (9F37), or null.</summary>
        public byte[] UnpredictableNumber;
        /// <summary>CDOL1 data as sent in the first GENERATE AC.</summary>
        public byte[] Cdol1Data;
        /// <summary>CDA signature returned in the first GENERATE AC.</summary>
        public bool CdaFirst;
        /// <summary>CDA signature returned in the second GENERATE AC.</summary>
        public bool CdaSecond;
        /// <summary>INTERNAL AUTHENTICATE answered in this transaction.</summary>
        public bool DdaPerformed;
        /// <summary>Offline PIN (plaintext or enciphered) was presented.</summary>
        public bool OfflinePinPerformed;
        /// <summary>Offline enciphered PIN was presented.</summary>
        public bool OfflineEncipheredPin;
        /// <summary>The last offline PIN presented was wrong.</summary>
        public bool OfflinePinFailed;
        /// <summary>Issuer authentication was performed (EXTERNAL AUTHENTICATE or tag 91 in CDOL2).</summary>
        public bool IssuerAuthenticationPerformed;
        /// <summary>Issuer authentication was performed and failed.</summary>
        public bool IssuerAuthenticationFailed;
        /// <summary>Secured script commands processed in this transaction.</summary>
        public int ScriptCommands;
        /// <summary>A script command failed in this transaction.</summary>
        public bool ScriptFailed;
        /// <summary>The terminal relay resistance entropy from EXCHANGE RELAY RESISTANCE DATA, or null.</summary>
        public byte[] TerminalRelayResistanceEntropy;
    }
}
