namespace Terminal.EmvKernel.Apdu
{
    /// <summary>Text forms of APDUs for messages, traces and decoders, with secrets withheld.</summary>
    public static class ApduDisplay
    {
        /// <summary>
        /// A C-APDU in upper-case hex, except that the data field of VERIFY (INS 20) and PIN CHANGE/UNBLOCK
        /// (INS 24), which carry PIN blocks, reads "&lt;n bytes withheld&gt;". Null gives an empty string.
        /// </summary>
        public static string Command(byte[] command)
        {
            if (command == null) return string.Empty;
            if (command.Length > 5 && IsPinCommand(command[1]))
            {
                return string.Concat(Terminal.EmvKernel.Util.Hex.Encode(command, 0, 5), "<", (command.Length - 5).ToString(), " bytes withheld>");
            }
            return Terminal.EmvKernel.Util.Hex.Encode(command);
        }

        /// <summary>True for the instructions whose data is a PIN block: VERIFY (20) and PIN CHANGE/UNBLOCK (24).</summary>
        public static bool IsPinCommand(byte ins)
        {
            return ins == EmvCommands.InsVerify || ins == 0x24;
        }
    }
}
