using Terminal.EmvKernel.Util;
namespace Terminal.Firmware.Core.HostLink.Iso8583
{
    /// <summary>
    /// UnionPay field 62 of the sign-on response (0810): the working keys enciphered under the terminal master key,
    /// each followed by a 4-byte check value. Layouts by length: 24 bytes (60.3 = 001: PIK 8 + check 4, MAK 8 +
    /// check 4), 40 bytes (003: PIK 16 + 4, MAK 16 + 4), 60 bytes (004: PIK, MAK and TDK, 16 + 4 each).
    /// This class only splits the bytes; deciphering and checking the check values is the security layer's job.
    /// </summary>
    public sealed class UnionPayWorkingKeys
    {
        /// <summary>Bytes of a check value.</summary>
        public const int CheckValueLength = 4;

        private UnionPayWorkingKeys()
        {
        }

        /// <summary>Enciphered PIN key (8 or 16 bytes).</summary>
        public byte[] PinKey { get; private set; }
        /// <summary>PIN key check value.</summary>
        public byte[] PinKeyCheckValue { get; private set; }
        /// <summary>Enciphered MAC key (8 or 16 bytes).</summary>
        public byte[] MacKey { get; private set; }
        /// <summary>MAC key check value.</summary>
        public byte[] MacKeyCheckValue { get; private set; }
        /// <summary>Enciphered track (data) key, or null.</summary>
        public byte[] TrackKey { get; private set; }
        /// <summary>Track key check value, or null.</summary>
        public byte[] TrackKeyCheckValue { get; private set; }

        /// <summary>Splits field 62; any length other than 24, 40 or 60 raises <see cref="Iso8583Error.BadSubfield"/>.</summary>
        public static UnionPayWorkingKeys Parse(byte[] field62)
        {
            int keyLength;
            int keys;
            int length = field62 == null ? 0 : field62.Length;
            if (length == 24) { keyLength = 8; keys = 2; }
            else if (length == 40) { keyLength = 16; keys = 2; }
            else if (length == 60) { keyLength = 16; keys = 3; }
            else throw new Iso8583Exception(Iso8583Error.BadSubfield, 62, Iso8583Exception.NoOffset, "working keys need 24, 40 or 60 bytes");
            UnionPayWorkingKeys k = new UnionPayWorkingKeys();
            int step = keyLength + CheckValueLength;
            k.PinKey = Bytes.Slice(field62, 0, keyLength);
            k.PinKeyCheckValue = Bytes.Slice(field62, keyLength, CheckValueLength);
            k.MacKey = Bytes.Slice(field62, step, keyLength);
            k.MacKeyCheckValue = Bytes.Slice(field62, step + keyLength, CheckValueLength);
            if (keys == 3)
            {
                k.TrackKey = Bytes.Slice(field62, 2 * step, keyLength);
                k.TrackKeyCheckValue = Bytes.Slice(field62, 2 * step + keyLength, CheckValueLength);
            }
            return k;
        }

        /// <summary>
        /// Builds field 62 (host side): keys of equal length (8 or 16 bytes), 4-byte check values, the track key
        /// pair optional (16-byte keys only).
        /// </summary>
        public static byte[] Compose(byte[] pinKey, byte[] pinCheck, byte[] macKey, byte[] macCheck, byte[] trackKey, byte[] trackCheck)
        {
            if (pinKey == null || macKey == null || pinCheck == null || macCheck == null
                || (pinKey.Length != 8 && pinKey.Length != 16) || macKey.Length != pinKey.Length
                || pinCheck.Length != CheckValueLength || macCheck.Length != CheckValueLength
                || ((trackKey == null) != (trackCheck == null))
                || (trackKey != null && (trackKey.Length != 16 || pinKey.Length != 16 || trackCheck.Length != CheckValueLength)))
                throw new Iso8583Exception(Iso8583Error.InvalidValue, 62, Iso8583Exception.NoOffset, "keys and check values do not fit a field 62 layout");
            int step = pinKey.Length + CheckValueLength;
            byte[] result = new byte[(trackKey == null ? 2 : 3) * step];
            System.Array.Copy(pinKey, 0, result, 0, pinKey.Length);
            System.Array.Copy(pinCheck, 0, result, pinKey.Length, CheckValueLength);
            System.Array.Copy(macKey, 0, result, step, macKey.Length);
            System.Array.Copy(macCheck, 0, result, step + macKey.Length, CheckValueLength);
            if (trackKey != null)
            {
                System.Array.Copy(trackKey, 0, result, 2 * step, trackKey.Length);
                System.Array.Copy(trackCheck, 0, result, 2 * step + trackKey.Length, CheckValueLength);
            }
            return result;
        }

    }
}
