using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Contactless.EntryPoint;
using Terminal.EmvKernel.Contactless.Shared;
using Terminal.EmvKernel.DataObjects;
using Terminal.EmvKernel.Dol;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Tlv;

namespace Terminal.EmvKernel.Contactless.GenerateAcKernel
{
    /// <summary>
    /// The card phase of the M/Chip-style kernel (Book C-2, EMV mode): GPO with the PDOL data, the contactless
    /// transaction limit, relay resistance, READ RECORD of the AFL, the torn transaction check (RECOVER AC), then the
    /// terminal's decisions that need no card command (processing restrictions, CVM selection, floor limit, terminal
    /// action analysis) and GENERATE AC with CDA requested. No RSA here: the card must leave the field quickly.
    /// </summary>
    internal static class GenerateAcKernelCardPhase
    {
        private const string GpoStep = "GET PROCESSING OPTIONS";
        private const string RecoverStep = "RECOVER AC";

        /// <summary>Mandatory after the records (Book C-2 [K]): PAN, expiry date, CDOL1.</summary>
        internal static readonly int[] MandatoryTags = { 0x5A, 0x5F24, 0x8C };

        /// <summary>DRDOL '9F51' (Book C-2): the data RECOVER AC sends.</summary>
        internal const int DrdolTag = 0x9F51;

        internal static GenerateAcKernelCardRead Run(ApduTransport transport, byte[] fci, TerminalData terminal,
            PreProcessingIndicators indicators, GenerateAcKernelConfiguration configuration)
        {
            GenerateAcKernelCardRead read = new GenerateAcKernelCardRead(transport, terminal, new CardData(), indicators);
            CardActionAnalysis analysis = null;
            int requested = 0;
            bool cda = false;
            TerminalVerificationResults tvr = new TerminalVerificationResults();
            try
            {
                CardData card = read.Card;
                DataObjectList pdol = ContactlessCardData.ParsePdol(ContactlessCardData.StoreFci(fci, card));
                byte[] pdolData = pdol.Build(terminal);
                read.PdolData = pdolData;
                ResponseApdu response = CardCommand.Exchange(transport, EmvCommands.GetProcessingOptions(pdolData), GpoStep);
                if (response.Sw != StatusWord.Success)
                {
                    // Book C-2 [K]: GPO not '9000' -> Select Next.
                    Ended(read, KernelTerminationReason.UnexpectedStatusWord, string.Concat(GpoStep, " answered ", StatusWord.ToHex(response.Sw)), response.Sw);
                    read.EarlyOutcome = GenerateAcKernelOutcome.SelectNext;
                    return read;
                }
                ApplicationFileLocator afl = ContactlessCardData.ParseGpoResponse(response.Data, card, true);
                ApplicationInterchangeProfile aip = new ApplicationInterchangeProfile(card.Get(ApplicationInterchangeProfile.TagValue));
                // Book C-2: EMV mode needs AIP B2b8; mag-stripe mode is not implemented here: another interface [K].
                if (!aip.IsSet(ApplicationInterchangeProfile.EmvModeSupported))
                    return Early(read, GenerateAcKernelOutcome.TryAnotherInterface, "card offers no EMV mode");
                bool onDevice = aip.IsSet(ApplicationInterchangeProfile.OnDeviceCardholderVerificationSupported) && configuration.OnDeviceCvmSupported;
                long limit = onDevice ? configuration.TransactionLimitOnDeviceCvm : configuration.TransactionLimitNoOnDeviceCvm;
                long amount;
                // Book C-2 'DF8124' / 'DF8125' (this project's Book B rule: at or over the limit is not allowed).
                if (limit != GenerateAcKernelConfiguration.Absent && NumericAmount.TryRead(terminal.Get(0x9F02), out amount) && amount >= limit)
                    return Early(read, GenerateAcKernelOutcome.TryAnotherInterface, "amount at or over the contactless transaction limit");

                // Relay resistance: AIP B2b1 and 'DF811B' b5.
                if (aip.IsSet(ApplicationInterchangeProfile.RelayResistanceProtocolSupported))
                {
                    if (configuration.RelayResistanceSupported)
                    {
                        RelayResistance.Run(transport, terminal, card, tvr, configuration.Clock, configuration.Random, configuration.RelayResistance);
                        read.RelayResistancePerformed = true;
                    }
                    else RelayResistance.SetPerformed(tvr, TerminalVerificationResults.RelayResistanceNotPerformed);
                }
                else RelayResistance.SetPerformed(tvr, TerminalVerificationResults.RelayResistanceNotSupported);

                TagValueSnapshot gpo = new TagValueSnapshot(card);
                if (afl != null)
                {
                    ReadApplicationData reader = new ReadApplicationData(transport, card);
                    reader.MandatoryData = MandatoryTags;
                    read.Records = reader.Run(afl);
                }
                else ContactlessCardData.CheckMandatory(card, MandatoryTags);
                int changed = gpo.FirstChanged(card);
                if (changed != 0)
                    throw new KernelTerminatedException(KernelTerminationReason.RedundantData, "a record repeats a GPO or FCI object", changed, -1, null);

                if (configuration.TornLog != null && TryRecover(read, configuration)) return Complete(read);

                TransactionStatusInformation tsi = new TransactionStatusInformation();
                // Book C-2 processing restrictions as for contact (Book 3, 10.4).
                ProcessingRestrictions.Apply(card, terminal, false, tvr);
                read.Cvm = GenerateAcKernelCvm.Select(transport, terminal, card, indicators.CvmRequiredLimitExceeded, configuration, tvr, tsi);
                // Book C-2 terminal risk management: the reader contactless floor limit (Entry Point: amount over it).
                if (indicators.ReaderFloorLimitExceeded || indicators.TerminalFloorLimitExceeded)
                    tvr.Set(TerminalVerificationResults.FloorLimitExceeded);
                // Book C-2 ODA: CDA only, when the card (AIP B1b1) and the reader ('DF811F' CDA) support it.
                cda = aip.IsSet(ApplicationInterchangeProfile.CdaSupported) && (configuration.SecurityCapability & 0x08) != 0;
                if (!cda) tvr.Set(TerminalVerificationResults.OfflineDataAuthenticationNotPerformed);
                else tsi.Set(TransactionStatusInformation.OfflineDataAuthenticationPerformed);
                byte[] type = terminal.Get(0x9F35);
                TerminalType terminalType = type != null && type.Length == 1 ? new TerminalType(type) : new TerminalType(2, 2);
                // Book 3, 10.7 with 'DF8120'-'DF8122' and the card's IACs (the contact code).
                requested = TerminalActionAnalysis.Decide(tvr,
                    ActionCodes.From(card, configuration.TacDenial, configuration.TacOnline, configuration.TacDefault), terminalType);
                terminal.Set(TerminalVerificationResults.TagValue, tvr.ToArray());
                terminal.Set(TransactionStatusInformation.TagValue, tsi.ToArray());

                TransactionDataSource source = new TransactionDataSource(terminal, card);
                analysis = new CardActionAnalysis(transport, card, source);
                read.GenerateAc = analysis.SendFirst(requested, cda, tsi);
                terminal.Set(TransactionStatusInformation.TagValue, tsi.ToArray());
                return Complete(read);
            }
            catch (KernelTerminatedException e)
            {
                if (analysis != null && (e.Reason == KernelTerminationReason.CardRemoved || e.Reason == KernelTerminationReason.TransportFailure))
                    Torn(read, configuration, analysis.FirstCdolData, requested, cda, e);
                else Ended(read, e.Reason, e.Message, e.StatusWord);
            }
            catch (DataObjectException e)
            {
                Ended(read, KernelTerminationReason.InvalidCardResponse, e.Message, -1);
            }
            return read;
        }

        private static GenerateAcKernelCardRead Complete(GenerateAcKernelCardRead read)
        {
            read.CardReadComplete = true;
            return read;
        }

        // Book C-2 torn transaction recovery [K]: a live record for this PAN and PSN -> RECOVER AC with the DRDOL data
        // built from the torn transaction's data. The card's answer completes that transaction (its terminal data,
        // PDOL and CDOL1 data are the torn record's); a refusal releases the record and a new GENERATE AC follows.
        private static bool TryRecover(GenerateAcKernelCardRead read, GenerateAcKernelConfiguration configuration)
        {
            TornTransactionLog log = configuration.TornLog;
            long now = configuration.Clock.Microseconds;
            Release(read, log.RemoveExpired(now));
            CardData card = read.Card;
            TornTransactionRecord record = log.Find(card.Get(0x5A), card.Get(0x5F34), now);
            if (record == null) return false;
            byte[] drdol = card.Get(DrdolTag);
            if (drdol == null)
            {
                // A card without DRDOL cannot recover: the record stays for the POS to clear.
                log.Remove(record);
                Release(read, new TornTransactionRecord[] { record });
                return false;
            }
            TransactionDataSource source = new TransactionDataSource(record.Terminal, card);
            byte[] drdolData;
            try
            {
                drdolData = DataObjectList.Parse(drdol).Build(source);
            }
            catch (TlvException e)
            {
                throw new KernelTerminatedException(KernelTerminationReason.InvalidCardResponse, "DRDOL is not a valid DOL", DrdolTag, -1, e);
            }
            CardActionAnalysis analysis = new CardActionAnalysis(read.Transport, card, source);
            GenerateAcResult result = analysis.SendRecovery(EmvCommands.RecoverAc(drdolData), RecoverStep, record.Requested,
                record.CdaRequested, record.Cdol1Data);
            log.Remove(record);
            if (result == null)
            {
                Release(read, new TornTransactionRecord[] { record });
                return false;
            }
            read.GenerateAc = result;
            read.Recovered = true;
            read.Terminal = record.Terminal;
            read.PdolData = record.PdolData;
            read.Cvm = record.Cvm;
            return true;
        }

        // The card left during GENERATE AC: a torn record (when the log is on) and End Application with a restart.
        private static void Torn(GenerateAcKernelCardRead read, GenerateAcKernelConfiguration configuration, byte[] cdol1Data,
            int requested, bool cda, KernelTerminatedException e)
        {
            Ended(read, e.Reason, e.Message, e.StatusWord);
            read.EarlyOutcome = GenerateAcKernelOutcome.EndApplication;
            TornTransactionLog log = configuration.TornLog;
            byte[] pan = read.Card.Get(0x5A);
            if (log == null || log.Capacity == 0 || pan == null || cdol1Data == null) return;
            TornTransactionRecord record = new TornTransactionRecord(pan, read.Card.Get(0x5F34), configuration.Clock.Microseconds,
                read.Terminal, read.PdolData, cdol1Data, requested, cda, read.Cvm);
            read.TornRecordCreated = record;
            TornTransactionRecord evicted = log.Add(record);
            if (evicted != null) Release(read, new TornTransactionRecord[] { evicted });
        }

        private static void Release(GenerateAcKernelCardRead read, TornTransactionRecord[] records)
        {
            if (records == null || records.Length == 0) return;
            TornTransactionRecord[] before = read.TornRecordsReleased;
            int n = before == null ? 0 : before.Length;
            TornTransactionRecord[] all = new TornTransactionRecord[n + records.Length];
            if (before != null) System.Array.Copy(before, all, n);
            System.Array.Copy(records, 0, all, n, records.Length);
            read.TornRecordsReleased = all;
        }

        private static GenerateAcKernelCardRead Early(GenerateAcKernelCardRead read, GenerateAcKernelOutcome outcome, string detail)
        {
            Ended(read, KernelTerminationReason.NoMutualApplication, detail, -1);
            read.EarlyOutcome = outcome;
            return read;
        }

        // A card lost from the field (or a link failure) before GENERATE AC: tap again; every other card error ends the application.
        private static void Ended(GenerateAcKernelCardRead read, KernelTerminationReason reason, string detail, int sw)
        {
            read.CardReadComplete = false;
            read.TerminationReason = reason;
            read.TerminationDetail = detail;
            read.TerminationStatusWord = sw;
            read.EarlyOutcome = reason == KernelTerminationReason.CardRemoved || reason == KernelTerminationReason.TransportFailure
                ? GenerateAcKernelOutcome.TryAgain
                : GenerateAcKernelOutcome.EndApplication;
        }
    }
}
