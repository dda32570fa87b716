using Terminal.EmvKernel.Crypto.Emv;

namespace Terminal.VirtualCards.Card
{
    /// <summary>
    /// Builds the Card Verification Results and the Issuer Application Data (9F10) from the card's state,
    /// in the layout of the application's cryptogram version.
    /// Visa (VIS 1.5 CVR, 4 bytes, first byte = its length '03'): byte 2 b8-7 AC of the 2nd GENERATE AC
    /// (00 AAC, 01 TC, 10 not requested), b6-5 AC of the 1st (00 AAC, 01 TC, 10 ARQC), b4 issuer
    /// authentication failed, b3 offline PIN performed, b2 offline PIN failed; byte 3 b8 last online
    /// transaction not completed, b7 PIN try limit exceeded, b6 velocity exceeded, b5 new card, b4 issuer
    /// authentication failure on last online transaction, b2 application blocked (PIN try limit); byte 4
    /// b8-5 issuer script commands processed in the last transaction, b4 script failed, b2 DDA performed.
    /// IAD = '06' || DKI || CVN || CVR [|| issuer discretionary data].
    /// Mastercard (M/Chip-style CVR, 6 bytes): byte 1 b8-7 / b6-5 as Visa, b3 offline PIN performed, b2
    /// offline enciphered PIN performed, b1 offline PIN successful; byte 2 b8 DDA returned, b7 CDA in
    /// 1st GENERATE AC, b6 CDA in 2nd, b5 issuer authentication performed; byte 3 b8 lower consecutive offline
    /// limit exceeded, b7 upper exceeded, b3 issuer authentication failed (last online), b2 script received,
    /// b1 script failed; byte 4 b8-5 script counter (last transaction), b4-1 PIN try counter; bytes 5-6 '0000'.
    /// IAD = DKI || CVN || CVR || '0000' (DAC/IDN) || 8-byte counters [|| issuer discretionary data].
    /// </summary>
    internal static class CardVerificationResults
    {
        /// <summary>The CVR for the current state.</summary>
        public static byte[] Build(CardApplication app, CardTransaction txn)
        {
            if (IsMastercardLayout(app)) return BuildMastercard(app, txn);
            return BuildVisa(app, txn);
        }

        /// <summary>The issuer application data for the current state.</summary>
        public static byte[] BuildIssuerApplicationData(CardApplication app, CardTransaction txn)
        {
            byte[] cvr = Build(app, txn);
            CryptogramVersion cv = app.CryptogramVersion;
            int cvn = app.IadCryptogramVersionByte >= 0 ? app.IadCryptogramVersionByte : cv == null ? 0 : cv.Number;
            byte[] idd = app.IssuerDiscretionaryData;
            int iddLength = idd == null ? 0 : idd.Length;
            byte[] iad;
            if (IsMastercardLayout(app))
            {
                iad = new byte[2 + 6 + 2 + 8 + iddLength];
                iad[0] = (byte)app.DerivationKeyIndex;
                iad[1] = (byte)cvn;
                System.Array.Copy(cvr, 0, iad, 2, 6);
            }
            else
            {
                iad = new byte[7 + iddLength];
                iad[0] = 0x06;
                iad[1] = (byte)app.DerivationKeyIndex;
                iad[2] = (byte)cvn;
                System.Array.Copy(cvr, 0, iad, 3, 4);
            }
            if (iddLength > 0) System.Array.Copy(idd, 0, iad, iad.Length - iddLength, iddLength);
            // EMV 4.4 Book 3, Annex A: 9F10 is at most 32 bytes.
            if (iad.Length > 32)
            {
                byte[] cut = new byte[32];
                System.Array.Copy(iad, 0, cut, 0, 32);
                iad = cut;
            }
            return iad;
        }

        private static bool IsMastercardLayout(CardApplication app)
        {
            CryptogramVersion cv = app.CryptogramVersion;
            return cv != null && cv.IssuerPart != AcDataIssuerPart.VisaCardVerificationResults
                && cv.IssuerPart != AcDataIssuerPart.WholeIssuerApplicationData;
        }

        private static int AcBits(int type)
        {
            if (type == (int)CardCryptogramType.Aac) return 0;
            if (type == (int)CardCryptogramType.Tc) return 1;
            return 2;                      // ARQC, or "not requested" for the second GENERATE AC
        }

        /// <summary>Velocity: consecutive offline transactions above the upper limit (checked only when a limit is set).</summary>
        public static bool UpperLimitExceeded(CardApplication app)
        {
            return HasVelocityLimits(app) && app.ConsecutiveOfflineCount > app.UpperConsecutiveOfflineLimit;
        }

        /// <summary>Consecutive offline transactions above the lower limit (checked only when a limit is set).</summary>
        public static bool LowerLimitExceeded(CardApplication app)
        {
            return HasVelocityLimits(app) && app.ConsecutiveOfflineCount > app.LowerConsecutiveOfflineLimit;
        }

        private static bool HasVelocityLimits(CardApplication app)
        {
            return app.LowerConsecutiveOfflineLimit > 0 || app.UpperConsecutiveOfflineLimit > 0;
        }

        /// <summary>New card: never approved online (last online ATC register 0).</summary>
        public static bool IsNewCard(CardApplication app)
        {
            return app.LastOnlineAtc == 0;
        }

        /// <summary>The reference PIN is blocked.</summary>
        public static bool PinTryLimitExceeded(CardApplication app)
        {
            return app.Pin != null && app.PinTryCounter <= 0;
        }

        private static byte[] BuildVisa(CardApplication app, CardTransaction txn)
        {
            byte[] cvr = new byte[4];
            cvr[0] = 0x03;
            int second = txn.SecondAc < 0 ? 2 : AcBits(txn.SecondAc);
            int first = txn.FirstAc < 0 ? 2 : AcBits(txn.FirstAc);
            int b2 = (second << 6) | (first << 4);
            if (txn.IssuerAuthenticationFailed) b2 |= 0x08;
            if (txn.OfflinePinPerformed) b2 |= 0x04;
            if (txn.OfflinePinFailed) b2 |= 0x02;
            int b3 = 0;
            if (app.PreviousTransactionNotCompleted) b3 |= 0x80;
            if (PinTryLimitExceeded(app)) b3 |= 0x40;
            if (UpperLimitExceeded(app)) b3 |= 0x20;
            if (IsNewCard(app)) b3 |= 0x10;
            if (app.IssuerAuthenticationFailedLastTime) b3 |= 0x08;
            int b4 = (app.ScriptCommandsLastTransaction & 0x0F) << 4;
            if (app.ScriptFailedLastTransaction) b4 |= 0x08;
            if (txn.DdaPerformed) b4 |= 0x02;
            cvr[1] = (byte)b2;
            cvr[2] = (byte)b3;
            cvr[3] = (byte)b4;
            return cvr;
        }

        private static byte[] BuildMastercard(CardApplication app, CardTransaction txn)
        {
            byte[] cvr = new byte[6];
            int second = txn.SecondAc < 0 ? 2 : AcBits(txn.SecondAc);
            int first = txn.FirstAc < 0 ? 2 : AcBits(txn.FirstAc);
            int b1 = (second << 6) | (first << 4);
            if (txn.OfflinePinPerformed) b1 |= 0x04;
            if (txn.OfflineEncipheredPin) b1 |= 0x02;
            if (txn.OfflinePinPerformed && !txn.OfflinePinFailed) b1 |= 0x01;
            int b2 = 0;
            if (txn.DdaPerformed) b2 |= 0x80;
            if (txn.CdaFirst) b2 |= 0x40;
            if (txn.CdaSecond) b2 |= 0x20;
            if (txn.IssuerAuthenticationPerformed) b2 |= 0x10;
            int b3 = 0;
            if (LowerLimitExceeded(app)) b3 |= 0x80;
            if (UpperLimitExceeded(app)) b3 |= 0x40;
            if (app.IssuerAuthenticationFailedLastTime || txn.IssuerAuthenticationFailed) b3 |= 0x04;
            if (app.ScriptCommandsLastTransaction > 0) b3 |= 0x02;
            if (app.ScriptFailedLastTransaction) b3 |= 0x01;
            int b4 = ((app.ScriptCommandsLastTransaction & 0x0F) << 4) | (app.PinTryCounter & 0x0F);
            cvr[0] = (byte)b1;
            cvr[1] = (byte)b2;
            cvr[2] = (byte)b3;
            cvr[3] = (byte)b4;
            return cvr;
        }
    }
}
