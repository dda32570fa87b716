using Terminal.EmvKernel.Tlv;
using Terminal.EmvKernel.Util;

namespace Terminal.VirtualCards.Card
{
    public sealed partial class VirtualCard
    {
        // qVSDC-style GPO response (EMV Book C-3, 5.2): format 2 with AIP, AFL, ATC, cryptogram, CID, IAD, CTQ
        // and, unless declining, the fDDA signature 9F4B over UN || amount || currency || 9F69.
        private byte[] QvsdcResponse(CardApplication app, byte[] pdolData)
        {
            if (app.MasterKeys == null || app.CryptogramVersion == null) return CardResponse.Status(CardResponse.ConditionsNotSatisfied);
            DolValues values = DolValues.Of(app.Pdol, pdolData);
            int decision = app.ForceAac ? (int)CardCryptogramType.Aac : (int)app.ContactlessDecision;
            _txn.FirstAc = decision;
            byte[] un = values.FindOrZeros(0x9F37, 4);
            _txn.UnpredictableNumber = un;
            _txn.Cdol1Data = new byte[0];
            byte[] iad = CardVerificationResults.BuildIssuerApplicationData(app, _txn);
            byte[] ac = app.CryptogramVersion.GenerateAc(_crypto, app.MasterKeys.MkAc, AcTerminalData(values, values), app.Aip,
                _txn.Atc, un, iad);
            if (decision == (int)CardCryptogramType.Arqc)
            {
                _txn.Arqc = ac;
                app.PreviousTransactionNotCompleted = false;
            }
            if (decision == (int)CardCryptogramType.Tc) app.ConsecutiveOfflineCount = app.ConsecutiveOfflineCount + 1;

            byte[] sdad = null;
            if (decision != (int)CardCryptogramType.Aac && app.IccPrivateKey != null)
            {
                ByteBuffer tdd = new ByteBuffer();
                tdd.Append(un);
                tdd.Append(values.FindOrZeros(0x9F02, 6));
                tdd.Append(values.FindOrZeros(0x5F2A, 2));
                if (app.CardAuthenticationRelatedData != null) tdd.Append(app.CardAuthenticationRelatedData);
                byte[] idd = new byte[9];
                idd[0] = 8;
                _random.NextBytes(idd, 1, 8);
                sdad = DynamicSignature.Sign(_crypto, app.IccPrivateKey, idd, tdd.ToArray(), app.TamperSignatures);
                if (sdad == null) return CardResponse.Status(CardResponse.NoPreciseDiagnosis);
            }

            TlvWriter w = new TlvWriter();
            w.BeginTemplate(0x77);
            w.Write(0x82, app.Aip);
            if (app.Afl != null && app.Afl.Length > 0) w.Write(0x94, app.Afl);
            w.Write(0x9F36, _txn.Atc);
            w.Write(0x9F26, ac);
            w.Write(0x9F27, new byte[] { CryptogramInformation(decision) });
            w.Write(0x9F10, iad);
            if (app.Ctq != null) w.Write(0x9F6C, app.Ctq);
            if (sdad != null) w.Write(0x9F4B, sdad);
            if (app.GpoExtraData != null) w.Output.Append(app.GpoExtraData);
            w.EndTemplate();
            return CardResponse.WithData(w.ToArray(), CardResponse.Ok);
        }

        // EXCHANGE RELAY RESISTANCE DATA (EMV Book C-2): data = Terminal Relay Resistance Entropy (4); response
        // format 1 '80': Device Relay Resistance Entropy (4) || Min Time For Processing Relay Resistance APDU (2)
        // || Max Time For Processing Relay Resistance APDU (2) || Device Estimated Transmission Time (2).
        private byte[] ExchangeRelayResistanceData(CardCommand c)
        {
            if (c.P1P2 != 0) return CardResponse.Status(CardResponse.IncorrectP1P2);
            CardApplication app = _selected;
            if (app == null || app.Personality != ContactlessPersonality.MastercardMChip) return CardResponse.Status(CardResponse.InsNotSupported);
            if (c.Data.Length != 4) return CardResponse.Status(CardResponse.WrongLength);
            if (!_txn.GpoDone || _txn.FirstAc >= 0) return CardResponse.Status(CardResponse.ConditionsNotSatisfied);
            _txn.TerminalRelayResistanceEntropy = c.Data;
            byte[] entropy = app.DeviceRelayResistanceEntropy != null && app.DeviceRelayResistanceEntropy.Length == 4
                ? app.DeviceRelayResistanceEntropy : NextRandom(4);
            ByteBuffer v = new ByteBuffer();
            v.Append(entropy);
            v.Append(CardResponse.Short(app.MinRelayResistanceProcessingTime));
            v.Append(CardResponse.Short(app.MaxRelayResistanceProcessingTime));
            v.Append(CardResponse.Short(app.RelayResistanceTransmissionTime));
            return CardResponse.Tlv(0x80, v.ToArray());
        }

        // RECOVER AC (EMV Book C-2, torn transaction recovery): data = DRDOL related data. When its Unpredictable
        // Number names the last first GENERATE AC, the card answers that GENERATE AC's response again (once);
        // otherwise '6985' and the terminal sends a new GENERATE AC.
        private byte[] RecoverAc(CardCommand c)
        {
            if (c.P1P2 != 0) return CardResponse.Status(CardResponse.IncorrectP1P2);
            CardApplication app = _selected;
            if (app == null || app.Personality != ContactlessPersonality.MastercardMChip || app.Drdol == null)
                return CardResponse.Status(CardResponse.InsNotSupported);
            if (c.Data.Length != DolValues.ExpectedLength(app.Drdol)) return CardResponse.Status(CardResponse.WrongLength);
            if (!_txn.GpoDone || _txn.FirstAc >= 0) return CardResponse.Status(CardResponse.ConditionsNotSatisfied);
            byte[] un = DolValues.Of(app.Drdol, c.Data).Find(0x9F37);
            byte[] last = app.LastAcResponse;
            if (last == null || un == null || app.LastAcUnpredictableNumber == null || !Bytes.Equal(un, app.LastAcUnpredictableNumber))
                return CardResponse.Status(CardResponse.ConditionsNotSatisfied);
            app.LastAcResponse = null;
            app.LastAcUnpredictableNumber = null;
            _txn.FirstAc = (int)CardCryptogramType.Aac; // no GENERATE AC after a recovery in this session
            return last;
        }
    }
}
