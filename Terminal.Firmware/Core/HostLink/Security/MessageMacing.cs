using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.HostLink.Iso8583;

namespace Terminal.Firmware.Core.HostLink.Security
{
    /// <summary>
    /// Where the message MAC goes and what it covers (docs/host-protocol.md, "MAC scope"): DE 128 when the
    /// secondary bitmap is present, else DE 64; the MAC covers the packed message from the MTI to the byte before
    /// the MAC field (TPDU and header excluded), i.e. the packed message with an 8-byte placeholder, less its last
    /// 8 bytes. Field 64/128 carries the leftmost 8 bytes of the MAC.
    /// </summary>
    public static class MessageMacing
    {
        /// <summary>Bytes of the MAC field.</summary>
        public const int MacLength = 8;

        /// <summary>64, or 128 when a field 65..127 is present.</summary>
        public static int MacField(Iso8583Message message)
        {
            int[] present = message.PresentFields();
            for (int i = 0; i < present.Length; i++)
                if (present[i] > 64 && present[i] < 128) return 128;
            return 64;
        }

        /// <summary>The MAC input of the message (its MAC field replaced by a placeholder).</summary>
        public static byte[] MacInput(Iso8583Packager packager, Iso8583Message message)
        {
            Iso8583Message copy = message.Clone();
            copy.Remove(64);
            copy.Remove(128);
            copy.SetBytes(MacField(copy), new byte[MacLength]);
            byte[] packed = packager.Pack(copy);
            return Bytes.Slice(packed, 0, packed.Length - MacLength);
        }

        /// <summary>Sets the MAC field of the message (computed with the algorithm and key).</summary>
        public static void Sign(Iso8583Packager packager, Iso8583Message message, MessageMacAlgorithm algorithm, byte[] key)
        {
            byte[] input = MacInput(packager, message);
            byte[] mac = MessageMac.Compute(algorithm, key, input, 0, input.Length);
            message.Remove(64);
            message.Remove(128);
            message.SetBytes(MacField(message), Bytes.Slice(mac, 0, MacLength));
            KeyBytes.Wipe(mac);
        }

        /// <summary>
        /// True when the message carries its MAC in the right field (64, or 128 with a secondary bitmap; not both)
        /// and it verifies.
        /// </summary>
        public static bool Verify(Iso8583Packager packager, Iso8583Message message, MessageMacAlgorithm algorithm, byte[] key)
        {
            int field = MacField(message);
            int other = field == 64 ? 128 : 64;
            if (!message.Has(field) || message.Has(other)) return false;
            byte[] mac = message.GetBytes(field);
            byte[] input = MacInput(packager, message);
            return MessageMac.Verify(algorithm, key, input, 0, input.Length, mac);
        }
    }
}
