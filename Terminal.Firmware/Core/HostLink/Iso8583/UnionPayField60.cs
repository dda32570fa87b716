using Terminal.EmvKernel.Util;
namespace Terminal.Firmware.Core.HostLink.Iso8583
{
    /// <summary>
    /// UnionPay field 60 (n..17, LLLVAR, left-aligned BCD): 60.1 transaction type code (n2), 60.2 batch number
    /// (n6), 60.3 network management information code (n3), then optional 60.4 terminal read capability (n1),
    /// 60.5 IC card condition code (n1) and further subfields kept as they are.
    /// </summary>
    public sealed class UnionPayField60
    {
        private const int Field = 60;

        /// <summary>Creates the mandatory part (60.1-60.3).</summary>
        public UnionPayField60(string transactionType, int batchNumber, string networkCode)
        {
            TransactionType = Digits.Exact(transactionType, 2, Field, "60.1 is not 2 digits");
            if (batchNumber < 0 || batchNumber > 999999) throw new Iso8583Exception(Iso8583Error.InvalidValue, Field, Iso8583Exception.NoOffset, "60.2 outside 0..999999");
            BatchNumber = batchNumber;
            NetworkCode = Digits.Exact(networkCode, 3, Field, "60.3 is not 3 digits");
            Extension = string.Empty;
        }

        /// <summary>60.1 transaction type code (see <see cref="UnionPayMessages"/> Type* constants).</summary>
        public string TransactionType { get; private set; }
        /// <summary>60.2 batch number.</summary>
        public int BatchNumber { get; private set; }
        /// <summary>60.3 network management information code (000 for financial messages).</summary>
        public string NetworkCode { get; private set; }
        /// <summary>60.4 onwards as digits (60.4 read capability, 60.5 IC condition code, ...); empty when absent.</summary>
        public string Extension { get; private set; }

        /// <summary>A copy with 60.4 onwards set to the given digits (at most 6).</summary>
        public UnionPayField60 WithExtension(string digits)
        {
            if (!DecimalText.IsDigits(digits, 0, 6))
                throw new Iso8583Exception(Iso8583Error.InvalidValue, Field, Iso8583Exception.NoOffset, "60.4 onwards must be up to 6 digits");
            UnionPayField60 copy = new UnionPayField60(TransactionType, BatchNumber, NetworkCode);
            copy.Extension = digits;
            return copy;
        }

        /// <summary>The field value (11 to 17 digits).</summary>
        public string Compose()
        {
            return string.Concat(TransactionType, Digits.Pad(BatchNumber, 6, Field), NetworkCode, Extension);
        }

        /// <summary>Reads a field 60 value; fewer than 11 digits or non-digits raise <see cref="Iso8583Error.BadSubfield"/>.</summary>
        public static UnionPayField60 Parse(string value)
        {
            if (!DecimalText.IsDigits(value, 11, 17))
                throw new Iso8583Exception(Iso8583Error.BadSubfield, Field, Iso8583Exception.NoOffset, "field 60 needs 11 to 17 digits");
            UnionPayField60 f = new UnionPayField60(value.Substring(0, 2), (int)Digits.Value(value, 2, 6), value.Substring(8, 3));
            f.Extension = value.Substring(11);
            return f;
        }
    }
}
