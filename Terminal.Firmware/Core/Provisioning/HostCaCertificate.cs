namespace Terminal.Firmware.Core.Provisioning
{
    /// <summary>
    /// The host CA certificate of <c>set hostca</c>: one X.509 certificate in DER, carried over the serial console as
    /// one line of base64 (RFC 4648 section 4, with padding; no PEM armour or line breaks, so a console line and a
    /// configuration file line hold it whole). Checked for the outer shape of RFC 5280 section 4.1
    /// (<c>Certificate ::= SEQUENCE { tbsCertificate SEQUENCE, signatureAlgorithm SEQUENCE, signatureValue BIT STRING }</c>,
    /// DER definite lengths); the TLS stack checks the rest when it uses it.
    /// </summary>
    public static class HostCaCertificate
    {
        /// <summary>Smallest accepted certificate, bytes (a real CA certificate is several hundred).</summary>
        public const int MinBytes = 64;

        /// <summary>Largest accepted certificate, bytes (an RSA-4096 CA certificate fits).</summary>
        public const int MaxBytes = 2048;

        /// <summary>The DER bytes of <paramref name="base64"/>; <see cref="ProvisioningException"/> (line <paramref name="line"/>) naming the rule broken.</summary>
        public static byte[] Parse(string base64, int line)
        {
            if (base64 == null) throw new System.ArgumentNullException("base64");
            int maxChars = (MaxBytes + 2) / 3 * 4;
            if (base64.Length < 4 || base64.Length > maxChars)
                throw new ProvisioningException(line, "host CA certificate must be " + MinBytes.ToString() + " to " + MaxBytes.ToString() + " bytes of DER as one base64 line");
            if (!IsBase64(base64)) throw new ProvisioningException(line, "host CA certificate must be base64 (A-Z a-z 0-9 + /, '=' padding, length a multiple of 4)");
            byte[] der;
            try
            {
                der = System.Convert.FromBase64String(base64);
            }
            catch (System.Exception)
            {
                throw new ProvisioningException(line, "host CA certificate is not valid base64");
            }
            if (der.Length < MinBytes || der.Length > MaxBytes)
                throw new ProvisioningException(line, "host CA certificate must be " + MinBytes.ToString() + " to " + MaxBytes.ToString() + " bytes of DER");
            if (!IsCertificateShape(der)) throw new ProvisioningException(line, "host CA certificate is not a DER X.509 certificate (RFC 5280 4.1)");
            return der;
        }

        /// <summary>
        /// The TLS rule of a board that can only verify the host against a CA certificate (no certificate callback for
        /// a public-key pin: the ESP32 under nanoFramework): the provisioned CA certificate, or null for plain TCP.
        /// Throws <see cref="System.NotSupportedException"/> naming <c>set hostca</c> when a TLS pin is provisioned
        /// without a CA certificate (the boot turns it into a configuration error). A pin provisioned with a CA
        /// certificate is not checked by such a board.
        /// </summary>
        public static byte[] ForCaOnlyTls(byte[] caCertificate, byte[] tlsPin)
        {
            if (caCertificate == null && tlsPin != null)
                throw new System.NotSupportedException("this board cannot check a TLS pin (no certificate callback): set hostca <base64 DER of the host's CA certificate>, or set tlspin off for plain TCP");
            return caCertificate;
        }

        private static bool IsBase64(string s)
        {
            if (s.Length % 4 != 0) return false;
            int padding = 0;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c == '=')
                {
                    padding++;
                    continue;
                }
                if (padding > 0) return false;
                bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
                if (!ok) return false;
            }
            return padding <= 2;
        }

        /// <summary>SEQUENCE of exactly SEQUENCE, SEQUENCE, BIT STRING, filling the input (X.690 8.1: tag, definite length).</summary>
        private static bool IsCertificateShape(byte[] der)
        {
            int contentStart;
            int contentLength;
            if (!Element(der, 0, 0x30, out contentStart, out contentLength)) return false;
            if (contentStart + contentLength != der.Length) return false;
            int at = contentStart;
            byte[] tags = new byte[] { 0x30, 0x30, 0x03 };
            for (int i = 0; i < tags.Length; i++)
            {
                int start;
                int length;
                if (!Element(der, at, tags[i], out start, out length)) return false;
                at = start + length;
            }
            return at == der.Length;
        }

        /// <summary>The element at <paramref name="at"/> with tag <paramref name="tag"/>: where its content starts and its length (short form or 1-2 length bytes).</summary>
        private static bool Element(byte[] der, int at, byte tag, out int contentStart, out int contentLength)
        {
            contentStart = 0;
            contentLength = 0;
            if (at + 2 > der.Length || der[at] != tag) return false;
            int first = der[at + 1];
            int p = at + 2;
            if (first < 0x80) contentLength = first;
            else if (first == 0x81 || first == 0x82)
            {
                int count = first & 0x7F;
                if (p + count > der.Length) return false;
                for (int i = 0; i < count; i++) contentLength = (contentLength << 8) | der[p + i];
                p += count;
                // DER uses the shortest length form (X.690 10.1).
                if ((count == 1 && contentLength < 0x80) || (count == 2 && contentLength < 0x100)) return false;
            }
            else return false;
            contentStart = p;
            return p + contentLength <= der.Length;
        }
    }
}
