namespace Terminal.Firmware.Core.HostLink.Security
{
    /// <summary>
    /// The clear card data enciphered in transit: the PAN (DE 2 content) and/or the track 2 equivalent data (DE 35
    /// content, EMV tag 57 as text), as a self-delimiting record [K: a project convention, not a published format]:
    /// for each present element, tag (02 PAN, 35 track 2) | length (1 byte) | ASCII characters; then zero bytes up
    /// to a whole number of cipher blocks (ISO/IEC 9797-1 padding method 1 after the record). The lengths travel
    /// inside the record, so deciphering restores the exact characters. Tag 00 never starts an element: a 00 byte
    /// ends the record and every byte after it must be zero.
    /// </summary>
    public sealed class CardDataRecord
    {
        /// <summary>Element tag of the PAN.</summary>
        public const byte TagPan = 0x02;
        /// <summary>Element tag of the track 2 equivalent data.</summary>
        public const byte TagTrack2 = 0x35;
        /// <summary>Longest PAN (ISO/IEC 7812: 19 digits).</summary>
        public const int MaxPanLength = 19;
        /// <summary>Longest track 2 equivalent data (ISO/IEC 7813: 37 characters).</summary>
        public const int MaxTrack2Length = 37;
        /// <summary>Shortest PAN accepted (ISO/IEC 7812 issuers use 12 and more digits in practice [K]).</summary>
        public const int MinPanLength = 12;

        /// <summary>Creates the record; at least one of the two must be given. Throws <see cref="SecurityException"/> (BadCardData).</summary>
        public CardDataRecord(string pan, string track2)
        {
            if (pan == null && track2 == null) throw new SecurityException(SecurityError.BadCardData, "card data needs a PAN or track 2");
            if (pan != null && !IsPan(pan)) throw new SecurityException(SecurityError.BadCardData, "a PAN has 12 to 19 digits");
            if (track2 != null && !IsTrack2(track2)) throw new SecurityException(SecurityError.BadCardData, "track 2 has 1 to 37 digits and separators");
            Pan = pan;
            Track2 = track2;
        }

        /// <summary>DE 2 content, or null.</summary>
        public string Pan { get; private set; }

        /// <summary>DE 35 content (digits, '=' or 'D' separator), or null.</summary>
        public string Track2 { get; private set; }

        /// <summary>The PAN: <see cref="Pan"/>, else the digits of <see cref="Track2"/> before the separator.</summary>
        public string AccountNumber
        {
            get
            {
                if (Pan != null) return Pan;
                int sep = Separator(Track2);
                return sep < 0 ? Track2 : Track2.Substring(0, sep);
            }
        }

        /// <summary>The clear record padded with zeros to a multiple of <paramref name="blockSize"/> (8 TDES, 16 AES).</summary>
        public byte[] Encode(int blockSize)
        {
            int length = (Pan == null ? 0 : 2 + Pan.Length) + (Track2 == null ? 0 : 2 + Track2.Length);
            int padded = ((length + blockSize - 1) / blockSize) * blockSize;
            byte[] r = new byte[padded];
            int at = 0;
            if (Pan != null) at = Put(r, at, TagPan, Pan);
            if (Track2 != null) Put(r, at, TagTrack2, Track2);
            return r;
        }

        /// <summary>
        /// Reads a clear record (the exact inverse of <see cref="Encode"/>). Throws <see cref="SecurityException"/>
        /// (CardDataUndecipherable) for anything else: unknown or repeated tag, length past the end, characters that
        /// are not PAN/track 2 characters, non-zero padding, no element.
        /// </summary>
        public static CardDataRecord Decode(byte[] clear)
        {
            if (clear == null) throw Undecipherable();
            string pan = null, track2 = null;
            int at = 0;
            while (at < clear.Length && clear[at] != 0)
            {
                byte tag = clear[at];
                if (at + 2 > clear.Length) throw Undecipherable();
                int length = clear[at + 1];
                if (at + 2 + length > clear.Length) throw Undecipherable();
                string text = Text(clear, at + 2, length);
                if (tag == TagPan && pan == null && text != null && IsPan(text)) pan = text;
                else if (tag == TagTrack2 && track2 == null && text != null && IsTrack2(text)) track2 = text;
                else throw Undecipherable();
                at += 2 + length;
            }
            for (int i = at; i < clear.Length; i++) if (clear[i] != 0) throw Undecipherable();
            if (pan == null && track2 == null) throw Undecipherable();
            return new CardDataRecord(pan, track2);
        }

        private static int Put(byte[] r, int at, byte tag, string text)
        {
            r[at] = tag;
            r[at + 1] = (byte)text.Length;
            for (int i = 0; i < text.Length; i++) r[at + 2 + i] = (byte)text[i];
            return at + 2 + text.Length;
        }

        private static string Text(byte[] b, int offset, int length)
        {
            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                byte c = b[offset + i];
                if (c < 0x20 || c > 0x7E) return null;
                chars[i] = (char)c;
            }
            return new string(chars);
        }

        private static bool IsPan(string s)
        {
            if (s.Length < MinPanLength || s.Length > MaxPanLength) return false;
            for (int i = 0; i < s.Length; i++) if (s[i] < '0' || s[i] > '9') return false;
            return true;
        }

        private static bool IsTrack2(string s)
        {
            if (s.Length < 1 || s.Length > MaxTrack2Length) return false;
            int separators = 0;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c == '=' || c == 'D') separators++;
                else if (c < '0' || c > '9') return false;
            }
            return separators <= 1;
        }

        private static int Separator(string track2)
        {
            for (int i = 0; i < track2.Length; i++) if (track2[i] == '=' || track2[i] == 'D') return i;
            return -1;
        }

        private static SecurityException Undecipherable()
        {
            return new SecurityException(SecurityError.CardDataUndecipherable, "enciphered card data is not a valid record");
        }
    }
}
