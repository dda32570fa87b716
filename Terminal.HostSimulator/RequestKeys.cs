using System;
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.Firmware.Core.HostLink.Security;

namespace Terminal.HostSimulation
{
    /// <summary>
    /// The keys the host uses for one request: MAC algorithm and the request/response MAC keys, and the PIN key
    /// with its PIN block format. Generic dialect: derived from the BDK and the request's KSN (DUKPT); UnionPay:
    /// the terminal's working keys from its last sign-on.
    /// </summary>
    internal sealed class RequestKeys
    {
        public MessageMacAlgorithm MacAlgorithm;
        public byte[] MacRequestKey;
        public byte[] MacResponseKey;
        public byte[] PinKey;
        public int PinFormat;
        public byte[] AesPinBlock;
        /// <summary>DUKPT data (request) key for DE 57, or null (UnionPay session keys).</summary>
        public byte[] DataKey;
        /// <summary>The DUKPT scheme of <see cref="DataKey"/>.</summary>
        public DukptScheme DataScheme;

        /// <summary>
        /// Deciphers DE 57 (card data under the DUKPT data key). Throws <see cref="SecurityException"/>
        /// (CardDataUndecipherable) when there is no data key or the bytes do not decipher to a card data record.
        /// </summary>
        public CardDataRecord DecipherCardData(byte[] field57)
        {
            if (DataKey == null) throw new SecurityException(SecurityError.CardDataUndecipherable, "no data key for enciphered card data");
            return DataScheme == DukptScheme.Tdes ? CardDataEncryption.DecipherTdes(DataKey, field57) : CardDataEncryption.DecipherAes(DataKey, field57);
        }

        /// <summary>DUKPT keys of a generic-dialect request, or null when DE 53/62 are absent or the BDK is not configured.</summary>
        public static RequestKeys FromDukpt(HostKeys keys, Iso8583Message request)
        {
            GenericSecurityControl control = GenericSecurityControl.ReadFrom(request);
            if (control == null) return null;
            RequestKeys r = new RequestKeys();
            byte[] ksn = control.Ksn;
            if (control.Scheme == DukptScheme.Tdes)
            {
                if (keys.TdesBdk == null) return null;
                if (!TdesDukpt.IsUsableCounter(TdesDukpt.Counter(ksn))) return null;
                byte[] ipek = TdesDukpt.DeriveIpek(keys.TdesBdk, ksn);
                byte[] tk = TdesDukpt.DeriveTransactionKey(ipek, ksn);
                r.MacAlgorithm = MessageMacAlgorithm.RetailMac;
                r.MacRequestKey = TdesDukpt.MacRequestKey(tk);
                r.MacResponseKey = TdesDukpt.MacResponseKey(tk);
                r.PinKey = TdesDukpt.PinKey(tk);
                r.PinFormat = 0;
                r.DataKey = CardDataEncryption.TdesDataKey(tk);
                r.DataScheme = DukptScheme.Tdes;
                Array.Clear(ipek, 0, ipek.Length);
                Array.Clear(tk, 0, tk.Length);
                return r;
            }
            if (keys.AesBdk == null) return null;
            if (!AesDukpt.IsUsableCounter(AesDukpt.Counter(ksn))) return null;
            byte[] initial = AesDukpt.DeriveInitialKey(keys.AesBdk, Bytes.Slice(ksn, 0, AesDukpt.InitialKeyIdLength));
            byte[] tkAes = AesDukpt.DeriveTransactionKey(initial, ksn);
            r.MacAlgorithm = MessageMacAlgorithm.AesCmac;
            r.MacRequestKey = AesDukpt.DeriveWorkingKey(tkAes, ksn, AesDukpt.UsageMacGeneration, AesDukpt.AlgorithmAes128, 128);
            r.MacResponseKey = AesDukpt.DeriveWorkingKey(tkAes, ksn, AesDukpt.UsageMacVerification, AesDukpt.AlgorithmAes128, 128);
            r.PinKey = AesDukpt.DeriveWorkingKey(tkAes, ksn, AesDukpt.UsagePinEncryption, AesDukpt.AlgorithmAes128, 128);
            r.PinFormat = 4;
            r.DataKey = CardDataEncryption.AesDataKey(tkAes, ksn);
            r.DataScheme = DukptScheme.Aes;
            r.AesPinBlock = control.AesPinBlock;
            Array.Clear(initial, 0, initial.Length);
            Array.Clear(tkAes, 0, tkAes.Length);
            return r;
        }

        /// <summary>The UnionPay working keys of a signed-on terminal, or null; <paramref name="algorithm"/> null: retail MAC (16-byte MAK) or CBC-MAC.</summary>
        public static RequestKeys FromSession(WorkingKeySet session, MessageMacAlgorithm? algorithm)
        {
            if (session == null) return null;
            RequestKeys r = new RequestKeys();
            r.MacAlgorithm = algorithm ?? (session.MacKey.Length == 16 ? MessageMacAlgorithm.RetailMac : MessageMacAlgorithm.CbcMac);
            r.MacRequestKey = session.MacKey;
            r.MacResponseKey = session.MacKey;
            r.PinKey = session.PinKey;
            r.PinFormat = 0;
            return r;
        }

        /// <summary>
        /// Deciphers the PIN of the request (format 0 in DE 52 under TDES/DES, or format 4 from DE 62 under AES) and
        /// returns its digits (values 0..9, wipe after use); null when there is no PIN block.
        /// Throws <see cref="SecurityException"/> when the block does not decode.
        /// </summary>
        public byte[] DecipherPin(Iso8583Message request, string pan, bool unionPayWithoutPan)
        {
            if (PinFormat == 4)
            {
                if (AesPinBlock == null) return null;
                return PinBlockFormat4.Decipher(PinKey, AesPinBlock, pan);
            }
            byte[] block = request.GetBytes(52);
            if (block == null) return null;
            byte[] clear = DesCipher.Decrypt(PinKey, null, block, 0, block.Length);
            try
            {
                // ISO 9564 format 0; "ANSI X9.8 without PAN" (UnionPay 53.1 = 1) xors a zero PAN field.
                return PinBlock.Decode(PinBlock.Format0, clear, unionPayWithoutPan ? "0000000000000" : pan);
            }
            finally
            {
                Array.Clear(clear, 0, clear.Length);
            }
        }
    }

    /// <summary>The working keys a UnionPay terminal received at its last sign-on (clear, host side).</summary>
    internal sealed class WorkingKeySet
    {
        public byte[] PinKey;
        public byte[] MacKey;
        public byte[] TrackKey;
        public int Batch;
    }
}
