using System;
using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.Firmware.Core.HostLink.Security;

namespace Terminal.HostSimulation
{
    /// <summary>One request being answered: its identifying fields, its keys, and how its answer is finished.</summary>
    internal sealed class RequestContext
    {
        private readonly HostSimulator _host;
        private readonly bool _corruptMac;
        private RequestKeys _keys;
        private bool _keysResolved;
        private CardDataRecord _card;
        private bool _cardResolved;

        public RequestContext(HostSimulator host, Iso8583Message request, byte[] raw, bool corruptMac)
        {
            _host = host;
            Request = request;
            Raw = raw;
            _corruptMac = corruptMac;
        }

        public Iso8583Message Request { get; }
        public byte[] Raw { get; }
        public bool UnionPay { get { return _host.Dialect == HostDialect.UnionPay; } }
        public string BaseMti { get { return string.Concat(Request.Mti.Substring(0, 3), "0"); } }

        /// <summary>DE 41 (mandatory).</summary>
        public string TerminalId
        {
            get
            {
                string tid = Request.GetString(41);
                if (tid == null) throw new Iso8583Exception(Iso8583Error.MissingField, 41, -1, "no terminal ID");
                return tid;
            }
        }

        /// <summary>DE 11 (mandatory).</summary>
        public int Stan { get { return (int)Request.GetNumeric(11); } }

        /// <summary>UnionPay 60.2, or -1 in the generic dialect.</summary>
        public int Batch
        {
            get { return UnionPay ? Field60().BatchNumber : -1; }
        }

        public UnionPayField60 Field60()
        {
            return UnionPayField60.Parse(Request.GetString(60));
        }

        /// <summary>The date part of the ledger key: DE 13 (generic; DE 7 MMDD when absent) or "B" + batch (UnionPay).</summary>
        public string DateKey
        {
            get
            {
                if (UnionPay) return "B" + Batch.ToString("D6");
                string d13 = Request.GetString(13);
                if (d13 != null) return d13;
                string d7 = Request.GetString(7);
                if (d7 == null || d7.Length < 4) throw new Iso8583Exception(Iso8583Error.MissingField, 13, -1, "no date");
                return d7.Substring(0, 4);
            }
        }

        /// <summary>
        /// True when the request carries enciphered card data (DE 57) that does not decipher: no DUKPT keys, wrong
        /// key or KSN, or bytes that are not a card data record. Such a request is declined with
        /// <see cref="HostRules.CardDataUndecipherable"/>.
        /// </summary>
        public bool CardDataUndecipherable
        {
            get { return !UnionPay && Request.Has(57) && CardData == null; }
        }

        /// <summary>The deciphered DE 57 (generic dialect), or null when absent or undecipherable.</summary>
        public CardDataRecord CardData
        {
            get
            {
                if (!_cardResolved)
                {
                    _cardResolved = true;
                    byte[] f57 = UnionPay ? null : Request.GetBytes(57);
                    RequestKeys k = f57 == null ? null : Keys;
                    if (k != null)
                    {
                        try
                        {
                            _card = k.DecipherCardData(f57);
                        }
                        catch (SecurityException)
                        {
                            _card = null;
                        }
                    }
                }
                return _card;
            }
        }

        /// <summary>
        /// The PAN: from the deciphered DE 57 when present (DE 2 and 35 are then ignored), else DE 2, else the part
        /// of DE 35 before the separator; null when none.
        /// </summary>
        public string Pan
        {
            get
            {
                if (Request.Has(57) && !UnionPay) return CardData == null ? null : CardData.AccountNumber;
                string pan = Request.GetString(2);
                if (pan != null) return pan;
                string t2 = Request.GetString(35);
                if (t2 == null) return null;
                int sep = t2.IndexOfAny(new[] { '=', 'D', 'd' });
                return sep < 0 ? t2 : t2.Substring(0, sep);
            }
        }

        /// <summary>Expiry YYMM from DE 14 or DE 35; null when neither.</summary>
        public string CardExpiry
        {
            get
            {
                string d14 = Request.GetString(14);
                if (d14 != null) return d14;
                string t2 = Request.Has(57) && !UnionPay ? (CardData == null ? null : CardData.Track2) : Request.GetString(35);
                if (t2 == null) return null;
                int sep = t2.IndexOfAny(new[] { '=', 'D', 'd' });
                return sep >= 0 && t2.Length >= sep + 5 ? t2.Substring(sep + 1, 4) : null;
            }
        }

        /// <summary>The request's keys (DUKPT or UnionPay session), or null when they cannot be found.</summary>
        public RequestKeys Keys
        {
            get
            {
                if (!_keysResolved)
                {
                    _keysResolved = true;
                    try
                    {
                        _keys = UnionPay ? RequestKeys.FromSession(_host.Session(Request.GetString(41)), _host.UnionPayMacAlgorithm) : RequestKeys.FromDukpt(_host.Keys, Request);
                    }
                    catch (SecurityException)
                    {
                        _keys = null;
                    }
                }
                return _keys;
            }
        }

        /// <summary>True when the message type must carry a MAC under the rules.</summary>
        public bool MacRequired
        {
            get
            {
                if (!_host.Rules.RequireMac) return false;
                string m = BaseMti;
                if (m == MessageTypes.AuthorizationRequest || m == MessageTypes.FinancialRequest
                    || m == MessageTypes.FinancialAdvice || m == MessageTypes.ReversalRequest) return true;
                return !UnionPay && (m == MessageTypes.ReconciliationRequest || m == MessageTypes.BatchUpload);
            }
        }

        /// <summary>True when the MAC verifies, or when the message carries none and needs none.</summary>
        public bool MacValid()
        {
            bool carries = Request.Has(64) || Request.Has(128);
            if (!carries) return !MacRequired;
            RequestKeys k = Keys;
            if (k == null) return false;
            return MessageMacing.Verify(_host.MessageDialect.Packager, Request, k.MacAlgorithm, k.MacRequestKey);
        }

        /// <summary>The answer skeleton: response MTI, header (UnionPay TPDU swapped), echoed fields, DE 39, DE 37.</summary>
        public Iso8583Message Response(string code)
        {
            Iso8583Message r = UnionPay ? UnionPayMessages.Response(Request, code) : Generic87Messages.Response(Request, code);
            r.Remove(64);
            r.Remove(128);
            if (UnionPay)
            {
                DateTime now = _host.Clock();
                r.SetString(12, now.ToString("HHmmss"));
                r.SetString(13, now.ToString("MMdd"));
            }
            return r;
        }

        /// <summary>
        /// Signs (when the request carried or needed a MAC and keys are known) and packs the answer. Returns the
        /// delivered bytes (MAC corrupted under the WrongMac fault) and the clean bytes for the ledger.
        /// </summary>
        public byte[] Finish(Iso8583Message response, out byte[] clean)
        {
            bool sign = (Request.Has(64) || Request.Has(128) || MacRequired) && Keys != null;
            if (sign) MessageMacing.Sign(_host.MessageDialect.Packager, response, Keys.MacAlgorithm, Keys.MacResponseKey);
            clean = _host.MessageDialect.Pack(response);
            if (!_corruptMac) return clean;
            if (sign)
            {
                byte[] bad = Bytes.Copy(clean);
                bad[bad.Length - 1] ^= 0xFF;
                return bad;
            }
            Iso8583Message copy = response.Clone();
            copy.SetBytes(MessageMacing.MacField(copy), new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF });
            return _host.MessageDialect.Pack(copy);
        }

        /// <summary>Builds, signs and packs a plain answer with the code.</summary>
        public byte[] Answer(string code)
        {
            byte[] clean;
            return Finish(Response(code), out clean);
        }

        /// <summary>As <see cref="Answer"/>, null when the request is too broken for an answer.</summary>
        public byte[] TryAnswer(string code)
        {
            try
            {
                return Answer(code);
            }
            catch (Iso8583Exception)
            {
                return null;
            }
            catch (SecurityException)
            {
                return null;
            }
        }

        /// <summary>
        /// A repeat's answer: the stored answer, MAC'd again under this request's keys (with DUKPT every request,
        /// a repeat included, has a new KSN and so a new MAC response key: the first answer's MAC would not verify
        /// for the repeat, and a store-and-forward advice would never be acknowledged). The same request bytes get
        /// the identical answer bytes. Corrupted under the WrongMac fault.
        /// </summary>
        public byte[] Repeat(byte[] stored)
        {
            Iso8583Message again = _host.MessageDialect.Parse(stored);
            again.Remove(64);
            again.Remove(128);
            byte[] clean;
            return Finish(again, out clean);
        }
    }
}
