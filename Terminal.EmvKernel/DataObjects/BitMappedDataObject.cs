using System.Collections;
using Terminal.EmvKernel.Util;

namespace Terminal.EmvKernel.DataObjects
{
    /// <summary>
    /// Base of the fixed-length bit-mapped data objects (TVR, TSI, AIP, AUC, terminal capabilities, TTQ, CTQ, ...).
    /// <para>
    /// A bit is named by an int code: <c>(byteNumber &lt;&lt; 8) | mask</c>, bytes numbered from 1 as in the EMV books
    /// and the mask taken from the b8 (0x80) ... b1 (0x01) bit numbering. Example: TVR byte 4 bit 8 is 0x0480.
    /// A code with several mask bits names a multi-bit field; <see cref="IsSet"/> is then true only when all of
    /// them are set.
    /// </para>
    /// <para>
    /// <see cref="Describe()"/> returns one line per set bit, in byte order and from b8 to b1 inside a byte:
    /// <c>"B4b8 Transaction exceeds floor limit"</c>. A set bit the specification leaves RFU reads
    /// <c>"B2b3 RFU"</c>. Multi-bit fields read <c>"B1b8-b7 ARQC"</c>. A value with no bit set describes as no lines.
    /// </para>
    /// </summary>
    public abstract class BitMappedDataObject
    {
        private readonly int tag;
        private readonly byte[] value;

        /// <summary>A value of <paramref name="length"/> zero bytes.</summary>
        protected BitMappedDataObject(int tag, int length)
        {
            this.tag = tag;
            value = new byte[length];
        }

        /// <summary>
        /// A copy of <paramref name="source"/>, which must be exactly <paramref name="length"/> bytes long;
        /// otherwise <see cref="DataObjectException"/>.
        /// </summary>
        protected BitMappedDataObject(int tag, int length, byte[] source)
        {
            this.tag = tag;
            if (source == null) throw new DataObjectException(tag, "value is missing");
            if (source.Length != length)
                throw new DataObjectException(tag, "length is " + source.Length.ToString() + " bytes, expected " + length.ToString());
            value = new byte[length];
            System.Array.Copy(source, value, length);
        }

        /// <summary>Tag of the data object, e.g. 0x95.</summary>
        public int Tag { get { return tag; } }

        /// <summary>Length of the value in bytes.</summary>
        public int Length { get { return value.Length; } }

        /// <summary>Code of byte <paramref name="byteNumber"/> (1-based) bit <paramref name="bitNumber"/> (1-8).</summary>
        public static int Bit(int byteNumber, int bitNumber)
        {
            return (byteNumber << 8) | (1 << (bitNumber - 1));
        }

        /// <summary>Byte <paramref name="byteNumber"/> (1-based).</summary>
        public byte GetByte(int byteNumber)
        {
            return value[ByteIndex(byteNumber)];
        }

        /// <summary>Replaces byte <paramref name="byteNumber"/> (1-based).</summary>
        public void SetByte(int byteNumber, byte b)
        {
            value[ByteIndex(byteNumber)] = b;
        }

        /// <summary>True when every bit of the code's mask is set.</summary>
        public bool IsSet(int bit)
        {
            int mask = Mask(bit);
            return (value[ByteIndex(bit >> 8)] & mask) == mask;
        }

        /// <summary>Sets the bit(s) of the code.</summary>
        public void Set(int bit)
        {
            int i = ByteIndex(bit >> 8);
            value[i] = (byte)(value[i] | Mask(bit));
        }

        /// <summary>Clears the bit(s) of the code.</summary>
        public void Clear(int bit)
        {
            int i = ByteIndex(bit >> 8);
            value[i] = (byte)(value[i] & ~Mask(bit));
        }

        /// <summary>Sets or clears the bit(s) of the code.</summary>
        public void Set(int bit, bool on)
        {
            if (on) Set(bit);
            else Clear(bit);
        }

        /// <summary>True when no bit is set.</summary>
        public bool IsZero
        {
            get
            {
                for (int i = 0; i < value.Length; i++)
                    if (value[i] != 0) return false;
                return true;
            }
        }

        /// <summary>Clears every bit.</summary>
        public void Reset()
        {
            System.Array.Clear(value, 0, value.Length);
        }

        /// <summary>A copy of the value bytes.</summary>
        public byte[] ToArray()
        {
            byte[] copy = new byte[value.Length];
            System.Array.Copy(value, copy, value.Length);
            return copy;
        }

        /// <summary>The value as upper-case hex, e.g. "0000008000".</summary>
        public override string ToString()
        {
            return Hex.Encode(value);
        }

        /// <summary>Readable lines for the set bits and fields (format in the class summary).</summary>
        public string[] Describe()
        {
            ArrayList lines = new ArrayList();
            Describe(lines);
            return DataObjectText.ToStringArray(lines);
        }

        /// <summary>Appends the readable lines (strings) to <paramref name="lines"/>.</summary>
        public virtual void Describe(ArrayList lines)
        {
            DescribeBits(lines, 1, value.Length);
        }

        /// <summary>
        /// Names of all bits, 8 per byte from B1b8 to the last byte's b1. A null entry is RFU; an empty entry
        /// belongs to a multi-bit field that the subclass describes itself.
        /// </summary>
        protected abstract string[] BitNames { get; }

        /// <summary>The raw value (not a copy) for subclasses.</summary>
        protected byte[] Value { get { return value; } }

        /// <summary>Appends one line per set bit of bytes <paramref name="fromByte"/>..<paramref name="toByte"/>.</summary>
        protected void DescribeBits(ArrayList lines, int fromByte, int toByte)
        {
            DataObjectText.DescribeBits(lines, string.Empty, value, fromByte - 1, toByte - fromByte + 1, BitNames, fromByte);
        }

        private int ByteIndex(int byteNumber)
        {
            if (byteNumber < 1 || byteNumber > value.Length)
                throw new System.ArgumentOutOfRangeException("bit", "byte number " + byteNumber.ToString() + " outside 1.." + value.Length.ToString());
            return byteNumber - 1;
        }

        private static int Mask(int bit)
        {
            int mask = bit & 0xFF;
            if (mask == 0) throw new System.ArgumentException("bit code has an empty mask", "bit");
            return mask;
        }
    }
}
