using Terminal.EmvKernel.Util;
using Terminal.EmvKernel.Tlv;

namespace Terminal.VirtualCards.Card
{
    public sealed partial class VirtualCard
    {
        private static readonly byte[] PseName = CardResponse.Ascii("1PAY.SYS.DDF01");
        private static readonly byte[] PpseName = CardResponse.Ascii("2PAY.SYS.DDF01");

        // SELECT by DF name, EMV 4.4 Book 1, 11.3: P1 '04', P2 '00' first or only occurrence, '02' next occurrence.
        private byte[] Select(CardCommand c)
        {
            if (c.P1 != 0x04 || (c.P2 != 0x00 && c.P2 != 0x02)) return CardResponse.Status(CardResponse.IncorrectP1P2);
            if (!c.HasData || c.Data.Length < 1 || c.Data.Length > 16) return CardResponse.Status(CardResponse.WrongLength);
            if (_image.CardBlocked) return CardResponse.Status(CardResponse.FunctionNotSupported);
            byte[] name = c.Data;
            bool next = c.P2 == 0x02;
            int previousIndex = _selectedIndex;
            EndTransaction();
            Deselect();
            if (Bytes.Equal(name, PseName))
            {
                if (!_image.HasPse) return CardResponse.Status(CardResponse.FileNotFound);
                _pseSelected = true;
                return CardResponse.WithData(PseFci(), CardResponse.Ok);
            }
            if (Bytes.Equal(name, PpseName))
            {
                if (!_image.HasPpse) return CardResponse.Status(CardResponse.FileNotFound);
                _ppseSelected = true;
                return CardResponse.WithData(PpseFci(), CardResponse.Ok);
            }
            int start = next ? previousIndex + 1 : 0;
            for (int i = start; i < _image.Applications.Count; i++)
            {
                CardApplication app = _image.ApplicationAt(i);
                if (app.Aid == null || !CardResponse.StartsWith(app.Aid, name)) continue;
                _selected = app;
                _selectedIndex = i;
                // EMV 4.4 Book 1, 12.3.1: a blocked application answers '6283' with its FCI.
                return CardResponse.WithData(ApplicationFci(app), app.Blocked ? CardResponse.SelectedFileInvalidated : CardResponse.Ok);
            }
            return CardResponse.Status(CardResponse.FileNotFound);
        }

        // EMV 4.4 Book 1, 11.3.4, Table 43: FCI of the PSE.
        private byte[] PseFci()
        {
            TlvWriter w = new TlvWriter();
            w.BeginTemplate(0x6F);
            w.Write(0x84, PseName);
            w.BeginTemplate(0xA5);
            w.Write(0x88, new byte[] { (byte)_image.PseSfi });
            w.EndTemplate();
            w.EndTemplate();
            return w.ToArray();
        }

        // EMV Book B, 3.3: PPSE FCI with one directory entry (61) per application in BF0C.
        private byte[] PpseFci()
        {
            TlvWriter w = new TlvWriter();
            w.BeginTemplate(0x6F);
            w.Write(0x84, PpseName);
            w.BeginTemplate(0xA5);
            w.BeginTemplate(0xBF0C);
            for (int i = 0; i < _image.Applications.Count; i++)
            {
                CardApplication app = _image.ApplicationAt(i);
                if (!app.InPpse || app.Aid == null) continue;
                w.BeginTemplate(0x61);
                w.Write(0x4F, app.Aid);
                if (app.Label != null && app.Label.Length > 0) w.Write(0x50, CardResponse.Ascii(app.Label));
                if (app.ApplicationPriorityIndicator >= 0) w.Write(0x87, new byte[] { (byte)app.ApplicationPriorityIndicator });
                if (app.KernelIdentifier != null) w.Write(0x9F2A, app.KernelIdentifier);
                w.EndTemplate();
            }
            w.EndTemplate();
            w.EndTemplate();
            w.EndTemplate();
            return w.ToArray();
        }

        // EMV 4.4 Book 1, 11.3.4, Table 45: FCI of an ADF.
        private static byte[] ApplicationFci(CardApplication app)
        {
            TlvWriter w = new TlvWriter();
            w.BeginTemplate(0x6F);
            w.Write(0x84, app.Aid);
            w.BeginTemplate(0xA5);
            if (app.Label != null && app.Label.Length > 0) w.Write(0x50, CardResponse.Ascii(app.Label));
            if (app.ApplicationPriorityIndicator >= 0) w.Write(0x87, new byte[] { (byte)app.ApplicationPriorityIndicator });
            if (app.Pdol != null && app.Pdol.Length > 0) w.Write(0x9F38, app.Pdol);
            if (app.LanguagePreference != null) w.Write(0x5F2D, CardResponse.Ascii(app.LanguagePreference));
            if (app.IssuerCodeTableIndex >= 0) w.Write(0x9F11, new byte[] { (byte)app.IssuerCodeTableIndex });
            if (app.PreferredName != null) w.Write(0x9F12, CardResponse.Ascii(app.PreferredName));
            if (app.FciProprietaryExtra != null) w.Output.Append(app.FciProprietaryExtra);
            if (app.FciIssuerDiscretionaryData != null) w.Write(0xBF0C, app.FciIssuerDiscretionaryData);
            w.EndTemplate();
            w.EndTemplate();
            return w.ToArray();
        }

        // EMV 4.4 Book 1, 12.2.3: one directory record per application: 70 { 61 { 4F, 50, 9F12, 87 } }.
        private byte[] PseRecord(int recordNumber)
        {
            if (_image.PseRecords.Count > 0)
            {
                for (int i = 0; i < _image.PseRecords.Count; i++)
                {
                    CardRecord r = (CardRecord)_image.PseRecords[i];
                    if (r.RecordNumber == recordNumber) return r.Data;
                }
                return null;
            }
            int n = 0;
            for (int i = 0; i < _image.Applications.Count; i++)
            {
                CardApplication app = _image.ApplicationAt(i);
                if (!app.InPse || app.Aid == null) continue;
                n++;
                if (n != recordNumber) continue;
                TlvWriter w = new TlvWriter();
                w.BeginTemplate(0x70);
                w.BeginTemplate(0x61);
                w.Write(0x4F, app.Aid);
                if (app.Label != null && app.Label.Length > 0) w.Write(0x50, CardResponse.Ascii(app.Label));
                if (app.PreferredName != null) w.Write(0x9F12, CardResponse.Ascii(app.PreferredName));
                if (app.ApplicationPriorityIndicator >= 0) w.Write(0x87, new byte[] { (byte)app.ApplicationPriorityIndicator });
                w.EndTemplate();
                w.EndTemplate();
                return w.ToArray();
            }
            return null;
        }
    }
}
