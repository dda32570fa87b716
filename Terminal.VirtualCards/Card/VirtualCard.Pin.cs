using Terminal.EmvKernel.Crypto;

namespace Terminal.VirtualCards.Card
{
    public sealed partial class VirtualCard
    {
        // VERIFY, EMV 4.4 Book 3, 6.5.12: P2 '80' plaintext PIN block, '88' enciphered PIN (Book 2, 7).
        private byte[] Verify(CardCommand c)
        {
            if (c.P1 != 0 || (c.P2 != 0x80 && c.P2 != 0x88)) return CardResponse.Status(CardResponse.IncorrectP1P2);
            if (!c.HasData) return CardResponse.Status(CardResponse.WrongLength);
            CardApplication app = _selected;
            if (app == null) return CardResponse.Status(CardResponse.ConditionsNotSatisfied);
            if (app.Pin == null) return CardResponse.Status(CardResponse.ReferencedDataNotFound);
            byte[] pinBlock;
            bool enciphered = c.P2 == 0x88;
            if (!enciphered)
            {
                if (c.Data.Length != 8) return CardResponse.Status(CardResponse.WrongLength);
                if (app.PinTryCounter <= 0) return CardResponse.Status(CardResponse.AuthenticationMethodBlocked);
                pinBlock = c.Data;
            }
            else
            {
                RsaPrivateCrtKey key = app.IccPinEnciphermentKey != null ? app.IccPinEnciphermentKey : app.IccPrivateKey;
                if (key == null) return CardResponse.Status(CardResponse.ReferencedDataNotFound);
                if (c.Data.Length != key.ModulusLength) return CardResponse.Status(CardResponse.WrongLength);
                if (app.PinTryCounter <= 0) return CardResponse.Status(CardResponse.AuthenticationMethodBlocked);
                byte[] challenge = _challenge;
                _challenge = null;
                if (challenge == null) return CardResponse.Status(CardResponse.ConditionsNotSatisfied);
                pinBlock = DecipherPinBlock(key, c.Data, challenge);
                if (pinBlock == null) return CardResponse.Status(CardResponse.IncorrectData);
            }
            string presented = PlaintextPin(pinBlock);
            if (presented == null) return CardResponse.Status(CardResponse.IncorrectData);
            _txn.OfflinePinPerformed = true;
            _txn.OfflineEncipheredPin = enciphered;
            if (presented == app.Pin)
            {
                _txn.OfflinePinFailed = false;
                app.PinTryCounter = app.PinTryLimit;
                return CardResponse.Status(CardResponse.Ok);
            }
            _txn.OfflinePinFailed = true;
            app.PinTryCounter = app.PinTryCounter - 1;
            return CardResponse.Status(0x63C0 | (app.PinTryCounter & 0x0F));
        }

        // Book 2, 7.2: the recovered data is '7F' || PIN block (8) || ICC unpredictable number (8) || random pad.
        private static byte[] DecipherPinBlock(RsaPrivateCrtKey key, byte[] enciphered, byte[] challenge)
        {
            if (!BelowModulus(enciphered, key.Modulus)) return null;
            byte[] x = Rsa.PrivateOperation(key, enciphered);
            if (x == null || x.Length != key.ModulusLength || x.Length < 17 || x[0] != 0x7F) return null;
            for (int i = 0; i < 8; i++) if (x[9 + i] != challenge[i]) return null;
            byte[] block = new byte[8];
            System.Array.Copy(x, 1, block, 0, 8);
            System.Array.Clear(x, 0, x.Length);
            return block;
        }

        // Both big-endian of the same length: the RSA input must be below the modulus.
        private static bool BelowModulus(byte[] value, byte[] modulus)
        {
            for (int i = 0; i < value.Length; i++)
            {
                if (value[i] != modulus[i]) return value[i] < modulus[i];
            }
            return false;
        }

        // ISO 9564-1 format 2 plaintext PIN block: '2' N, N digits 4..12, 'F' filler. Null when not well-formed.
        private static string PlaintextPin(byte[] block)
        {
            if (block.Length != 8 || (block[0] >> 4) != 0x2) return null;
            int n = block[0] & 0x0F;
            if (n < 4 || n > 12) return null;
            char[] digits = new char[n];
            for (int i = 0; i < 14; i++)
            {
                int nibble = (i & 1) == 0 ? block[1 + i / 2] >> 4 : block[1 + i / 2] & 0x0F;
                if (i < n)
                {
                    if (nibble > 9) return null;
                    digits[i] = (char)('0' + nibble);
                }
                else if (nibble != 0x0F) return null;
            }
            return new string(digits);
        }

        // INTERNAL AUTHENTICATE (DDA), Book 3, 6.5.9 / Book 2, 6.5.1: format 1 '80' SDAD over the DDOL data.
        private byte[] InternalAuthenticate(CardCommand c)
        {
            if (c.P1P2 != 0) return CardResponse.Status(CardResponse.IncorrectP1P2);
            if (!c.HasData) return CardResponse.Status(CardResponse.WrongLength);
            CardApplication app = _selected;
            if (app == null || !_txn.GpoDone) return CardResponse.Status(CardResponse.ConditionsNotSatisfied);
            if (app.IccPrivateKey == null) return CardResponse.Status(CardResponse.FunctionNotSupported);
            if (app.Ddol != null && app.Ddol.Length > 0 && c.Data.Length != DolValues.ExpectedLength(app.Ddol))
                return CardResponse.Status(CardResponse.WrongLength);
            byte[] idd = new byte[9];
            idd[0] = 8;
            _random.NextBytes(idd, 1, 8);
            byte[] sdad = DynamicSignature.Sign(_crypto, app.IccPrivateKey, idd, c.Data, app.TamperSignatures);
            if (sdad == null) return CardResponse.Status(CardResponse.NoPreciseDiagnosis);
            _txn.DdaPerformed = true;
            return CardResponse.Tlv(0x80, sdad);
        }
    }
}
