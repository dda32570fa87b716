using Terminal.EmvKernel.Util;
using Terminal.EmvKernel.Tlv;

namespace Terminal.VirtualCards.Card
{
    public sealed partial class VirtualCard
    {
        private const int MaxAtc = 0xFFFF;

        // READ RECORD, EMV 4.4 Book 1, 11.2: P1 record number, P2 = SFI << 3 | '100'.
        private byte[] ReadRecord(CardCommand c)
        {
            if (c.P1 == 0 || (c.P2 & 0x07) != 0x04) return CardResponse.Status(CardResponse.IncorrectP1P2);
            int sfi = c.P2 >> 3;
            if (sfi < 1 || sfi > 30) return CardResponse.Status(CardResponse.IncorrectP1P2);
            if (c.HasData) return CardResponse.Status(CardResponse.WrongLength);
            if (_pseSelected)
            {
                if (sfi != _image.PseSfi) return CardResponse.Status(CardResponse.FileNotFound);
                byte[] pse = PseRecord(c.P1);
                return pse == null ? CardResponse.Status(CardResponse.RecordNotFound) : CardResponse.WithData(pse, CardResponse.Ok);
            }
            if (_ppseSelected || _selected == null) return CardResponse.Status(CardResponse.FileNotFound);
            bool fileExists = false;
            for (int i = 0; i < _selected.Records.Count; i++)
            {
                CardRecord r = (CardRecord)_selected.Records[i];
                if (r.Sfi != sfi) continue;
                fileExists = true;
                if (r.RecordNumber == c.P1) return CardResponse.WithData(r.Data, CardResponse.Ok);
            }
            return CardResponse.Status(fileExists ? CardResponse.RecordNotFound : CardResponse.FileNotFound);
        }

        // GET DATA, EMV 4.4 Book 3, 6.5.7: P1 P2 = tag of 9F36, 9F13, 9F17, 9F4F (and extra objects).
        private byte[] GetData(CardCommand c)
        {
            if (c.HasData) return CardResponse.Status(CardResponse.WrongLength);
            CardApplication app = _selected;
            if (app == null) return CardResponse.Status(CardResponse.ReferencedDataNotFound);
            int tag = c.P1P2;
            if (tag == 0x9F36) return CardResponse.Tlv(tag, CardResponse.Short(app.Atc));
            if (tag == 0x9F13) return CardResponse.Tlv(tag, CardResponse.Short(app.LastOnlineAtc));
            if (tag == 0x9F17 && app.Pin != null) return CardResponse.Tlv(tag, new byte[] { (byte)app.PinTryCounter });
            if (tag == 0x9F4F && app.LogFormat != null) return CardResponse.Tlv(tag, app.LogFormat);
            for (int i = 0; i < app.GetDataObjects.Count; i++)
            {
                CardDataObject o = (CardDataObject)app.GetDataObjects[i];
                if (o.Tag == tag) return CardResponse.Tlv(tag, o.Value);
            }
            return CardResponse.Status(CardResponse.ReferencedDataNotFound);
        }

        // GET CHALLENGE, EMV 4.4 Book 3, 6.5.6: an 8-byte unpredictable number for enciphered PIN.
        private byte[] GetChallenge(CardCommand c)
        {
            if (c.P1P2 != 0) return CardResponse.Status(CardResponse.IncorrectP1P2);
            if (c.HasData) return CardResponse.Status(CardResponse.WrongLength);
            _challenge = NextRandom(8);
            return CardResponse.WithData(_challenge, CardResponse.Ok);
        }

        // GET PROCESSING OPTIONS, EMV 4.4 Book 3, 6.5.8: data '83' L PDOL-data; response format 1 or 2.
        private byte[] GetProcessingOptions(CardCommand c)
        {
            if (c.P1P2 != 0) return CardResponse.Status(CardResponse.IncorrectP1P2);
            CardApplication app = _selected;
            if (app == null) return CardResponse.Status(CardResponse.ConditionsNotSatisfied);
            byte[] d = c.Data;
            if (d.Length < 2) return CardResponse.Status(CardResponse.WrongLength);
            if (d[0] != 0x83) return CardResponse.Status(CardResponse.IncorrectData);
            int valueAt = 2;
            int valueLength = d[1];
            if (d[1] == 0x81 && d.Length >= 3)
            {
                valueAt = 3;
                valueLength = d[2];
            }
            else if (d[1] > 0x7F) return CardResponse.Status(CardResponse.IncorrectData);
            if (valueAt + valueLength != d.Length) return CardResponse.Status(CardResponse.WrongLength);
            if (valueLength != DolValues.ExpectedLength(app.Pdol)) return CardResponse.Status(CardResponse.WrongLength);
            if (app.GpoStatusWord != 0) return CardResponse.Status(app.GpoStatusWord);
            if (app.Blocked || _txn.GpoDone || app.Atc >= MaxAtc) return CardResponse.Status(CardResponse.ConditionsNotSatisfied);

            EndTransaction();
            byte[] pdolData = new byte[valueLength];
            System.Array.Copy(d, valueAt, pdolData, 0, valueLength);
            app.Atc = app.Atc + 1;                                       // Book 3, 6.5.8.4 / Annex: ATC on each GPO
            _txn.GpoDone = true;
            _txn.PdolData = pdolData;
            _txn.Atc = CardResponse.Short(app.Atc);

            // A dual-interface card answers qVSDC/qUICS only to a contactless reader; the contact terminal knows no
            // TTQ and sends '9F66' as zeros (Book 3, 5.4), so a zero TTQ means the contact path.
            if (app.Personality == ContactlessPersonality.VisaQvsdc && !IsAllZero(DolValues.Of(app.Pdol, pdolData).FindOrZeros(0x9F66, 4)))
            {
                _txn.QuickPath = true;
                return QvsdcResponse(app, pdolData);
            }
            if (app.GpoFormat == 1)
            {
                byte[] value = Bytes.Concat(app.Aip, app.Afl);
                return CardResponse.Tlv(0x80, value);
            }
            TlvWriter w = new TlvWriter();
            w.BeginTemplate(0x77);
            w.Write(0x82, app.Aip);
            if (app.Afl != null && app.Afl.Length > 0) w.Write(0x94, app.Afl);
            if (app.GpoExtraData != null) w.Output.Append(app.GpoExtraData);
            w.EndTemplate();
            return CardResponse.WithData(w.ToArray(), CardResponse.Ok);
        }
    }
}
