using System.Collections;
using Terminal.EmvKernel.Tlv;
using Terminal.VirtualCards.Card;

namespace Terminal.VirtualCards.Personalisation
{
    /// <summary>
    /// The data objects of one application while it is personalised: tag -> value, filled from the named keys
    /// and hex tag keys of <c>[application]</c> and from the generated ODA data (8F, 90, 92, 9F32, 9F46,
    /// 9F47, 9F48, 93). Records are then built from it.
    /// </summary>
    internal sealed class ApplicationData
    {
        private readonly ArrayList _objects = new ArrayList();

        public void Set(int tag, byte[] value, int line, string field)
        {
            if (!TlvTag.IsValid(tag)) throw new CardProfileException(CardProfileError.InvalidValue, line, field, "not a valid BER-TLV tag");
            if (Get(tag) != null) throw new CardProfileException(CardProfileError.Duplicate, line, field, "data object given twice (named key and tag key?)");
            _objects.Add(new CardDataObject(tag, value));
        }

        public byte[] Get(int tag)
        {
            for (int i = 0; i < _objects.Count; i++)
            {
                CardDataObject o = (CardDataObject)_objects[i];
                if (o.Tag == tag) return o.Value;
            }
            return null;
        }

        public void Replace(int tag, byte[] value)
        {
            for (int i = 0; i < _objects.Count; i++)
            {
                CardDataObject o = (CardDataObject)_objects[i];
                if (o.Tag == tag) { o.Value = value; return; }
            }
            _objects.Add(new CardDataObject(tag, value));
        }

        /// <summary>Fills the store from the named and tag keys of an [application] section.</summary>
        public static ApplicationData From(ProfileSection s, byte[] aid)
        {
            ApplicationData d = new ApplicationData();
            d.Set(0x4F, aid, s.Line, "application");
            for (int i = 0; i < s.Count; i++)
            {
                ProfileEntry e = s.EntryAt(i);
                if (ProfileValues.IsTagKey(e.Key))
                {
                    d.Set(ProfileValues.TagOf(e.Key), ProfileValues.HexOf(e), e.Line, e.Key);
                    continue;
                }
                int tag;
                byte[] v = NamedValue(e, out tag);
                if (v != null) d.Set(tag, v, e.Line, e.Key);
            }
            return d;
        }

        /// <summary>The data object of a named key, or null for keys that are not data objects (oda, pin, ...).</summary>
        private static byte[] NamedValue(ProfileEntry e, out int tag)
        {
            tag = 0;
            switch (e.Key)
            {
                case "label": tag = 0x50; return Ascii(e, 16);
                case "preferred-name": tag = 0x9F12; return Ascii(e, 16);
                case "language": tag = 0x5F2D; return Ascii(e, 8);
                case "cardholder-name": tag = 0x5F20; return Ascii(e, 26);
                case "priority": tag = 0x87; return Sized(e, 1, 1);
                case "issuer-code-table": tag = 0x9F11; return Sized(e, 1, 1);
                case "pan": tag = 0x5A; return ProfileValues.BcdOf(e, 12, 19, false);
                case "psn": tag = 0x5F34; return Sized(e, 1, 1);
                case "expiry": tag = 0x5F24; return ProfileValues.DateOf(e);
                case "effective": tag = 0x5F25; return ProfileValues.DateOf(e);
                case "auc": tag = 0x9F07; return Sized(e, 2, 2);
                case "aip": tag = 0x82; return Sized(e, 2, 2);
                case "cvm-list": tag = 0x8E; return Sized(e, 10, 252);
                case "iac-default": tag = 0x9F0D; return Sized(e, 5, 5);
                case "iac-denial": tag = 0x9F0E; return Sized(e, 5, 5);
                case "iac-online": tag = 0x9F0F; return Sized(e, 5, 5);
                case "pdol": tag = 0x9F38; return Sized(e, 0, 252);
                case "cdol1": tag = 0x8C; return Sized(e, 1, 252);
                case "cdol2": tag = 0x8D; return Sized(e, 1, 252);
                case "ddol": tag = 0x9F49; return Sized(e, 1, 252);
                case "app-version": tag = 0x9F08; return Sized(e, 2, 2);
                case "country": tag = 0x5F28; return ProfileValues.NumericOf(e, 4);
                case "currency": tag = 0x9F42; return ProfileValues.NumericOf(e, 4);
                case "track2": tag = 0x57; return ProfileValues.BcdOf(e, 16, 37, true);
                case "service-code": tag = 0x5F30; return ProfileValues.NumericOf(e, 4);
                case "sda-tag-list": tag = 0x9F4A; return Sized(e, 1, 16);
                case "log-format": tag = 0x9F4F; return Sized(e, 1, 64);
                case "ctq": tag = 0x9F6C; return Sized(e, 2, 2);
                case "card-auth-data": tag = 0x9F69; return Sized(e, 1, 32);
                default: return null;
            }
        }

        /// <summary>Hex of a length in [min, max] bytes.</summary>
        public static byte[] Sized(ProfileEntry e, int min, int max)
        {
            byte[] v = ProfileValues.HexOf(e);
            if (v.Length < min || v.Length > max)
                throw ProfileValues.Invalid(e, "expected " + min.ToString() + " to " + max.ToString() + " bytes");
            return v;
        }

        private static byte[] Ascii(ProfileEntry e, int max)
        {
            string t = e.Value;
            if (t.Length == 0 || t.Length > max) throw ProfileValues.Invalid(e, "expected 1 to " + max.ToString() + " characters");
            byte[] b = new byte[t.Length];
            for (int i = 0; i < t.Length; i++) b[i] = (byte)t[i];
            return b;
        }
    }
}
