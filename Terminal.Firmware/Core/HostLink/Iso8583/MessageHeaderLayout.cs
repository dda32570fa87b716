namespace Terminal.Firmware.Core.HostLink.Iso8583
{
    /// <summary>
    /// What a dialect's channel puts in front of the MTI: nothing, a 5-byte TPDU, or a TPDU followed by a
    /// fixed number of BCD digits (the UnionPay 6-byte message header). The bytes travel in
    /// <see cref="Iso8583Message.Header"/>; this layout only checks them.
    /// </summary>
    public sealed class MessageHeaderLayout
    {
        /// <summary>No bytes before the MTI.</summary>
        public static readonly MessageHeaderLayout None = new MessageHeaderLayout(false, 0);

        /// <summary>A TPDU only (NAC framing).</summary>
        public static readonly MessageHeaderLayout TpduOnly = new MessageHeaderLayout(true, 0);

        /// <summary>Creates a layout: an optional TPDU, then <paramref name="bcdDigits"/> (even) BCD digits.</summary>
        public MessageHeaderLayout(bool hasTpdu, int bcdDigits)
        {
            if (bcdDigits < 0 || (bcdDigits & 1) != 0)
                throw new Iso8583Exception(Iso8583Error.InvalidDefinition, Iso8583Exception.NoField, Iso8583Exception.NoOffset, "header digits must be even");
            HasTpdu = hasTpdu;
            BcdDigits = bcdDigits;
        }

        /// <summary>True when a TPDU comes first.</summary>
        public bool HasTpdu { get; private set; }

        /// <summary>Number of BCD digits after the TPDU.</summary>
        public int BcdDigits { get; private set; }

        /// <summary>Bytes in front of the MTI.</summary>
        public int Length
        {
            get { return (HasTpdu ? Tpdu.Length : 0) + BcdDigits / 2; }
        }

        /// <summary>Checks <see cref="Length"/> bytes at <paramref name="offset"/>: TPDU ID 0x60, then BCD digits.</summary>
        public void Check(byte[] data, int offset, int end)
        {
            if (Length > end - offset)
                throw new Iso8583Exception(Iso8583Error.Truncated, Iso8583Exception.NoField, offset, "header");
            if (HasTpdu)
            {
                if (data[offset] != Tpdu.TransactionId)
                    throw new Iso8583Exception(Iso8583Error.BadHeader, Iso8583Exception.NoField, offset, "TPDU ID is not 60");
                offset += Tpdu.Length;
            }
            for (int i = 0; i < BcdDigits / 2; i++)
            {
                byte b = data[offset + i];
                if ((b >> 4) > 9 || (b & 0x0F) > 9)
                    throw new Iso8583Exception(Iso8583Error.BadHeader, Iso8583Exception.NoField, offset + i, "header digit is not BCD");
            }
        }
    }
}
