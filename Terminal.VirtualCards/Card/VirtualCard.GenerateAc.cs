using Terminal.EmvKernel.Crypto.Emv;
using Terminal.EmvKernel.Tlv;
using Terminal.EmvKernel.Util;

namespace Terminal.VirtualCards.Card
{
    public sealed partial class VirtualCard
    {
        /// <summary>Terminal data objects of the AC data, EMV 4.4 Book 2, 8.1.1 Table 26 (tag, length).</summary>
        private static readonly int[] AcDataTags = new int[] { 0x9F02, 0x9F03, 0x9F1A, 0x95, 0x5F2A, 0x9A, 0x9C, 0x9F37 };
        private static readonly int[] AcDataLengths = new int[] { 6, 6, 2, 5, 2, 3, 1, 4 };

        // GENERATE AC, EMV 4.4 Book 3, 6.5.5: P1 b8-7 cryptogram type, b5 CDA signature requested.
        private byte[] GenerateAc(CardCommand c)
        {
            if (c.P2 != 0 || (c.P1 & 0x2F) != 0 || (c.P1 & 0xC0) == 0xC0) return CardResponse.Status(CardResponse.IncorrectP1P2);
            CardApplication app = _selected;
            if (app == null || !_txn.GpoDone || app.MasterKeys == null || app.CryptogramVersion == null
                || _txn.QuickPath)
                return CardResponse.Status(CardResponse.ConditionsNotSatisfied);
            int requested = (c.P1 & 0xC0) == 0 ? (int)CardCryptogramType.Aac
                : (c.P1 & 0xC0) == 0x40 ? (int)CardCryptogramType.Tc : (int)CardCryptogramType.Arqc;
            bool cdaRequested = (c.P1 & 0x10) != 0;
            bool second;
            if (_txn.FirstAc < 0) second = false;
            else if (_txn.FirstAc == (int)CardCryptogramType.Arqc && _txn.SecondAc < 0) second = true;
            else return CardResponse.Status(CardResponse.ConditionsNotSatisfied);
            byte[] dol = second ? app.Cdol2 : app.Cdol1;
            if (c.Data.Length != DolValues.ExpectedLength(dol)) return CardResponse.Status(CardResponse.WrongLength);
            // Book 3, 9.3: the second GENERATE AC asks for TC or AAC only.
            if (second && requested == (int)CardCryptogramType.Arqc) return CardResponse.Status(CardResponse.IncorrectP1P2);

            DolValues values = DolValues.Of(dol, c.Data);
            DolValues cdol1 = second ? DolValues.Of(app.Cdol1, _txn.Cdol1Data) : values;
            byte[] un = values.Find(0x9F37);
            if (un == null) un = _txn.UnpredictableNumber;
            int decision;
            if (!second)
            {
                _txn.Cdol1Data = c.Data;
                _txn.UnpredictableNumber = un;
                decision = FirstDecision(app, requested);
                _txn.FirstAc = decision;
            }
            else
            {
                decision = SecondDecision(app, requested, values);
                _txn.SecondAc = decision;
            }
            bool cda = cdaRequested && decision != (int)CardCryptogramType.Aac && app.IccPrivateKey != null;
            if (cda)
            {
                if (second) _txn.CdaSecond = true; else _txn.CdaFirst = true;
            }
            byte[] iad = CardVerificationResults.BuildIssuerApplicationData(app, _txn);
            byte[] terminalData = AcTerminalData(values, cdol1);
            byte[] ac = app.CryptogramVersion.GenerateAc(_crypto, app.MasterKeys.MkAc, terminalData, app.Aip, _txn.Atc,
                un == null ? new byte[4] : un, iad);
            if (decision == (int)CardCryptogramType.Arqc) _txn.Arqc = ac;
            UpdateCountersAfterAc(app, second, decision, values);

            byte cid = CryptogramInformation(decision);
            byte[] extra = second ? null : PhoneInteraction(app, decision);
            byte[] response = cda ? CdaResponse(app, cid, ac, iad, un, second ? c.Data : null, extra)
                : AcResponse(app.GenerateAcFormat, cid, ac, iad, extra);
            if (!second && app.Personality == ContactlessPersonality.MastercardMChip)
            {
                // Kept for RECOVER AC: if the answer is lost (card torn from the field) the next tap can fetch it.
                app.LastAcResponse = response;
                app.LastAcUnpredictableNumber = un;
            }
            return response;
        }

        /// <summary>First GENERATE AC card risk management (Book 3, 9.3 Table 12: AAC → AAC; TC → TC/ARQC/AAC; ARQC → ARQC/AAC).</summary>
        private static int FirstDecision(CardApplication app, int requested)
        {
            if (requested == (int)CardCryptogramType.Aac || app.ForceAac || app.OnDeviceCvmPending) return (int)CardCryptogramType.Aac;
            if (requested == (int)CardCryptogramType.Arqc) return (int)CardCryptogramType.Arqc;
            bool goOnline = app.ForceOnline || app.PreviousTransactionNotCompleted || app.IssuerAuthenticationFailedLastTime
                || CardVerificationResults.IsNewCard(app) || CardVerificationResults.PinTryLimitExceeded(app)
                || CardVerificationResults.LowerLimitExceeded(app) || CardVerificationResults.UpperLimitExceeded(app);
            return goOnline ? (int)CardCryptogramType.Arqc : (int)CardCryptogramType.Tc;
        }

        /// <summary>Second GENERATE AC: issuer authentication (tag 91 in CDOL2), then TC only when it did not fail.</summary>
        private int SecondDecision(CardApplication app, int requested, DolValues cdol2)
        {
            byte[] iauth = cdol2.Find(0x91);
            if (iauth != null && !IsAllZero(iauth) && !_txn.IssuerAuthenticationPerformed)
                CheckIssuerAuthentication(app, TrimIssuerAuthenticationData(iauth, app));
            if (requested == (int)CardCryptogramType.Aac || app.ForceAac) return (int)CardCryptogramType.Aac;
            if (_txn.IssuerAuthenticationFailed) return (int)CardCryptogramType.Aac;
            if (IsUnableToGoOnline(cdol2) && CardVerificationResults.UpperLimitExceeded(app)) return (int)CardCryptogramType.Aac;
            return (int)CardCryptogramType.Tc;
        }

        // Tag 91 in a CDOL2 has a fixed length: method 1 uses the first 10 bytes, method 2 keeps up to 16.
        private static byte[] TrimIssuerAuthenticationData(byte[] data, CardApplication app)
        {
            if (app.CryptogramVersion.ArpcMethod == 1 && data.Length > 10)
            {
                byte[] r = new byte[10];
                System.Array.Copy(data, 0, r, 0, 10);
                return r;
            }
            return data;
        }

        // ARC 'Y3' / 'Z3': the terminal could not go online (EMV 4.4 Book 4, A6).
        private static bool IsUnableToGoOnline(DolValues cdol2)
        {
            byte[] arc = cdol2.Find(0x8A);
            return arc != null && arc.Length == 2 && (arc[0] == (byte)'Y' || arc[0] == (byte)'Z') && arc[1] == (byte)'3';
        }

        private static bool IsAllZero(byte[] data)
        {
            for (int i = 0; i < data.Length; i++) if (data[i] != 0) return false;
            return true;
        }

        private void UpdateCountersAfterAc(CardApplication app, bool second, int decision, DolValues values)
        {
            if (!second)
            {
                app.PreviousTransactionNotCompleted = decision == (int)CardCryptogramType.Arqc;
                if (decision == (int)CardCryptogramType.Tc) app.ConsecutiveOfflineCount = app.ConsecutiveOfflineCount + 1;
                return;
            }
            app.PreviousTransactionNotCompleted = false;
            bool online = !IsUnableToGoOnline(values);
            if (online)
            {
                app.IssuerAuthenticationFailedLastTime = _txn.IssuerAuthenticationFailed;
                if (decision == (int)CardCryptogramType.Tc && !_txn.IssuerAuthenticationFailed)
                {
                    app.LastOnlineAtc = app.Atc;                         // online approval
                    app.ConsecutiveOfflineCount = 0;
                }
            }
            else if (decision == (int)CardCryptogramType.Tc)
            {
                app.ConsecutiveOfflineCount = app.ConsecutiveOfflineCount + 1;
            }
        }

        /// <summary>The terminal part of the AC data: each Table 26 object from this command's DOL data, else CDOL1 data, else zeros.</summary>
        private static byte[] AcTerminalData(DolValues values, DolValues cdol1)
        {
            ByteBuffer b = new ByteBuffer();
            for (int i = 0; i < AcDataTags.Length; i++)
            {
                byte[] v = values.Find(AcDataTags[i]);
                if (v == null || v.Length != AcDataLengths[i]) v = cdol1.FindOrZeros(AcDataTags[i], AcDataLengths[i]);
                b.Append(v);
            }
            return b.ToArray();
        }

        private static byte CryptogramInformation(int decision)
        {
            if (decision == (int)CardCryptogramType.Tc) return 0x40;
            if (decision == (int)CardCryptogramType.Arqc) return 0x80;
            return 0x00;
        }

        // Book 3, 6.5.5.4: format 1 '80' CID || ATC || AC || IAD; format 2 '77' with 9F27, 9F36, 9F26, 9F10.
        private byte[] AcResponse(int format, byte cid, byte[] ac, byte[] iad, byte[] extra)
        {
            if (format != 2 && extra == null)
            {
                ByteBuffer v = new ByteBuffer();
                v.Append(cid);
                v.Append(_txn.Atc);
                v.Append(ac);
                v.Append(iad);
                return CardResponse.Tlv(0x80, v.ToArray());
            }
            TlvWriter w = new TlvWriter();
            w.BeginTemplate(0x77);
            w.Write(0x9F27, new byte[] { cid });
            w.Write(0x9F36, _txn.Atc);
            w.Write(0x9F26, ac);
            w.Write(0x9F10, iad);
            if (extra != null) w.Output.Append(extra);
            w.EndTemplate();
            return CardResponse.WithData(w.ToArray(), CardResponse.Ok);
        }

        // M/Chip phones (EMV Book C-2): the POS Cardholder Interaction Information 'DF4B' as a TLV, or null for a card.
        // A pending on-device CVM answers PCII byte 2 '01' (OD-CVM required) once, then the configured PCII.
        private static byte[] PhoneInteraction(CardApplication app, int decision)
        {
            if (app.Personality != ContactlessPersonality.MastercardMChip) return null;
            byte[] pcii = app.PosCardholderInteraction;
            if (app.OnDeviceCvmPending)
            {
                app.OnDeviceCvmPending = false;
                pcii = new byte[] { pcii != null && pcii.Length == 3 ? pcii[0] : (byte)0x00, 0x01, 0x00 };
            }
            if (pcii == null) return null;
            TlvWriter w = new TlvWriter();
            w.Write(0xDF4B, pcii);
            return w.ToArray();
        }

        // CDA, EMV 4.4 Book 2, 6.6.1: ICC dynamic data = LIDN || IDN || CID || AC || TDHC, where
        // TDHC = SHA-1(PDOL data || CDOL1 data [|| CDOL2 data] || response TLVs except 9F4B); signed over the UN.
        private byte[] CdaResponse(CardApplication app, byte cid, byte[] ac, byte[] iad, byte[] un, byte[] cdol2Data, byte[] extra)
        {
            TlvWriter unsigned = new TlvWriter();
            unsigned.Write(0x9F27, new byte[] { cid });
            unsigned.Write(0x9F36, _txn.Atc);
            unsigned.Write(0x9F10, iad);
            if (extra != null) unsigned.Output.Append(extra);
            ByteBuffer hashInput = new ByteBuffer();
            if (_txn.PdolData != null) hashInput.Append(_txn.PdolData);
            hashInput.Append(_txn.Cdol1Data);
            if (cdol2Data != null) hashInput.Append(cdol2Data);
            hashInput.Append(unsigned.ToArray());
            byte[] h = hashInput.ToArray();
            byte[] tdhc = _crypto.Sha1(h, 0, h.Length);

            ByteBuffer idd = new ByteBuffer();
            idd.Append(8);
            idd.Append(NextRandom(8));
            idd.Append(cid);
            idd.Append(ac);
            idd.Append(tdhc);
            byte[] sdad = DynamicSignature.Sign(_crypto, app.IccPrivateKey, idd.ToArray(), un == null ? new byte[4] : un, app.TamperSignatures);
            if (sdad == null) return CardResponse.Status(CardResponse.NoPreciseDiagnosis);

            TlvWriter w = new TlvWriter();
            w.BeginTemplate(0x77);
            w.Write(0x9F27, new byte[] { cid });
            w.Write(0x9F36, _txn.Atc);
            w.Write(0x9F4B, sdad);
            w.Write(0x9F10, iad);
            if (extra != null) w.Output.Append(extra);
            w.EndTemplate();
            return CardResponse.WithData(w.ToArray(), CardResponse.Ok);
        }
    }
}
