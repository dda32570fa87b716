using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Contactless.Shared;
using Terminal.EmvKernel.DataObjects;
using Terminal.EmvKernel.Dol;
using Terminal.EmvKernel.Kernel;

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
                byte[] pdol = ContactlessCardData.StoreFci(fci, read.Card);
                byte[] pdolData = PdolData(pdol, terminal, read);
                ResponseApdu response = CardCommand.Exchange(transport, EmvCommands.GetProcessingOptions(pdolData), GpoStep);
                if (response.Sw != StatusWord.Success) return EndedOnStatus(read, response.Sw);
                ApplicationFileLocator afl = ContactlessCardData.ParseGpoResponse(response.Data, read.Card, false);
                TagValueSnapshot gpo = new TagValueSnapshot(read.Card);
                ReadApplicationData reader = new ReadApplicationData(transport, read.Card);
                reader.MandatoryData = MandatoryTags;
                read.Records = afl == null ? null : reader.Run(afl);
                if (afl == null) ContactlessCardData.CheckMandatory(read.Card, MandatoryTags);
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

        // Book C-3: the PDOL must ask for the TTQ '9F66'; the data is built from the terminal data (Book 3, 5.4).
        private static byte[] PdolData(byte[] pdol, TerminalData terminal, QuickKernelCardRead read)
        {
            DataObjectList list = ContactlessCardData.ParsePdol(pdol);
            if (!list.Contains(TerminalTransactionQualifiers.TagValue))
                throw new KernelTerminatedException(KernelTerminationReason.MissingMandatoryData, "PDOL does not ask for the TTQ", 0x9F66, -1, null);
            byte[] data = list.Build(terminal);
            read.PdolData = data;
            read.TtqSent = ContactlessCardData.ValueIn(list, data, TerminalTransactionQualifiers.TagValue);
            return data;
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
    }
}
