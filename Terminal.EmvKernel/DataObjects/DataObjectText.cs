using System.Collections;

namespace Terminal.EmvKernel.DataObjects
{
    /// <summary>Small text helpers shared by the Describe methods of the data object decoders.</summary>
    public static class DataObjectText
    {
        /// <summary>"B4b8": byte 4, bit 8.</summary>
        public static string BitLabel(int byteNumber, int bitNumber)
        {
            return "B" + byteNumber.ToString() + "b" + bitNumber.ToString();
        }

        /// <summary>"B1b8-b7": byte 1, bits 8 to 7.</summary>
        public static string FieldLabel(int byteNumber, int highBit, int lowBit)
        {
            return "B" + byteNumber.ToString() + "b" + highBit.ToString() + "-b" + lowBit.ToString();
        }

        /// <summary>Two upper-case hex digits of the low byte of <paramref name="b"/>.</summary>
        public static string Hex2(int b)
        {
            return (b & 0xFF).ToString("X2");
        }

        /// <summary>
        /// Appends "prefix + B{n}b{m} name" for each set bit of <paramref name="count"/> bytes starting at
        /// <paramref name="offset"/>; byte numbers start at 1 for <paramref name="offset"/>. <paramref name="names"/>
        /// holds 8 names per byte from b8 to b1: null reads "RFU", an empty name is skipped (a field described
        /// elsewhere).
        /// </summary>
        public static void DescribeBits(ArrayList lines, string prefix, byte[] value, int offset, int count, string[] names, int firstByteNumber)
        {
            for (int i = 0; i < count; i++)
            {
                int b = value[offset + i];
                int byteNumber = firstByteNumber + i;
                for (int bitNumber = 8; bitNumber >= 1; bitNumber--)
                {
                    if ((b & (1 << (bitNumber - 1))) == 0) continue;
                    string name = names[(byteNumber - 1) * 8 + (8 - bitNumber)];
                    if (name == null) name = "RFU";
                    else if (name.Length == 0) continue;
                    lines.Add(prefix + BitLabel(byteNumber, bitNumber) + " " + name);
                }
            }
        }

        /// <summary>Copies a list of strings into an array.</summary>
        public static string[] ToStringArray(ArrayList lines)
        {
            string[] result = new string[lines.Count];
            lines.CopyTo(result);
            return result;
        }
    }
}
