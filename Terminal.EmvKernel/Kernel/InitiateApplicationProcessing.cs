using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.DataObjects;
using Terminal.EmvKernel.Dol;
using Terminal.EmvKernel.Tlv;

namespace Terminal.EmvKernel.Kernel
{
    /// <summary>
    /// Initiate application processing, EMV 4.4 Book 3, 10.1: PDOL data from the terminal data, GET PROCESSING
    /// OPTIONS, and the response in format 1 ('80': AIP and AFL) or format 2 ('77' with '82' and '94'). On
    /// '6985' the application is removed and final selection runs again (Book 3, 10.1; Book 1, 12.4).
    /// </summary>
    public sealed class InitiateApplicationProcessing
    {
        private const string Step = "GET PROCESSING OPTIONS";

        private readonly ApduTransport _transport;
        private readonly TerminalData _terminal;
        private readonly CardData _card;

        /// <summary>The step over <paramref name="transport"/>, reading terminal data and filling card data.</summary>
        public InitiateApplicationProcessing(ApduTransport transport, TerminalData terminal, CardData card)
        {
            if (transport == null) throw new System.ArgumentNullException("transport");
            if (terminal == null) throw new System.ArgumentNullException("terminal");
            if (card == null) throw new System.ArgumentNullException("card");
            _transport = transport;
            _terminal = terminal;
            _card = card;
        }

        /// <summary>
        /// Runs GPO for <paramref name="selection"/>'s current application (selecting one first when none is),
        /// going back to final selection on '6985'. Stores the FCI items, '9F06', '82' and '94'.
        /// </summary>
        public ProcessingOptions Run(ApplicationSelection selection)
        {
            if (selection == null) throw new System.ArgumentNullException("selection");
            SelectedApplication application = selection.Current ?? selection.SelectApplication();
            while (true)
            {
                application.StoreInto(_card, _terminal);
                byte[] pdolData = PdolData(application);
                ResponseApdu response = CardCommand.Exchange(_transport, EmvCommands.GetProcessingOptions(pdolData), Step);
                if (response.Sw == StatusWord.ConditionsOfUseNotSatisfied)
                {
                    // Book 3, 10.1: '6985' - conditions of use not satisfied: remove the application and go
                    // back to final selection ("Not accepted" may be displayed).
                    ForgetApplication();
                    application = selection.RemoveCurrentAndSelectNext();
                    continue;
                }
                if (response.Sw != StatusWord.Success) throw CardCommand.UnexpectedStatus(Step, response.Sw);
                return Parse(application, response.Data, pdolData);
            }
        }

        /// <summary>Book 3, 10.1 and 5.4: PDOL data built from the terminal data; no PDOL gives empty data ('83 00').</summary>
        private byte[] PdolData(SelectedApplication application)
        {
            DataObjectList pdol;
            try
            {
                pdol = DataObjectList.Parse(application.Pdol);
            }
            catch (TlvException e)
            {
                throw new KernelTerminatedException(KernelTerminationReason.InvalidCardResponse, "PDOL is not a valid DOL", 0x9F38, -1, e);
            }
            if (pdol.DataLength > 252)
            {
                throw new KernelTerminatedException(KernelTerminationReason.InvalidCardResponse, "PDOL data does not fit GPO", 0x9F38, -1, null);
            }
            return pdol.Build(_terminal);
        }

        private void ForgetApplication()
        {
            int[] tags = { 0x84, 0x50, 0x87, 0x9F38, 0x5F2D, 0x9F11, 0x9F12, 0xBF0C };
            for (int i = 0; i < tags.Length; i++) _card.Remove(tags[i]);
        }

        /// <summary>Book 3, 6.5.8.4: format 1 or 2; anything else terminates.</summary>
        private ProcessingOptions Parse(SelectedApplication application, byte[] data, byte[] pdolData)
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
            if (list == null || list.Count != 1) throw Invalid("GPO response must be one '80' or '77' object", 0, null);
            TlvObject top = list[0];
            byte[] aip;
            byte[] afl;
            bool format2;
            if (top.Tag == 0x80)
            {
                // Format 1: AIP (2 bytes) followed by the AFL (4 bytes per entry, at least one entry).
                int length = top.ValueLength;
                if (length < 6 || (length - 2) % 4 != 0) throw Invalid("format 1 needs AIP and 4n bytes of AFL", 0x80, null);
                byte[] value = top.CopyValue();
                aip = new byte[2];
                System.Array.Copy(value, aip, 2);
                afl = new byte[length - 2];
                System.Array.Copy(value, 2, afl, 0, length - 2);
                format2 = false;
            }
            else if (top.Tag == 0x77)
            {
                // Format 2: constructed template that must hold '82' and '94'; the other objects are card data.
                TlvList items = top.Children;
                aip = items.FindValue(ApplicationInterchangeProfile.TagValue);
                afl = items.FindValue(ApplicationFileLocator.TagValue);
                if (aip == null) throw new KernelTerminatedException(KernelTerminationReason.MissingMandatoryData, "format 2 without AIP", 0x82, -1, null);
                if (afl == null) throw new KernelTerminatedException(KernelTerminationReason.MissingMandatoryData, "format 2 without AFL", 0x94, -1, null);
                if (aip.Length != 2) throw Invalid("AIP must be 2 bytes", 0x82, null);
                for (int i = 0; i < items.Count; i++)
                {
                    TlvObject item = items[i];
                    if (!item.IsConstructed) _card.Set(item.Tag, item.CopyValue());
                }
                format2 = true;
            }
            else
            {
                throw Invalid("GPO response template is neither '80' nor '77'", top.Tag, null);
            }
            ApplicationFileLocator locator;
            try
            {
                locator = new ApplicationFileLocator(afl);
            }
            catch (ApplicationFileLocatorException e)
            {
                throw new KernelTerminatedException(KernelTerminationReason.InvalidApplicationFileLocator, e.Message, 0x94, -1, e);
            }
            // Book 3, 10.2: a contact application has records to read; an empty AFL cannot be processed.
            if (locator.Count == 0) throw new KernelTerminatedException(KernelTerminationReason.InvalidApplicationFileLocator, "AFL has no entries", 0x94, -1, null);
            _card.Set(0x82, aip);
            _card.Set(0x94, afl);
            return new ProcessingOptions(application, aip, locator, format2, pdolData);
        }

        private static KernelTerminatedException Invalid(string detail, int tag, System.Exception inner)
        {
            return new KernelTerminatedException(KernelTerminationReason.InvalidCardResponse, detail, tag, -1, inner);
        }
    }
}
