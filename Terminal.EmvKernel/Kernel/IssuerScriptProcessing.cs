using System.Collections;
using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.DataObjects;
using Terminal.EmvKernel.Tlv;

namespace Terminal.EmvKernel.Kernel
{
    /// <summary>
    /// Issuer-to-card script processing, EMV 4.4 Book 3, 10.10, with the Issuer Script Results '9F5B' of Book 4,
    /// Annex A5. One instance per transaction: <see cref="Run"/> once with '71' (Issuer Script Template 1, before
    /// the final GENERATE AC) and once with '72' (Issuer Script Template 2, after it); <see cref="Results"/> holds
    /// the results of every script met so far, in the order of the host data.
    /// <para>
    /// A script is the value of one '71'/'72' template: an optional '9F18' Issuer Script Identifier (4 bytes),
    /// then one or more '86' Issuer Script Commands, each a complete short C-APDU (Book 3, 10.10 and Annex A).
    /// Its commands are sent in order through <see cref="CardCommand.Exchange"/>. A response whose SW1 is not '90',
    /// '62' or '63' ends that script as failed - TVR B5b6 "script processing failed before final GENERATE AC" for
    /// '71', B5b5 "... after final GENERATE AC" for '72' - and processing goes on with the next script. TSI B1b3
    /// "script processing was performed" is set as soon as a command is sent.
    /// </para>
    /// <para>
    /// Decisions where the licensed text could not be re-read [K]:
    /// <list type="bullet">
    /// <item>Syntax before sending: a template that is not valid BER-TLV, holds a tag other than '9F18' and '86',
    ///   has '9F18' of a length other than 4 or after a command, or holds no command at all, fails without a
    ///   command sent (result "failed", sequence number 0 = not specified). A '86' that is not a valid short
    ///   C-APDU fails the script before its first command is sent, with that command's sequence number. Partly
    ///   executing a script that is known to be corrupt is never better than not starting it.</item>
    /// <item>Size limit: Book 4 requires a terminal to handle at least 128 bytes of issuer scripts
    ///   (<see cref="MaxTotalScriptLength"/>). The encoded lengths (tag, length and value) of the '71' and '72'
    ///   templates are added up in host data order, both tags counted whichever tag is being run; a template that
    ///   takes the total above the limit, and every template after it, is not performed: result 0 "script not
    ///   performed" in '9F5B', no command, no TVR bit (the script did not fail - it was not tried).</item>
    /// <item>Host data: the top-level objects are read one by one; a header that cannot be read or a value that
    ///   runs past the end stops the scan (nothing after it can be located). A template of the requested tag cut
    ///   off that way is recorded as failed.</item>
    /// <item>Card lost or transport failure during a script command: the script is recorded as failed at that
    ///   command and its TVR bit set, then the <see cref="KernelTerminatedException"/> goes on to the caller.</item>
    /// </list>
    /// </para>
    /// </summary>
    public sealed class IssuerScriptProcessing
    {
        /// <summary>'71' Issuer Script Template 1: processed before the final GENERATE AC.</summary>
        public const int IssuerScriptTemplate1Tag = 0x71;
        /// <summary>'72' Issuer Script Template 2: processed after the final GENERATE AC.</summary>
        public const int IssuerScriptTemplate2Tag = 0x72;
        /// <summary>'86' Issuer Script Command.</summary>
        public const int IssuerScriptCommandTag = 0x86;
        /// <summary>'9F18' Issuer Script Identifier (b 4).</summary>
        public const int IssuerScriptIdentifierTag = 0x9F18;
        /// <summary>'9F5B' Issuer Script Results (5 bytes per script).</summary>
        public const int IssuerScriptResultsTag = 0x9F5B;
        /// <summary>The smallest total script length a terminal must handle (Book 4) and the default limit.</summary>
        public const int DefaultMaxTotalScriptLength = 128;

        /// <summary>'9F5B' byte 1 b8-b5 = 0: script not performed.</summary>
        public const int ResultNotPerformed = 0;
        /// <summary>'9F5B' byte 1 b8-b5 = 1: script processing failed.</summary>
        public const int ResultFailed = 1;
        /// <summary>'9F5B' byte 1 b8-b5 = 2: script processing successful.</summary>
        public const int ResultSuccessful = 2;
        /// <summary>Bytes per script in '9F5B'.</summary>
        public const int ResultLength = 5;
        /// <summary>Length of the Issuer Script Identifier.</summary>
        public const int ScriptIdentifierLength = 4;

        private const string Step = "issuer script command";

        private readonly ApduTransport _transport;
        private readonly ArrayList _results = new ArrayList();
        private int _maxTotalScriptLength = DefaultMaxTotalScriptLength;

        /// <summary>Script processing over <paramref name="transport"/>.</summary>
        public IssuerScriptProcessing(ApduTransport transport)
        {
            if (transport == null) throw new System.ArgumentNullException("transport");
            _transport = transport;
        }

        /// <summary>
        /// Most bytes of issuer scripts ('71' and '72' templates, encoded) the terminal performs per
        /// authorisation response; default <see cref="DefaultMaxTotalScriptLength"/>. Not negative.
        /// </summary>
        public int MaxTotalScriptLength
        {
            get { return _maxTotalScriptLength; }
            set
            {
                if (value < 0) throw new System.ArgumentOutOfRangeException("value", "the script length limit is not negative");
                _maxTotalScriptLength = value;
            }
        }

        /// <summary>
        /// '9F5B' Issuer Script Results (Book 4, Annex A5): 5 bytes per script processed so far. Byte 1 b8-b5 the
        /// result (<see cref="ResultNotPerformed"/>, <see cref="ResultFailed"/>, <see cref="ResultSuccessful"/>),
        /// b4-b1 the sequence number of the failing command (0 not specified, 1-E, F for 15 and above); bytes 2-5
        /// the Issuer Script Identifier, zeros when the script has none. Empty before any script. A copy.
        /// </summary>
        public byte[] Results
        {
            get
            {
                byte[] all = new byte[_results.Count * ResultLength];
                for (int i = 0; i < _results.Count; i++)
                {
                    System.Array.Copy((byte[])_results[i], 0, all, i * ResultLength, ResultLength);
                }
                return all;
            }
        }

        /// <summary>
        /// Runs every template with tag <paramref name="templateTag"/> ('71' or '72') found at the top level of
        /// <paramref name="hostData"/> (the BER-TLV objects of the authorisation response; other tags are
        /// ignored; null = none). Bad data only fails scripts; the one exception is
        /// <see cref="KernelTerminatedException"/> for a lost card or a broken link.
        /// </summary>
        public void Run(byte[] hostData, int templateTag, TerminalVerificationResults tvr, TransactionStatusInformation tsi)
        {
            if (templateTag != IssuerScriptTemplate1Tag && templateTag != IssuerScriptTemplate2Tag)
                throw new System.ArgumentException("the template tag is 71 or 72", "templateTag");
            if (tvr == null) throw new System.ArgumentNullException("tvr");
            if (tsi == null) throw new System.ArgumentNullException("tsi");
            if (hostData == null) return;

            int failedBit = templateTag == IssuerScriptTemplate1Tag
                ? TerminalVerificationResults.ScriptFailedBeforeFinalGenerateAc
                : TerminalVerificationResults.ScriptFailedAfterFinalGenerateAc;
            int end = hostData.Length;
            int pos = 0;
            int total = 0;
            while ((pos = SkipPadding(hostData, pos, end)) < end)
            {
                int start = pos;
                int tag;
                int length;
                try
                {
                    tag = TlvReader.ReadTag(hostData, ref pos, end);
                }
                catch (TlvException)
                {
                    return;
                }
                try
                {
                    length = TlvReader.ReadLength(hostData, ref pos, end, tag);
                }
                catch (TlvException)
                {
                    if (tag == templateTag) Fail(null, 0, failedBit, tvr);
                    return;
                }
                bool cutOff = length > end - pos;
                int valueEnd = cutOff ? end : pos + length;
                if (tag == IssuerScriptTemplate1Tag || tag == IssuerScriptTemplate2Tag) total += valueEnd - start;
                if (tag == templateTag)
                {
                    if (total > _maxTotalScriptLength) NotPerformed(hostData, pos, valueEnd - pos);
                    else if (cutOff) Fail(null, 0, failedBit, tvr);
                    else RunScript(hostData, pos, length, failedBit, tvr, tsi);
                }
                if (cutOff) return;
                pos = valueEnd;
            }
        }

        /// <summary>One script: syntax check of the whole template, then its commands in order.</summary>
        private void RunScript(byte[] data, int offset, int length, int failedBit, TerminalVerificationResults tvr, TransactionStatusInformation tsi)
        {
            TlvList items;
            try
            {
                items = TlvParser.Parse(data, offset, length);
            }
            catch (TlvException)
            {
                Fail(null, 0, failedBit, tvr);
                return;
            }
            byte[] scriptId = ScriptIdentifier(items);
            int first = scriptId == null ? 0 : 1;
            int count = items.Count - first;
            if (count == 0)
            {
                Fail(scriptId, 0, failedBit, tvr);
                return;
            }
            CommandApdu[] commands = new CommandApdu[count];
            for (int i = 0; i < count; i++)
            {
                TlvObject item = items[first + i];
                if (item.Tag != IssuerScriptCommandTag)
                {
                    Fail(scriptId, 0, failedBit, tvr);
                    return;
                }
                try
                {
                    commands[i] = CommandApdu.Parse(item.CopyValue());
                }
                catch (ApduException)
                {
                    Fail(scriptId, i + 1, failedBit, tvr);
                    return;
                }
            }

            for (int i = 0; i < count; i++)
            {
                tsi.Set(TransactionStatusInformation.ScriptProcessingPerformed);
                ResponseApdu response;
                try
                {
                    response = CardCommand.Exchange(_transport, commands[i], Step);
                }
                catch (KernelTerminatedException)
                {
                    Fail(scriptId, i + 1, failedBit, tvr);
                    throw;
                }
                int sw1 = response.Sw1;
                if (sw1 != 0x90 && sw1 != 0x62 && sw1 != 0x63)
                {
                    // Book 3, 10.10: an error status ends this script; the next script is still processed.
                    Fail(scriptId, i + 1, failedBit, tvr);
                    return;
                }
            }
            Add(ResultSuccessful, 0, scriptId);
        }

        /// <summary>The identifier when the first object is a 4-byte '9F18', else null.</summary>
        private static byte[] ScriptIdentifier(TlvList items)
        {
            if (items.Count == 0) return null;
            TlvObject first = items[0];
            if (first.Tag != IssuerScriptIdentifierTag || first.ValueLength != ScriptIdentifierLength) return null;
            return first.CopyValue();
        }

        /// <summary>A script beyond the size limit: result 0, with its identifier when it can be read.</summary>
        private void NotPerformed(byte[] data, int offset, int length)
        {
            byte[] scriptId = null;
            try
            {
                scriptId = ScriptIdentifier(TlvParser.Parse(data, offset, length));
            }
            catch (TlvException)
            {
                scriptId = null;
            }
            Add(ResultNotPerformed, 0, scriptId);
        }

        private void Fail(byte[] scriptId, int commandNumber, int failedBit, TerminalVerificationResults tvr)
        {
            tvr.Set(failedBit);
            Add(ResultFailed, commandNumber, scriptId);
        }

        private void Add(int result, int commandNumber, byte[] scriptId)
        {
            // Book 4, Annex A5: b4-b1 = 1 to E for commands 1 to 14, F for the 15th and later.
            int sequence = commandNumber > 0xE ? 0xF : commandNumber;
            byte[] entry = new byte[ResultLength];
            entry[0] = (byte)((result << 4) | sequence);
            if (scriptId != null) System.Array.Copy(scriptId, 0, entry, 1, ScriptIdentifierLength);
            _results.Add(entry);
        }

        /// <summary>Skips '00' (Book 3, Annex B) and 'FF' padding between objects, as <see cref="TlvParser"/> does.</summary>
        private static int SkipPadding(byte[] data, int pos, int end)
        {
            while (pos < end && (data[pos] == 0x00 || data[pos] == 0xFF)) pos++;
            return pos;
        }
    }
}
