using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.DataObjects;
using Terminal.EmvKernel.Dol;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Tlv;

namespace Terminal.EmvKernel.Contactless.QuickKernel
{
    /// <summary>
    /// The card phase of the quick kernel (Book C-3, GPO and read application data): GPO with the PDOL data
    /// (TTQ and the rest), the status word rules ('6984' Try Another Interface, '6985' Select Next, '6986' Try
    /// Again / see phone, others End Application), the format 2 response with the cryptogram, then READ RECORD for
    /// exactly the records of the AFL. No RSA here: the card must spend as little time in the field as possible.
    /// </summary>
    internal static class QuickKernelCardPhase
    {
        private const string GpoStep = "GET PROCESSING OPTIONS";

        /// <summary>Mandatory after the records for the quick kernel (Book C-3 [K]): Track 2 Equivalent Data.</summary>
        internal static readonly int[] MandatoryTags = { 0x57 };

        internal static QuickKernelCardRead Run(ApduTransport transport, byte[] fci, TerminalData terminal)
        {
            QuickKernelCardRead read = new QuickKernelCardRead(transport, terminal, new CardData());
            try
            {
                byte[] pdol = StoreFci(fci, read.Card);
                byte[] pdolData = PdolData(pdol, terminal, read);
                ResponseApdu response = CardCommand.Exchange(transport, EmvCommands.GetProcessingOptions(pdolData), GpoStep);
                if (response.Sw != StatusWord.Success) return EndedOnStatus(read, response.Sw);
                ApplicationFileLocator afl = ParseGpoResponse(response.Data, read.Card);
                TagValueSnapshot gpo = new TagValueSnapshot(read.Card);
                ReadApplicationData reader = new ReadApplicationData(transport, read.Card);
                reader.MandatoryData = MandatoryTags;
                read.Records = afl == null ? null : reader.Run(afl);
                if (afl == null) CheckMandatory(read.Card);
                // A record may not replace what the GPO response (or the FCI) said, e.g. the cryptogram or the CTQ.
                int changed = gpo.FirstChanged(read.Card);
                if (changed != 0)
                    throw new KernelTerminatedException(KernelTerminationReason.RedundantData, "a record repeats a GPO or FCI object", changed, -1, null);
                read.CardReadComplete = true;
            }
            catch (KernelTerminatedException e)
            {
                Ended(read, e.Reason, e.Message, e.StatusWord);
            }
            catch (DataObjectException e)
            {
                Ended(read, KernelTerminationReason.InvalidCardResponse, e.Message, -1);
            }
            return read;
        }

        // Book C-3 (Entry Point hands over the FCI): the ADF FCI '6F' { '84', 'A5' { '50', '87', '9F38', ... } }.
        private static byte[] StoreFci(byte[] fci, CardData card)
        {
            TlvList list;
            try
            {
                list = TlvParser.Parse(fci);
            }
            catch (TlvException e)
            {
                throw new KernelTerminatedException(KernelTerminationReason.InvalidCardResponse, "FCI is not BER-TLV", 0x6F, -1, e);
            }
            TlvObject template = list.FindTopLevel(0x6F);
            if (template == null) throw new KernelTerminatedException(KernelTerminationReason.InvalidCardResponse, "FCI has no '6F'", 0x6F, -1, null);
            byte[] dfName = template.Children.FindValue(0x84);
            if (dfName != null) card.Set(0x84, dfName);
            TlvObject a5 = template.Children.Find(0xA5);
            if (a5 == null || !a5.IsConstructed) return null;
            TlvList items = a5.Children;
            for (int i = 0; i < items.Count; i++)
            {
                if (!items[i].IsConstructed) card.Set(items[i].Tag, items[i].CopyValue());
            }
            return items.FindValue(0x9F38);
        }

        // Book C-3: the PDOL must ask for the TTQ '9F66'; the data is built from the terminal data (Book 3, 5.4).
        private static byte[] PdolData(byte[] pdol, TerminalData terminal, QuickKernelCardRead read)
        {
            DataObjectList list;
            try
            {
                list = pdol == null ? DataObjectList.Empty : DataObjectList.Parse(pdol);
            }
            catch (TlvException e)
            {
                throw new KernelTerminatedException(KernelTerminationReason.InvalidCardResponse, "PDOL is not a valid DOL", 0x9F38, -1, e);
            }
            if (!list.Contains(TerminalTransactionQualifiers.TagValue))
                throw new KernelTerminatedException(KernelTerminationReason.MissingMandatoryData, "PDOL does not ask for the TTQ", 0x9F66, -1, null);
            if (list.DataLength > 252)
                throw new KernelTerminatedException(KernelTerminationReason.InvalidCardResponse, "PDOL data does not fit GPO", 0x9F38, -1, null);
            byte[] data = list.Build(terminal);
            read.PdolData = data;
            read.TtqSent = TtqIn(list, data);
            return data;
        }

        // The TTQ bytes as placed in the PDOL data (the DOL may ask for a length other than 4).
        private static byte[] TtqIn(DataObjectList list, byte[] data)
        {
            int at = 0;
            for (int i = 0; i < list.Count; i++)
            {
                if (list.TagAt(i) == TerminalTransactionQualifiers.TagValue) return Util.Bytes.Slice(data, at, list.LengthAt(i));
                at += list.LengthAt(i);
            }
            return null;
        }

        // Book C-3 GPO: the response is a format 2 '77' with a 2-byte AIP and, when present, a valid AFL; the
        // primitive objects (9F26, 9F27, 9F36, 9F10, 9F6C, 9F4B, 57, ...) are card data. Returns null without AFL.
        private static ApplicationFileLocator ParseGpoResponse(byte[] data, CardData card)
        {
            TlvList list;
            try
            {
                list = data == null || data.Length == 0 ? null : TlvParser.Parse(data);
            }
            catch (TlvException e)
            {
                throw Invalid("GPO response is not valid BER-TLV", 0, e);
            }
            if (list == null || list.Count != 1 || list[0].Tag != 0x77 || !list[0].IsConstructed)
                throw Invalid("GPO response must be one '77' template", 0x77, null);
            TlvList items = list[0].Children;
            for (int i = 0; i < items.Count; i++)
            {
                TlvObject item = items[i];
                if (item.IsConstructed) continue;
                if (card.Contains(item.Tag) && item.Tag != 0x84)
                    throw new KernelTerminatedException(KernelTerminationReason.RedundantData, "a GPO object appears twice", item.Tag, -1, null);
                card.Set(item.Tag, item.CopyValue());
            }
            byte[] aip = card.Get(ApplicationInterchangeProfile.TagValue);
            if (aip == null) throw new KernelTerminatedException(KernelTerminationReason.MissingMandatoryData, "GPO response without AIP", 0x82, -1, null);
            if (aip.Length != 2) throw Invalid("AIP must be 2 bytes", 0x82, null);
            byte[] afl = card.Get(ApplicationFileLocator.TagValue);
            if (afl == null || afl.Length == 0) return null;
            try
            {
                return new ApplicationFileLocator(afl);
            }
            catch (ApplicationFileLocatorException e)
            {
                throw new KernelTerminatedException(KernelTerminationReason.InvalidApplicationFileLocator, e.Message, 0x94, -1, e);
            }
        }

        private static void CheckMandatory(CardData card)
        {
            for (int i = 0; i < MandatoryTags.Length; i++)
            {
                if (!card.Contains(MandatoryTags[i]))
                    throw new KernelTerminatedException(KernelTerminationReason.MissingMandatoryData, "mandatory data is missing", MandatoryTags[i], -1, null);
            }
        }

        // Book C-3 GPO status words: '6984' Try Another Interface, '6985' Select Next, '6986' Try Again with
        // "see phone" (the phone wants the cardholder to act), anything else End Application.
        private static QuickKernelCardRead EndedOnStatus(QuickKernelCardRead read, int sw)
        {
            Ended(read, KernelTerminationReason.UnexpectedStatusWord, string.Concat(GpoStep, " answered ", StatusWord.ToHex(sw)), sw);
            if (sw == StatusWord.ReferencedDataInvalidated) read.EarlyOutcome = QuickKernelOutcome.TryAnotherInterface;
            else if (sw == StatusWord.ConditionsOfUseNotSatisfied) read.EarlyOutcome = QuickKernelOutcome.SelectNext;
            else if (sw == StatusWord.CommandNotAllowed)
            {
                read.EarlyOutcome = QuickKernelOutcome.TryAgain;
                read.SeePhone = true;
            }
            return read;
        }

        // A card lost from the field (or a link failure) before the last record: tap again (Book A/B: Try Again);
        // every other card error ends the application.
        private static void Ended(QuickKernelCardRead read, KernelTerminationReason reason, string detail, int sw)
        {
            read.CardReadComplete = false;
            read.TerminationReason = reason;
            read.TerminationDetail = detail;
            read.TerminationStatusWord = sw;
            read.EarlyOutcome = reason == KernelTerminationReason.CardRemoved || reason == KernelTerminationReason.TransportFailure
                ? QuickKernelOutcome.TryAgain
                : QuickKernelOutcome.EndApplication;
        }

        // The tags and values of a store at one moment, to detect later changes.
        private sealed class TagValueSnapshot
        {
            private readonly int[] _tags;
            private readonly byte[][] _values;

            internal TagValueSnapshot(CardData card)
            {
                _tags = new int[card.Count];
                _values = new byte[card.Count][];
                for (int i = 0; i < _tags.Length; i++)
                {
                    _tags[i] = card.TagAt(i);
                    _values[i] = card.Get(_tags[i]);
                }
            }

            // The first tag whose value differs now, or 0.
            internal int FirstChanged(CardData card)
            {
                for (int i = 0; i < _tags.Length; i++)
                {
                    if (!Util.Bytes.Equal(_values[i], card.Get(_tags[i]))) return _tags[i];
                }
                return 0;
            }
        }

        private static KernelTerminatedException Invalid(string detail, int tag, System.Exception inner)
        {
            return new KernelTerminatedException(KernelTerminationReason.InvalidCardResponse, detail, tag, -1, inner);
        }
    }
}
