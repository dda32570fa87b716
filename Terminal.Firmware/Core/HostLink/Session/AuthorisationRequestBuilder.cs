using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.Firmware.Core.HostLink.Security;
using Terminal.Firmware.Core.Journal;

namespace Terminal.Firmware.Core.HostLink.Session
{
    /// <summary>
    /// Turns an <see cref="AuthorisationRequest"/> (the kernel's online request, amount, kind, entry mode and the
    /// enciphered PIN block) into the dialect's request message (docs/host-protocol.md, "Authorisation requests"):
    /// dialect A 0200 sale/refund or 0100 pre-authorization, the PAN and track 2 in DE 2/35 or enciphered in DE 57,
    /// DE 53/62 with the KSN; UnionPay 0200 sale, void, completion, 0100 pre-authorization, 0220 refund with the
    /// TPDU and header. The terminal's identity and currency are set once; the trace, batch and clock come per call.
    /// </summary>
    public sealed class AuthorisationRequestBuilder
    {
        private readonly bool _unionPay;
        private readonly UnionPayHeader _header;

        private AuthorisationRequestBuilder(bool unionPay, UnionPayHeader header, string terminalId, string merchantId, string currencyCode)
        {
            if (terminalId == null || merchantId == null || currencyCode == null)
                throw new System.ArgumentNullException("terminalId", "terminal ID, merchant ID and currency are required");
            _unionPay = unionPay;
            _header = header;
            TerminalId = terminalId;
            MerchantId = merchantId;
            CurrencyCode = currencyCode;
        }

        /// <summary>A builder for dialect A (<see cref="Generic87Dialect.Dialect"/>).</summary>
        public static AuthorisationRequestBuilder Generic(string terminalId, string merchantId, string currencyCode)
        {
            return new AuthorisationRequestBuilder(false, null, terminalId, merchantId, currencyCode);
        }

        /// <summary>A builder for the UnionPay dialect with the TPDU/header every request carries.</summary>
        public static AuthorisationRequestBuilder UnionPay(UnionPayHeader header, string terminalId, string merchantId, string currencyCode)
        {
            if (header == null) throw new System.ArgumentNullException("header");
            return new AuthorisationRequestBuilder(true, header, terminalId, merchantId, currencyCode);
        }

        /// <summary>DE 41.</summary>
        public string TerminalId { get; private set; }
        /// <summary>DE 42.</summary>
        public string MerchantId { get; private set; }
        /// <summary>DE 49 (3 digits).</summary>
        public string CurrencyCode { get; private set; }
        /// <summary>True for the UnionPay dialect.</summary>
        public bool IsUnionPay
        {
            get { return _unionPay; }
        }

        /// <summary>
        /// Dialect A only: when set, the PAN and track 2 travel enciphered in DE 57 under the data key of the
        /// request's KSN (<see cref="AuthorisationRequest.Ksn"/>, required then) and DE 2/35 stay out of the message.
        /// </summary>
        public ICardDataCipher CardDataCipher { get; set; }

        /// <summary>
        /// The request for <paramref name="request"/> with DE 11 <paramref name="stan"/>, batch <paramref name="batch"/>
        /// (UnionPay 60.2), local time (DE 12/13) and transmission time (DE 7, UTC). A combination the dialect does
        /// not have (dialect A void or completion) raises <see cref="System.ArgumentException"/>; bad field values
        /// raise <see cref="Iso8583Exception"/>.
        /// </summary>
        public Iso8583Message Build(AuthorisationRequest request, int stan, int batch, System.DateTime local, System.DateTime transmissionUtc)
        {
            if (request == null) throw new System.ArgumentNullException("request");
            TransactionFields t = Fields(request, stan, batch, local, transmissionUtc);
            bool encipher = !_unionPay && CardDataCipher != null;
            if (encipher)
            {
                if (request.Ksn == null) throw new System.ArgumentException("enciphered card data needs the request's KSN", "request");
                t.EncipheredCardData = CardDataCipher.Encipher(new CardDataRecord(t.Pan, t.Track2), request.Ksn);
            }
            Iso8583Message m = _unionPay ? UnionPay(request, t) : Generic(request, t);
            if (!_unionPay && request.Ksn != null)
            {
                byte[] aesBlock = request.PinBlock != null && request.PinBlock.Length == GenericSecurityFields.AesPinBlockLength ? request.PinBlock : null;
                GenericSecurityFields.Write(m, request.Ksn, aesBlock, encipher);
            }
            return m;
        }

        /// <summary>
        /// Dialect A 0220 advice of an offline approval (EMV Book 4 A6: '8A' Y1 or Y3): the request's card and amount
        /// fields with the PAN in clear DE 2 (an advice is stored and may be sent much later, when the DUKPT key of
        /// any DE 57 is long gone; no track 2, no PIN), DE 38 = <paramref name="responseCode"/> and 4 spaces,
        /// DE 39 = <paramref name="responseCode"/>. UnionPay: <see cref="System.NotSupportedException"/>.
        /// </summary>
        public Iso8583Message BuildAdvice(AuthorisationRequest request, int stan, int batch, System.DateTime local,
            System.DateTime transmissionUtc, string responseCode)
        {
            if (request == null) throw new System.ArgumentNullException("request");
            if (_unionPay) throw new System.NotSupportedException("no UnionPay offline-sale advice");
            if (responseCode == null || responseCode.Length != 2) throw new System.ArgumentException("response code is 2 characters", "responseCode");
            TransactionFields t = Fields(request, stan, batch, local, transmissionUtc);
            t.Track2 = null;
            t.PinBlock = null;
            t.AuthorizationCode = string.Concat(responseCode, "    ");
            t.ResponseCode = responseCode;
            return Generic87Messages.Advice(t);
        }

        /// <summary>DE 22: entry mode (2 digits) and PIN digit: UnionPay 1 with a PIN block, 2 without; dialect A 1 (PIN capable).</summary>
        internal string PosEntryMode(AuthorisationRequest r)
        {
            int code = (int)r.Entry;
            string pin = !_unionPay || r.PinBlock != null ? "1" : "2";
            return string.Concat(Digits.Two(code), pin);
        }

        private TransactionFields Fields(AuthorisationRequest r, int stan, int batch, System.DateTime local, System.DateTime utc)
        {
            TransactionFields t = new TransactionFields();
            t.Pan = r.PanDigits();
            t.Track2 = r.TrackText();
            t.Amount = r.Amount;
            t.Stan = stan;
            t.BatchNumber = batch;
            t.SetClock(local, utc);
            t.TerminalId = TerminalId;
            t.MerchantId = MerchantId;
            t.CurrencyCode = CurrencyCode;
            t.PosEntryMode = PosEntryMode(r);
            if (r.Card != null)
            {
                t.IccData = r.Card.IccData;
                if (r.Card.ExpiryDate != null && r.Card.ExpiryDate.Length >= 2) t.ExpiryDate = Hex.Encode(r.Card.ExpiryDate, 0, 2);
                // DE 23 n3: the PAN Sequence Number '5F34' (n2) right-aligned.
                if (r.Card.PanSequenceNumber != null && r.Card.PanSequenceNumber.Length == 1)
                    t.CardSequenceNumber = string.Concat("0", Hex.Encode(r.Card.PanSequenceNumber));
            }
            if (r.PinBlock != null && r.PinBlock.Length == 8) t.PinBlock = r.PinBlock;
            // UnionPay 60.5: 2 = fallback from chip to stripe, else 0.
            if (r.Entry == CardEntry.Fallback) t.IcConditionCode = "2";
            t.OriginalRrn = r.OriginalRrn;
            t.AuthorizationCode = r.OriginalAuthorizationCode;
            t.OriginalStan = r.OriginalStan;
            t.OriginalBatchNumber = r.OriginalBatchNumber;
            t.OriginalDate = r.OriginalDate;
            if (r.Kind == TransactionKind.Refund && r.OriginalRrn != null)
            {
                // A refund keyed from the original receipt: the host matches DE 37 and the date; the original batch
                // and trace (UnionPay 61.1/61.2) are zeros when the sale is not in this terminal's journal [K].
                if (t.OriginalStan < 0) t.OriginalStan = 0;
                if (t.OriginalBatchNumber < 0) t.OriginalBatchNumber = 0;
            }
            return t;
        }

        private static Iso8583Message Generic(AuthorisationRequest r, TransactionFields t)
        {
            switch (r.Kind)
            {
                case TransactionKind.Sale: return Generic87Messages.Sale(t);
                case TransactionKind.Refund: return Generic87Messages.Refund(t);
                case TransactionKind.PreAuthorization: return Generic87Messages.Authorization(t);
                default: throw new System.ArgumentException("dialect A has no online request for this kind (void: reverse the original)", "request");
            }
        }

        private Iso8583Message UnionPay(AuthorisationRequest r, TransactionFields t)
        {
            switch (r.Kind)
            {
                case TransactionKind.Sale: return UnionPayMessages.Sale(_header, t);
                case TransactionKind.Refund: return UnionPayMessages.Refund(_header, t);
                case TransactionKind.Void: return UnionPayMessages.Void(_header, t);
                case TransactionKind.PreAuthorization: return UnionPayMessages.PreAuthorization(_header, t);
                case TransactionKind.Completion: return UnionPayMessages.PreAuthorizationCompletion(_header, t);
                default: throw new System.ArgumentException("unknown transaction kind", "request");
            }
        }
    }
}
