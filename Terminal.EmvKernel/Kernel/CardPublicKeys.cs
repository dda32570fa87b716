using Terminal.EmvKernel.Capk;
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Oda;

namespace Terminal.EmvKernel.Kernel
{
    /// <summary>
    /// The card's public key chain read from the card data (EMV 4.4 Book 2, 5.2-5.3 and 6.2-6.4): the issuer key from
    /// '8F', '90', '92', '9F32' under the CA key found by RID and index, and the ICC key from '9F46', '9F48', '9F47'.
    /// Shared by offline data authentication, enciphered PIN key retrieval and fDDA; callers check what must be present.
    /// </summary>
    public static class CardPublicKeys
    {
        /// <summary>Certification Authority Public Key Index.</summary>
        public const int CaIndexTag = 0x8F;
        /// <summary>Issuer Public Key Certificate.</summary>
        public const int IssuerCertificateTag = 0x90;
        /// <summary>Issuer Public Key Remainder.</summary>
        public const int IssuerRemainderTag = 0x92;
        /// <summary>Issuer Public Key Exponent.</summary>
        public const int IssuerExponentTag = 0x9F32;
        /// <summary>ICC Public Key Certificate.</summary>
        public const int IccCertificateTag = 0x9F46;
        /// <summary>ICC Public Key Exponent.</summary>
        public const int IccExponentTag = 0x9F47;
        /// <summary>ICC Public Key Remainder.</summary>
        public const int IccRemainderTag = 0x9F48;
        /// <summary>Application PAN.</summary>
        public const int PanTag = 0x5A;

        /// <summary>The issuer public key under the CA key of <paramref name="aidOrRid"/> and <paramref name="caIndex"/>.</summary>
        public static IssuerPublicKeyCertificate Issuer(CaPublicKeyStore store, CardData card, byte[] aidOrRid, byte caIndex, EmvDate date)
        {
            return IssuerPublicKeyCertificate.Recover(store, aidOrRid, caIndex, card.Get(IssuerCertificateTag),
                card.Get(IssuerRemainderTag), card.Get(IssuerExponentTag), card.Get(PanTag), date);
        }

        /// <summary>The ICC public key under <paramref name="issuer"/>, its hash covering <paramref name="staticData"/>.</summary>
        public static IccPublicKeyCertificate Icc(ICryptoProvider crypto, IssuerPublicKeyCertificate issuer, CardData card,
            byte[] staticData, EmvDate date)
        {
            return IccPublicKeyCertificate.Recover(crypto, issuer, card.Get(IccCertificateTag), card.Get(IccRemainderTag),
                card.Get(IccExponentTag), card.Get(PanTag), staticData, date);
        }
    }
}
