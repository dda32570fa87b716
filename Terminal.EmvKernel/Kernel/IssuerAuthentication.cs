using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.DataObjects;

namespace Terminal.EmvKernel.Kernel
{
    /// <summary>What <see cref="IssuerAuthentication.Run"/> did with the Issuer Authentication Data ('91').</summary>
    public enum IssuerAuthenticationResult
    {
        /// <summary>No '91' in the authorisation response: nothing to do, TVR and TSI unchanged.</summary>
        NotPerformed = 0,
        /// <summary>EXTERNAL AUTHENTICATE answered '9000'; TSI B1b5 set.</summary>
        Passed = 1,
        /// <summary>Issuer authentication failed: TVR B5b7 and TSI B1b5 set.</summary>
        Failed = 2,
        /// <summary>
        /// '91' received but AIP B1b3 is clear: no EXTERNAL AUTHENTICATE; the card takes '91' through CDOL2 in the
        /// second GENERATE AC. TVR and TSI unchanged.
        /// </summary>
        InCdol2 = 3
    }

    /// <summary>
    /// Issuer authentication, EMV 4.4 Book 3, 10.9 (command: Book 3, 6.5.4 EXTERNAL AUTHENTICATE).
    /// <para>
    /// Rules applied:
    /// <list type="bullet">
    /// <item>No '91' in the response: nothing happens (<see cref="IssuerAuthenticationResult.NotPerformed"/>).</item>
    /// <item>'91' present and AIP B1b3 "issuer authentication is supported" set: EXTERNAL AUTHENTICATE
    ///   '00 82 00 00 Lc &lt;91 value&gt;', at most once per transaction (Book 3, 6.5.4.1). TSI B1b5 "issuer
    ///   authentication was performed" is set; an SW1 SW2 other than '9000' sets TVR B5b7 "issuer authentication
    ///   failed" (Book 3, 10.9). That includes '6985' - openemv/emv-utils terminates the session on '6985', but the
    ///   Book 3 rule is "other than '9000'" [K], so it is recorded as a failure and the action codes decide.</item>
    /// <item>'91' present and AIP B1b3 clear: no command, TVR and TSI unchanged - such cards receive '91' in the
    ///   CDOL2 data of the second GENERATE AC (<see cref="IssuerAuthenticationResult.InCdol2"/>).</item>
    /// <item>'91' of a length outside 8-16 bytes (Book 3, Annex A: Issuer Authentication Data, b 8-16) when AIP B1b3
    ///   is set: decision [K] - no command (the data cannot form a valid EXTERNAL AUTHENTICATE), and the outcome is
    ///   a failure, TVR B5b7 and TSI B1b5 set: an issuer response that cannot be authenticated must never come out
    ///   better than one the card rejected, and the issuer authentication step was carried out by the terminal.</item>
    /// <item>TSI B1b5 already set (issuer authentication already done in this transaction): no second command
    ///   (Book 3, 6.5.4.1 allows one EXTERNAL AUTHENTICATE per transaction); the earlier outcome is returned as
    ///   read from TVR B5b7.</item>
    /// </list>
    /// A lost card, a transport failure or a malformed R-APDU ends the session with
    /// <see cref="KernelTerminatedException"/> (through <see cref="CardCommand.Exchange"/>).
    /// </para>
    /// </summary>
    public static class IssuerAuthentication
    {
        /// <summary>'91' Issuer Authentication Data.</summary>
        public const int IssuerAuthenticationDataTag = 0x91;
        /// <summary>Shortest Issuer Authentication Data (Book 3, Annex A).</summary>
        public const int MinDataLength = 8;
        /// <summary>Longest Issuer Authentication Data (Book 3, Annex A).</summary>
        public const int MaxDataLength = 16;

        private const string Step = "EXTERNAL AUTHENTICATE";

        /// <summary>
        /// Runs issuer authentication for the '91' value of the authorisation response
        /// (<paramref name="issuerAuthenticationData"/>; null or empty when the host sent none). Updates
        /// <paramref name="tvr"/> and <paramref name="tsi"/> as described on the class.
        /// </summary>
        public static IssuerAuthenticationResult Run(ApduTransport transport, ApplicationInterchangeProfile aip,
            byte[] issuerAuthenticationData, TerminalVerificationResults tvr, TransactionStatusInformation tsi)
        {
            if (transport == null) throw new System.ArgumentNullException("transport");
            if (aip == null) throw new System.ArgumentNullException("aip");
            if (tvr == null) throw new System.ArgumentNullException("tvr");
            if (tsi == null) throw new System.ArgumentNullException("tsi");

            if (issuerAuthenticationData == null || issuerAuthenticationData.Length == 0)
                return IssuerAuthenticationResult.NotPerformed;
            if (!aip.IsSet(ApplicationInterchangeProfile.IssuerAuthenticationSupported))
                return IssuerAuthenticationResult.InCdol2;
            if (tsi.IsSet(TransactionStatusInformation.IssuerAuthenticationPerformed))
            {
                // At most one EXTERNAL AUTHENTICATE per transaction (Book 3, 6.5.4.1).
                return tvr.IsSet(TerminalVerificationResults.IssuerAuthenticationFailed)
                    ? IssuerAuthenticationResult.Failed
                    : IssuerAuthenticationResult.Passed;
            }

            tsi.Set(TransactionStatusInformation.IssuerAuthenticationPerformed);
            int length = issuerAuthenticationData.Length;
            if (length < MinDataLength || length > MaxDataLength)
            {
                tvr.Set(TerminalVerificationResults.IssuerAuthenticationFailed);
                return IssuerAuthenticationResult.Failed;
            }

            ResponseApdu response = CardCommand.Exchange(transport, EmvCommands.ExternalAuthenticate(issuerAuthenticationData), Step);
            if (response.Sw == StatusWord.Success) return IssuerAuthenticationResult.Passed;
            tvr.Set(TerminalVerificationResults.IssuerAuthenticationFailed);
            return IssuerAuthenticationResult.Failed;
        }
    }
}
