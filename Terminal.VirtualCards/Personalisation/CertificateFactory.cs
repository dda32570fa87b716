using Terminal.EmvKernel.Crypto;

namespace Terminal.VirtualCards.Personalisation
{
    /// <summary>
    /// Signs the EMV static RSA blocks with the portable <see cref="Rsa.PrivateOperation"/>, so the PC tool and
    /// the device personalise the same way: the issuer public key certificate (EMV 4.4 Book 2, 5.3, Table 6),
    /// the ICC public key certificate (Book 2, 6.4, Table 14) and the Signed Static Application Data (Book 2,
    /// 5.4, Table 7). Each block is 6A | format | fields | SHA-1 | BC, the hash taken over format .. last field
    /// followed by the extra data the recovery appends.
    /// </summary>
    public static class CertificateFactory
    {
        /// <summary>Recovered data header (Book 2, Tables 6, 7, 14).</summary>
        public const byte Header = 0x6A;
        /// <summary>Recovered data trailer.</summary>
        public const byte Trailer = 0xBC;
        /// <summary>Hash algorithm indicator and public key algorithm indicator: 01 (SHA-1, RSA).</summary>
        public const byte AlgorithmSha1Rsa = 0x01;
        private const int HashLength = 20;

        /// <summary>
        /// Issuer public key certificate (90) under the CA private key; issuerIdentifier is 4 bytes (leftmost PAN
        /// digits padded with F), expiry MMYY 2 bytes, serial 3 bytes. The key digits that do not fit
        /// (N_I &gt; N_CA - 36) are returned in remainder (92), else remainder is empty.
        /// </summary>
        public static byte[] IssuerCertificate(ICryptoProvider crypto, RsaPrivateCrtKey caKey, byte[] issuerIdentifier,
            byte[] expiry, byte[] serial, byte[] issuerModulus, byte[] issuerExponent, out byte[] remainder)
        {
            CheckLength(issuerIdentifier, 4, "issuerIdentifier");
            return KeyCertificate(crypto, caKey, 0x02, issuerIdentifier, expiry, serial, issuerModulus, issuerExponent, null, out remainder);
        }

        /// <summary>
        /// ICC public key certificate (9F46) under the issuer private key: PAN 10 bytes (padded with F), expiry
        /// MMYY, serial 3 bytes; the hash also covers the static data to be authenticated. Remainder is 9F48.
        /// </summary>
        public static byte[] IccCertificate(ICryptoProvider crypto, RsaPrivateCrtKey issuerKey, byte[] pan10,
            byte[] expiry, byte[] serial, byte[] iccModulus, byte[] iccExponent, byte[] staticData, out byte[] remainder)
        {
            CheckLength(pan10, 10, "pan10");
            if (staticData == null) throw new System.ArgumentNullException("staticData");
            return KeyCertificate(crypto, issuerKey, 0x04, pan10, expiry, serial, iccModulus, iccExponent, staticData, out remainder);
        }

        /// <summary>Signed Static Application Data (93) under the issuer private key, with the 2-byte Data Authentication Code.</summary>
        public static byte[] SignedStaticData(ICryptoProvider crypto, RsaPrivateCrtKey issuerKey, byte[] dataAuthenticationCode, byte[] staticData)
        {
            if (crypto == null) throw new System.ArgumentNullException("crypto");
            if (issuerKey == null) throw new System.ArgumentNullException("issuerKey");
            CheckLength(dataAuthenticationCode, 2, "dataAuthenticationCode");
            if (staticData == null) throw new System.ArgumentNullException("staticData");
            int n = issuerKey.ModulusLength;
            byte[] block = new byte[n];
            block[0] = Header;
            block[1] = 0x03;
            block[2] = AlgorithmSha1Rsa;
            block[3] = dataAuthenticationCode[0];
            block[4] = dataAuthenticationCode[1];
            for (int i = 5; i < n - 1 - HashLength; i++) block[i] = 0xBB;
            return Sign(crypto, issuerKey, block, null, null, staticData);
        }

        private static byte[] KeyCertificate(ICryptoProvider crypto, RsaPrivateCrtKey signer, byte format, byte[] identifier,
            byte[] expiry, byte[] serial, byte[] modulus, byte[] exponent, byte[] staticData, out byte[] remainder)
        {
            if (crypto == null) throw new System.ArgumentNullException("crypto");
            if (signer == null) throw new System.ArgumentNullException("signer");
            CheckLength(expiry, 2, "expiry");
            CheckLength(serial, 3, "serial");
            if (modulus == null || modulus.Length == 0 || modulus.Length > 248) throw new System.ArgumentException("public key modulus must be 1..248 bytes", "modulus");
            if (exponent == null || (exponent.Length != 1 && exponent.Length != 3)) throw new System.ArgumentException("public key exponent must be 1 or 3 bytes", "exponent");
            int n = signer.ModulusLength;
            int fixedFields = 2 + identifier.Length + 2 + 3 + 4; // header, format, id, expiry, serial, algs, lengths
            int room = n - fixedFields - HashLength - 1;
            if (room < 1) throw new System.ArgumentException("signing key too short for the certificate", "signer");
            byte[] block = new byte[n];
            int p = 0;
            block[p++] = Header;
            block[p++] = format;
            System.Array.Copy(identifier, 0, block, p, identifier.Length); p += identifier.Length;
            block[p++] = expiry[0]; block[p++] = expiry[1];
            System.Array.Copy(serial, 0, block, p, 3); p += 3;
            block[p++] = AlgorithmSha1Rsa;
            block[p++] = AlgorithmSha1Rsa;
            block[p++] = (byte)modulus.Length;
            block[p++] = (byte)exponent.Length;
            int inCert = modulus.Length <= room ? modulus.Length : room;
            System.Array.Copy(modulus, 0, block, p, inCert);
            for (int i = p + inCert; i < p + room; i++) block[i] = 0xBB;
            remainder = new byte[modulus.Length - inCert];
            System.Array.Copy(modulus, inCert, remainder, 0, remainder.Length);
            return Sign(crypto, signer, block, remainder, exponent, staticData);
        }

        /// <summary>Fills the hash over block[1 .. n-22] | a | b | c, the trailer, and applies the private key.</summary>
        private static byte[] Sign(ICryptoProvider crypto, RsaPrivateCrtKey key, byte[] block, byte[] a, byte[] b, byte[] c)
        {
            int n = block.Length;
            int signed = n - 2 - HashLength;
            int total = signed + Len(a) + Len(b) + Len(c);
            byte[] input = new byte[total];
            System.Array.Copy(block, 1, input, 0, signed);
            int p = signed;
            if (a != null) { System.Array.Copy(a, 0, input, p, a.Length); p += a.Length; }
            if (b != null) { System.Array.Copy(b, 0, input, p, b.Length); p += b.Length; }
            if (c != null) { System.Array.Copy(c, 0, input, p, c.Length); }
            byte[] hash = crypto.Sha1(input, 0, input.Length);
            System.Array.Copy(hash, 0, block, n - 1 - HashLength, HashLength);
            block[n - 1] = Trailer;
            return Rsa.PrivateOperation(key, block);
        }

        private static int Len(byte[] b) { return b == null ? 0 : b.Length; }

        private static void CheckLength(byte[] value, int length, string name)
        {
            if (value == null) throw new System.ArgumentNullException(name);
            if (value.Length != length) throw new System.ArgumentException(name + " must be " + length.ToString() + " bytes", name);
        }
    }
}
