using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.DataObjects;
using Terminal.EmvKernel.Dol;
using Terminal.EmvKernel.Tlv;

namespace Terminal.EmvKernel.Kernel
{
    /// <summary>
    /// The TC Hash Value '98' (EMV 4.4 Book 3, 5.4 and 9.2.2 [K]): when a CDOL names '98', the terminal hashes the
    /// TDOL-related data with SHA-1. The TDOL is the card's '97', else the AID's default TDOL, which sets TVR B5b8
    /// "Default TDOL used"; with neither, the hash covers empty data.
    /// </summary>
    public static class TransactionCertificateHash
    {
        /// <summary>TC Hash Value.</summary>
        public const int TagValue = 0x98;
        /// <summary>Transaction Certificate Data Object List.</summary>
        public const int TdolTag = 0x97;

        /// <summary>
        /// Sets '98' in <paramref name="terminal"/> when <paramref name="cdol"/> names it; otherwise does nothing.
        /// A malformed card TDOL counts as absent.
        /// </summary>
        public static void PrepareFor(byte[] cdol, CardData card, TerminalData terminal, IDolDataSource data, byte[] defaultTdol,
            ICryptoProvider crypto, TerminalVerificationResults tvr)
        {
            if (!Names(cdol, TagValue)) return;
            DataObjectList tdol = Parse(card.Get(TdolTag));
            if (tdol == null)
            {
                tdol = Parse(defaultTdol);
                if (tdol != null) tvr.Set(TerminalVerificationResults.DefaultTdolUsed);
            }
            byte[] input = tdol == null ? new byte[0] : tdol.Build(data);
            terminal.Set(TagValue, crypto.Sha1(input, 0, input.Length));
        }

        private static bool Names(byte[] dol, int tag)
        {
            DataObjectList list = Parse(dol);
            return list != null && list.Contains(tag);
        }

        private static DataObjectList Parse(byte[] dol)
        {
            if (dol == null || dol.Length == 0) return null;
            try
            {
                return DataObjectList.Parse(dol);
            }
            catch (TlvException)
            {
                return null;
            }
        }
    }
}
