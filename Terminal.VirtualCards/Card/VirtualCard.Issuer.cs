namespace Terminal.VirtualCards.Card
{
    public sealed partial class VirtualCard
    {
        // EXTERNAL AUTHENTICATE, Book 3, 6.5.4: Issuer Authentication Data (91) checked with ARPC method 1 or 2.
        private byte[] ExternalAuthenticate(CardCommand c)
        {
            if (c.P1P2 != 0) return CardResponse.Status(CardResponse.IncorrectP1P2);
            if (c.Data.Length < 8 || c.Data.Length > 16) return CardResponse.Status(CardResponse.WrongLength);
            CardApplication app = _selected;
            if (app == null || _txn.Arqc == null || _txn.SecondAc >= 0 || _txn.IssuerAuthenticationPerformed)
                return CardResponse.Status(CardResponse.ConditionsNotSatisfied);
            return CardResponse.Status(CheckIssuerAuthentication(app, c.Data) ? CardResponse.Ok : CardResponse.AuthenticationFailed);
        }

        /// <summary>Verifies the ARPC; a failure is recorded for the CVR of this and the next transaction.</summary>
        private bool CheckIssuerAuthentication(CardApplication app, byte[] issuerAuthenticationData)
        {
            _txn.IssuerAuthenticationPerformed = true;
            bool ok = _txn.Arqc != null && app.MasterKeys != null && app.CryptogramVersion != null
                && app.CryptogramVersion.VerifyIssuerAuthenticationData(_crypto, app.MasterKeys.MkAc, _txn.Atc,
                    _txn.UnpredictableNumber == null ? new byte[4] : _txn.UnpredictableNumber, _txn.Arqc, issuerAuthenticationData);
            _txn.IssuerAuthenticationFailed = !ok;
            if (!ok) app.IssuerAuthenticationFailedLastTime = true;
            return ok;
        }

        // Issuer script commands, EMV 4.4 Book 3, 6.5.1-6.5.3, 6.5.10 and Book 2, 9.2 (secure messaging: CLA '84',
        // MAC over the command with the SMI session key of this transaction's ARQC).
        private byte[] IssuerScriptCommand(CardCommand c)
        {
            CardApplication app = _selected;
            if (app == null || _txn.Arqc == null || app.MasterKeys == null || app.CryptogramVersion == null)
                return CardResponse.Status(CardResponse.ConditionsNotSatisfied);
            int ins = c.Ins;
            if (ins == InsPutData) { if (c.P1P2 == 0) return CardResponse.Status(CardResponse.IncorrectP1P2); }
            else if (ins == InsPinChangeUnblock) { if (c.P1 != 0 || c.P2 > 2) return CardResponse.Status(CardResponse.IncorrectP1P2); }
            else if (c.P1P2 != 0) return CardResponse.Status(CardResponse.IncorrectP1P2);
            if (c.Data.Length < 8) return CardResponse.Status(CardResponse.WrongLength);
            byte[] command = c.Raw;
            if (c.HasLe)
            {
                // The MAC covers the command without Le.
                command = new byte[c.Raw.Length - 1];
                System.Array.Copy(c.Raw, 0, command, 0, command.Length);
            }
            if (!app.CryptogramVersion.VerifyScriptCommand(_crypto, app.MasterKeys.MkSmi, _txn.Atc, _txn.Arqc, command))
                return ScriptFailed();
            byte[] plain = new byte[c.Data.Length - 8];
            System.Array.Copy(c.Data, 0, plain, 0, plain.Length);

            if (ins == InsApplicationBlock) app.Blocked = true;
            else if (ins == InsApplicationUnblock) app.Blocked = false;
            else if (ins == InsCardBlock) _image.CardBlocked = true;
            else if (ins == InsPutData) PutData(app, c.P1P2, plain);
            else if (c.P2 == 0x00)
            {
                app.PinTryCounter = app.PinTryLimit;                       // PIN UNBLOCK: reset the try counter
            }
            else
            {
                string pin = app.CryptogramVersion.OpenPinChangeCommand(_crypto, app.MasterKeys, _txn.Atc, _txn.Arqc, command, app.Pin);
                if (pin == null) return ScriptFailed();
                app.Pin = pin;
                app.PinTryCounter = app.PinTryLimit;
            }
            _txn.ScriptCommands++;
            return CardResponse.Status(CardResponse.Ok);
        }

        private byte[] ScriptFailed()
        {
            _txn.ScriptFailed = true;
            return CardResponse.Status(CardResponse.SecureMessagingDataIncorrect);
        }

        private static void PutData(CardApplication app, int tag, byte[] value)
        {
            if (tag == 0x9F14 && value.Length == 1) { app.LowerConsecutiveOfflineLimit = value[0]; return; }
            if (tag == 0x9F23 && value.Length == 1) { app.UpperConsecutiveOfflineLimit = value[0]; return; }
            for (int i = 0; i < app.GetDataObjects.Count; i++)
            {
                CardDataObject o = (CardDataObject)app.GetDataObjects[i];
                if (o.Tag == tag) { o.Value = value; return; }
            }
            app.AddGetDataObject(tag, value);
        }
    }
}
