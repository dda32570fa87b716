using Terminal.EmvKernel.Tlv;
using Terminal.EmvKernel.Util;

namespace Terminal.VirtualCards.Card
{
    /// <summary>Builds R-APDUs: response data followed by SW1 SW2.</summary>
    internal static class CardResponse
    {
        public const int Ok = 0x9000;
        public const int WrongLength = 0x6700;
        public const int IncorrectData = 0x6A80;
        public const int FunctionNotSupported = 0x6A81;
        public const int FileNotFound = 0x6A82;
        public const int RecordNotFound = 0x6A83;
        public const int IncorrectP1P2 = 0x6A86;
        public const int ReferencedDataNotFound = 0x6A88;
        public const int ConditionsNotSatisfied = 0x6985;
        public const int AuthenticationMethodBlocked = 0x6983;
        public const int SecureMessagingDataIncorrect = 0x6988;
        public const int AuthenticationFailed = 0x6300;
        public const int InsNotSupported = 0x6D00;
        public const int ClaNotSupported = 0x6E00;
        public const int NoPreciseDiagnosis = 0x6F00;
        public const int SelectedFileInvalidated = 0x6283;

        /// <summary>A status word alone.</summary>
        public static byte[] Status(int sw)
        {
            return new byte[] { (byte)(sw >> 8), (byte)sw };
        }

        /// <summary>Data then status word.</summary>
        public static byte[] WithData(byte[] data, int sw)
        {
            if (data == null) return Status(sw);
            byte[] r = new byte[data.Length + 2];
            System.Array.Copy(data, 0, r, 0, data.Length);
            r[data.Length] = (byte)(sw >> 8);
            r[data.Length + 1] = (byte)sw;
            return r;
        }

        /// <summary>One TLV (tag, length, value) followed by 9000.</summary>
        public static byte[] Tlv(int tag, byte[] value)
        {
            TlvWriter w = new TlvWriter();
            w.Write(tag, value);
            return WithData(w.ToArray(), Ok);
        }

        /// <summary>The status word of an R-APDU.</summary>
        public static int StatusOf(byte[] response)
        {
            return (response[response.Length - 2] << 8) | response[response.Length - 1];
        }

        /// <summary>Two-byte big-endian value.</summary>
        public static byte[] Short(int value)
        {
            return new byte[] { (byte)(value >> 8), (byte)value };
        }

        /// <summary>ASCII bytes of a string (labels, language preference).</summary>
        public static byte[] Ascii(string text)
        {
            byte[] b = new byte[text.Length];
            for (int i = 0; i < text.Length; i++) b[i] = (byte)(text[i] & 0x7F);
            return b;
        }

        /// <summary>True when a starts with prefix (prefix not longer than a).</summary>
        public static bool StartsWith(byte[] a, byte[] prefix)
        {
            if (a == null || prefix == null || prefix.Length > a.Length) return false;
            for (int i = 0; i < prefix.Length; i++) if (a[i] != prefix[i]) return false;
            return true;
        }

    }
}
