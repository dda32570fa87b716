using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.DataObjects;
using Terminal.EmvKernel.Tlv;
using Terminal.EmvKernel.Util;

namespace Terminal.EmvKernel.Kernel
{
    /// <summary>
    /// Read application data, EMV 4.4 Book 3, 10.2: READ RECORD of every record the AFL names, in order; the
    /// primitive data objects go to <see cref="CardData"/>, the records flagged for offline data authentication
    /// build the static data to be authenticated (Book 3, 10.3). Ending errors are
    /// <see cref="KernelTerminatedException"/>: a status other than '9000', an SFI 1-10 record that is not a
    /// '70' template, a data object present twice, or missing mandatory data.
    /// </summary>
    public sealed class ReadApplicationData
    {
        /// <summary>Mandatory data objects for a contact transaction (Book 3, 10.2; Book 3, Annex A / 7.2).</summary>
        public static readonly int[] MandatoryTags = { 0x5F24, 0x5A, 0x8C, 0x8D };

        private const string Step = "READ RECORD";
        private const int TagRecordTemplate = 0x70;

        private readonly ApduTransport _transport;
        private readonly CardData _card;

        /// <summary>The step over <paramref name="transport"/>, filling <paramref name="card"/>.</summary>
        public ReadApplicationData(ApduTransport transport, CardData card)
        {
            if (transport == null) throw new System.ArgumentNullException("transport");
            if (card == null) throw new System.ArgumentNullException("card");
            _transport = transport;
            _card = card;
            MandatoryData = MandatoryTags;
        }

        /// <summary>
        /// The tags that must be present after the last record (default <see cref="MandatoryTags"/>, the contact
        /// set); a contactless kernel sets its own list (e.g. Book C-3 needs no CDOLs). Null or empty: none.
        /// </summary>
        public int[] MandatoryData { get; set; }

        /// <summary>Reads every record of <paramref name="afl"/> and checks the mandatory data.</summary>
        public ApplicationData Run(ApplicationFileLocator afl)
        {
            if (afl == null) throw new System.ArgumentNullException("afl");
            ByteBuffer staticData = new ByteBuffer();
            int[] seen = new int[32];
            int seenCount = 0;
            int recordsRead = 0;
            bool odaRecordNotTemplate = false;
            for (int e = 0; e < afl.Count; e++)
            {
                AflEntry entry = afl.EntryAt(e);
                int sfi = entry.Sfi;
                for (int record = entry.FirstRecord; record <= entry.LastRecord; record++)
                {
                    ResponseApdu response = CardCommand.Exchange(_transport, EmvCommands.ReadRecord(sfi, record), Step);
                    // Book 3, 10.2: any status other than '9000' terminates the transaction.
                    if (response.Sw != StatusWord.Success) throw CardCommand.UnexpectedStatus(Step, response.Sw);
                    recordsRead++;
                    byte[] data = response.Data;
                    TlvObject template = RecordTemplate(data, sfi, record);
                    bool oda = entry.IsOdaRecord(record);
                    if (template != null)
                    {
                        seen = Collect(template.Children, seen, ref seenCount);
                    }
                    if (!oda) continue;
                    if (sfi <= 10)
                    {
                        // Book 3, 10.3: SFI 1-10 adds the value of the '70' template, without tag and length.
                        staticData.Append(data, template.ValueOffset, template.ValueLength);
                    }
                    else
                    {
                        // Book 3, 10.3: SFI 11-30 adds the whole record; one that is not a '70' template makes
                        // offline data authentication fail (Book 2, 5.4 and 6.4).
                        staticData.Append(data);
                        if (template == null) odaRecordNotTemplate = true;
                    }
                }
            }
            CheckMandatory();
            return new ApplicationData(staticData.ToArray(), recordsRead, odaRecordNotTemplate);
        }

        /// <summary>
        /// The record's '70' template, or null for a proprietary SFI 11-30 record. SFI 1-10 records must be
        /// one '70' template (Book 3, 10.2 and 5.3.2.1), else the transaction terminates.
        /// </summary>
        private static TlvObject RecordTemplate(byte[] data, int sfi, int record)
        {
            TlvObject template = null;
            try
            {
                if (data != null && data.Length > 0 && data[0] == TagRecordTemplate)
                {
                    TlvList list = TlvParser.Parse(data);
                    if (list.Count == 1 && list[0].Tag == TagRecordTemplate) template = list[0];
                }
            }
            catch (TlvException e)
            {
                if (sfi <= 10) throw InvalidRecord(sfi, record, e);
                return null;
            }
            if (template == null && sfi <= 10) throw InvalidRecord(sfi, record, null);
            return template;
        }

        /// <summary>Stores every primitive object; one seen before terminates (Book 3, 10.2: redundant data).</summary>
        private int[] Collect(TlvList items, int[] seen, ref int seenCount)
        {
            for (int i = 0; i < items.Count; i++)
            {
                TlvObject item = items[i];
                if (item.IsConstructed)
                {
                    seen = Collect(item.Children, seen, ref seenCount);
                    continue;
                }
                int tag = item.Tag;
                for (int s = 0; s < seenCount; s++)
                {
                    if (seen[s] == tag)
                    {
                        throw new KernelTerminatedException(KernelTerminationReason.RedundantData,
                            string.Concat("tag ", TlvTag.ToHex(tag), " appears twice"), tag, -1, null);
                    }
                }
                if (seenCount == seen.Length)
                {
                    int[] bigger = new int[seen.Length * 2];
                    System.Array.Copy(seen, bigger, seenCount);
                    seen = bigger;
                }
                seen[seenCount++] = tag;
                _card.Set(tag, item.CopyValue());
            }
            return seen;
        }

        /// <summary>Book 3, 10.2: expiry date, PAN, CDOL1 and CDOL2 must be present.</summary>
        private void CheckMandatory()
        {
            int[] mandatory = MandatoryData;
            if (mandatory == null) return;
            for (int i = 0; i < mandatory.Length; i++)
            {
                int tag = mandatory[i];
                if (!_card.Contains(tag))
                {
                    throw new KernelTerminatedException(KernelTerminationReason.MissingMandatoryData,
                        string.Concat("tag ", TlvTag.ToHex(tag), " is missing"), tag, -1, null);
                }
            }
        }

        private static KernelTerminatedException InvalidRecord(int sfi, int record, System.Exception inner)
        {
            return new KernelTerminatedException(KernelTerminationReason.InvalidRecord,
                string.Concat("SFI ", sfi.ToString(), " record ", record.ToString(), " is not a '70' template"), 0x70, -1, inner);
        }
    }
}
