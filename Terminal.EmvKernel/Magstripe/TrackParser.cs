using Terminal.EmvKernel.Util;
namespace Terminal.EmvKernel.Magstripe
{
    /// <summary>
    /// Parses magnetic stripe tracks of financial cards (ISO/IEC 7813): track 2 <c>PAN=YYMMSSS discretionary</c>
    /// and track 1 format B <c>BPAN^NAME^YYMMSSS discretionary</c>. The input is the text the head read, with or
    /// without the start and end sentinels (<c>;</c> / <c>%</c> and <c>?</c>); no LRC. Every problem is a
    /// <see cref="TrackFormatException"/>; no other exception escapes for any string.
    /// </summary>
    public static class TrackParser
    {
        /// <summary>Most track 2 characters between the sentinels: 40 - start sentinel, end sentinel, LRC (ISO/IEC 7813).</summary>
        public const int MaxTrack2Length = 37;

        /// <summary>Most track 1 characters between the sentinels: 79 - start sentinel, end sentinel, LRC (ISO/IEC 7813).</summary>
        public const int MaxTrack1Length = 76;

        /// <summary>Shortest PAN accepted (payment card PANs; ISO/IEC 7812-1 allows 8 for other cards [K]).</summary>
        public const int MinPanLength = 12;

        /// <summary>Longest PAN (ISO/IEC 7812-1).</summary>
        public const int MaxPanLength = 19;

        /// <summary>Track 1 name field length (ISO/IEC 7813).</summary>
        public const int MinNameLength = 2, MaxNameLength = 26;

        /// <summary>
        /// Parses track 2. The separator is '=' as on the stripe, or 'D' as in the hex form of Track 2 Equivalent
        /// Data '57' (and the card library's <c>[track]</c> entries).
        /// </summary>
        public static TrackData ParseTrack2(string track)
        {
            string t = Strip(track, ';', 2);
            if (t.Length > MaxTrack2Length) throw Fail(2, TrackFormatError.TooLong, "more than 37 characters");
            int separator = -1;
            for (int i = 0; i < t.Length; i++)
            {
                char c = t[i];
                if ((c == '=' || c == 'D') && separator < 0) separator = i;
                else if (c < '0' || c > '9') throw Fail(2, TrackFormatError.InvalidCharacter, "only digits and one '=' separator are allowed");
            }
            if (separator < 0) throw Fail(2, TrackFormatError.MissingSeparator, "no '=' after the PAN");
            string pan = Pan(2, t.Substring(0, separator));
            return Tail(2, t, pan, null, separator + 1);
        }

        /// <summary>
        /// Parses Track 2 Equivalent Data '57' (EMV Book 3 Annex A: cn, separator nibble 'D', padded with 'F' to whole
        /// bytes), the chip's copy of track 2. Errors are <see cref="TrackFormatException"/>s for track 2.
        /// </summary>
        public static TrackData ParseTrack2Equivalent(byte[] value)
        {
            if (value == null || value.Length == 0) throw Fail(2, TrackFormatError.Empty, "no data");
            string hex = Util.Hex.Encode(value);
            int end = hex.Length;
            if (hex[end - 1] == 'F') end--;
            return ParseTrack2(hex.Substring(0, end));
        }

        /// <summary>Parses track 1 (format code B).</summary>
        public static TrackData ParseTrack1(string track)
        {
            string t = Strip(track, '%', 1);
            if (t.Length > MaxTrack1Length) throw Fail(1, TrackFormatError.TooLong, "more than 76 characters");
            for (int i = 0; i < t.Length; i++)
            {
                char c = t[i];
                // The 6-bit track 1 set is ' ' (20) to '_' (5F); '%' and '?' are sentinels, not data.
                if (c < ' ' || c > '_' || c == '%' || c == '?')
                    throw Fail(1, TrackFormatError.InvalidCharacter, "a character outside the track 1 set");
            }
            if (t[0] != 'B') throw Fail(1, TrackFormatError.UnsupportedFormatCode, "format code is not 'B'");
            int first = t.IndexOf('^');
            if (first < 0) throw Fail(1, TrackFormatError.MissingSeparator, "no '^' after the PAN");
            int second = t.IndexOf('^', first + 1);
            if (second < 0) throw Fail(1, TrackFormatError.MissingSeparator, "no '^' after the name");
            string pan = Pan(1, t.Substring(1, first - 1));
            string name = t.Substring(first + 1, second - first - 1);
            if (name.Length < MinNameLength || name.Length > MaxNameLength)
                throw Fail(1, TrackFormatError.InvalidName, "the name is not 2 to 26 characters");
            int end = name.Length;
            while (end > 0 && name[end - 1] == ' ') end--;
            name = name.Substring(0, end);
            for (int i = second + 1; i < t.Length; i++)
            {
                if (t[i] == '^') throw Fail(1, TrackFormatError.InvalidCharacter, "a third '^'");
            }
            return Tail(1, t, pan, name, second + 1);
        }

        // Expiry YYMM, service code, discretionary data from position start.
        private static TrackData Tail(int track, string t, string pan, string name, int start)
        {
            if (t.Length - start < 4) throw Fail(track, TrackFormatError.InvalidExpiry, "no 4-digit expiry date");
            string expiry = t.Substring(start, 4);
            if (!DecimalText.IsDigits(expiry, 4, 4)) throw Fail(track, TrackFormatError.InvalidExpiry, "the expiry date is not 4 digits");
            int month = (expiry[2] - '0') * 10 + (expiry[3] - '0');
            if (month < 1 || month > 12) throw Fail(track, TrackFormatError.InvalidExpiry, "the expiry month is not 01-12");
            if (t.Length - start < 7) throw Fail(track, TrackFormatError.InvalidServiceCode, "no 3-digit service code");
            ServiceCode sc = ServiceCode.Parse(t.Substring(start + 4, 3));
            if (sc == null) throw Fail(track, TrackFormatError.InvalidServiceCode, "the service code is not 3 digits");
            return new TrackData(track, t, pan, expiry, sc, name, t.Substring(start + 7));
        }

        private static string Pan(int track, string pan)
        {
            if (!DecimalText.IsDigits(pan, MinPanLength, MaxPanLength))
                throw Fail(track, TrackFormatError.InvalidPan, "the PAN is not 12 to 19 digits");
            return pan;
        }

        // Removes one leading start sentinel and one trailing end sentinel '?'.
        private static string Strip(string track, char startSentinel, int number)
        {
            if (track == null) throw Fail(number, TrackFormatError.Empty, "no data");
            int from = track.Length > 0 && track[0] == startSentinel ? 1 : 0;
            int to = track.Length > from && track[track.Length - 1] == '?' ? track.Length - 1 : track.Length;
            if (to <= from) throw Fail(number, TrackFormatError.Empty, "no data");
            return track.Substring(from, to - from);
        }

        private static TrackFormatException Fail(int track, TrackFormatError error, string detail)
        {
            return new TrackFormatException(track, error, detail);
        }
    }
}
