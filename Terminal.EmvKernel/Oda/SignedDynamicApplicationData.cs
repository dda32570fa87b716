using Terminal.EmvKernel.Util;
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Crypto.Emv;

namespace Terminal.EmvKernel.Oda
{
    /// <summary>
    /// Verification of the Signed Dynamic Application Data (tag 9F4B) under the ICC public key, for DDA
    /// (EMV 4.4 Book 2, 6.5.2, Table 17) and CDA (6.6.2, Tables 19 and 22). Layout of the recovered data
    /// (N = N_IC): header 6A | format 05 | hash algorithm (1) | ICC dynamic data length L_DD (1) | ICC dynamic
    /// data (L_DD) | pad BB (N_IC-L_DD-25) | hash (20) | trailer BC. The ICC dynamic data starts with the ICC
    /// Dynamic Number length (2-8) and number (9F4C); for CDA it continues with the CID (1), the Application
    /// Cryptogram (8) and the Transaction Data Hash Code (20).
    /// </summary>
    public sealed class SignedDynamicApplicationData : RecoveredSignature
    {
        /// <summary>Signed data format of the SDAD.</summary>
        public const byte SignedDataFormat = 0x05;
        private const int FixedLength = 25;
        private const int CryptogramLength = 8;

        /// <summary>ICC Dynamic Data Length L_DD as recovered.</summary>
        public int IccDynamicDataLength { get; private set; }

        /// <summary>ICC Dynamic Data (L_DD bytes), or null when L_DD does not fit the signature.</summary>
        public byte[] IccDynamicData { get; private set; }

        /// <summary>The pad pattern after the dynamic data (BB when well formed), or null when L_DD does not fit.</summary>
        public byte[] Pad { get; private set; }

        /// <summary>ICC Dynamic Number (9F4C, 2-8 bytes) from the dynamic data, or null when the dynamic data does not start with one.</summary>
        public byte[] IccDynamicNumber { get; private set; }

        /// <summary>CDA: Cryptogram Information Data from the dynamic data (valid when <see cref="ApplicationCryptogram"/> is not null).</summary>
        public byte CryptogramInformationData { get; private set; }

        /// <summary>CDA: Application Cryptogram (9F26, 8 bytes) from the dynamic data; null for DDA.</summary>
        public byte[] ApplicationCryptogram { get; private set; }

        /// <summary>CDA: Transaction Data Hash Code (20 bytes) from the dynamic data; null for DDA.</summary>
        public byte[] TransactionDataHashCode { get; private set; }

        /// <summary>As the other overload, with the key of a valid <see cref="IccPublicKeyCertificate"/>.</summary>
        public static SignedDynamicApplicationData VerifyDynamic(ICryptoProvider crypto, IccPublicKeyCertificate icc,
            byte[] signedDynamicData, byte[] ddolData)
        {
            if (icc == null || !icc.IsValid) throw new System.ArgumentException("a valid ICC public key is required", "icc");
            return VerifyDynamic(crypto, icc.Modulus, icc.Exponent, signedDynamicData, ddolData);
        }

        /// <summary>
        /// DDA, EMV 4.4 Book 2, 6.5.2 steps 1-7: recovers the SDAD from the INTERNAL AUTHENTICATE response and checks
        /// the hash over format .. pad | the DDOL data exactly as sent. Never throws for card data.
        /// </summary>
        public static SignedDynamicApplicationData VerifyDynamic(ICryptoProvider crypto, byte[] iccModulus, byte[] iccExponent,
            byte[] signedDynamicData, byte[] ddolData)
        {
            if (ddolData == null) throw new System.ArgumentNullException("ddolData");
            SignedDynamicApplicationData r = new SignedDynamicApplicationData();
            OdaFailure f = r.RecoverFields(crypto, iccModulus, iccExponent, signedDynamicData);
            if (f == OdaFailure.None) f = SignatureRecovery.CheckHash(crypto, r, ddolData, null, null);
            r.Failure = f;
            return r;
        }

        /// <summary>As the other overload, with the key of a valid <see cref="IccPublicKeyCertificate"/>.</summary>
        public static SignedDynamicApplicationData VerifyCombined(ICryptoProvider crypto, IccPublicKeyCertificate icc,
            byte[] signedDynamicData, byte[] unpredictableNumber, byte cryptogramInformationData, byte[] transactionDataHashCode)
        {
            if (icc == null || !icc.IsValid) throw new System.ArgumentException("a valid ICC public key is required", "icc");
            return VerifyCombined(crypto, icc.Modulus, icc.Exponent, signedDynamicData, unpredictableNumber,
                cryptogramInformationData, transactionDataHashCode);
        }

        /// <summary>
        /// CDA, EMV 4.4 Book 2, 6.6.2 steps 1-12: recovers the SDAD from the GENERATE AC response, reads the ICC
        /// dynamic data (step 5), checks its CID against the response's 9F27 (step 6), the hash over
        /// format .. pad | Unpredictable Number 9F37 (steps 7-9), and its Transaction Data Hash Code against the
        /// one the terminal computed with <see cref="Oda.TransactionDataHashCode.Compute"/> (steps 10-12).
        /// On success <see cref="ApplicationCryptogram"/> is the 9F26 to use. Never throws for card data.
        /// </summary>
        public static SignedDynamicApplicationData VerifyCombined(ICryptoProvider crypto, byte[] iccModulus, byte[] iccExponent,
            byte[] signedDynamicData, byte[] unpredictableNumber, byte cryptogramInformationData, byte[] transactionDataHashCode)
        {
            if (unpredictableNumber == null) throw new System.ArgumentNullException("unpredictableNumber");
            if (transactionDataHashCode == null) throw new System.ArgumentNullException("transactionDataHashCode");
            SignedDynamicApplicationData r = new SignedDynamicApplicationData();
            OdaFailure f = r.RecoverFields(crypto, iccModulus, iccExponent, signedDynamicData);
            if (f == OdaFailure.None && r.ApplicationCryptogram == null) f = OdaFailure.DynamicDataLengthInvalid;          // step 5
            if (f == OdaFailure.None && r.CryptogramInformationData != cryptogramInformationData)
                f = OdaFailure.CryptogramInformationMismatch;                                                               // step 6
            if (f == OdaFailure.None) f = SignatureRecovery.CheckHash(crypto, r, unpredictableNumber, null, null);          // steps 7-9
            if (f == OdaFailure.None && (transactionDataHashCode.Length != SignatureRecovery.HashLength
                || !Bytes.Equal(transactionDataHashCode, 0, r.TransactionDataHashCode, 0, SignatureRecovery.HashLength)))
                f = OdaFailure.TransactionDataHashMismatch;                                                                  // steps 10-12
            r.Failure = f;
            return r;
        }

        // Steps 1-4 (and the hash algorithm), then the dynamic data fields.
        private OdaFailure RecoverFields(ICryptoProvider crypto, byte[] modulus, byte[] exponent, byte[] signature)
        {
            OdaFailure f = SignatureRecovery.Recover(crypto, modulus, exponent, signature, FixedLength, SignedDataFormat, 2, this);
            if (Recovered == null) return f;
            byte[] x = Recovered;
            int n = x.Length;
            int ldd = x[3];
            IccDynamicDataLength = ldd;
            if (ldd > n - FixedLength) return f != OdaFailure.None ? f : OdaFailure.DynamicDataLengthInvalid;
            IccDynamicData = Bytes.Slice(x, 4, ldd);
            Pad = Bytes.Slice(x, 4 + ldd, n - FixedLength - ldd);
            ReadDynamicData(IccDynamicData);
            return f;
        }

        // ICC Dynamic Number (length 2-8, then the number), then for CDA: CID, cryptogram, transaction data hash code.
        private void ReadDynamicData(byte[] data)
        {
            if (data.Length < 1) return;
            int idnLength = data[0];
            if (idnLength < 2 || idnLength > 8 || 1 + idnLength > data.Length) return;
            IccDynamicNumber = Bytes.Slice(data, 1, idnLength);
            int at = 1 + idnLength;
            if (data.Length < at + 1 + CryptogramLength + SignatureRecovery.HashLength) return;
            CryptogramInformationData = data[at];
            ApplicationCryptogram = Bytes.Slice(data, at + 1, CryptogramLength);
            TransactionDataHashCode = Bytes.Slice(data, at + 1 + CryptogramLength, SignatureRecovery.HashLength);
        }
    }
}
