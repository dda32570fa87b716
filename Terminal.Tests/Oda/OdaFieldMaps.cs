using Terminal.EmvKernel.Oda;

namespace Terminal.Tests.Oda;

/// <summary>The recovered fields of each block type, under the names the ODA vector files use.</summary>
internal static class OdaFieldMaps
{
    public static (string, object)[] Issuer(IssuerPublicKeyCertificate r) => new (string, object)[]
    {
        ("header", r.Header), ("format", r.Format), ("issuer_identifier", r.IssuerIdentifier),
        ("certificate_expiration_mmyy", r.ExpirationDate), ("certificate_serial_number", r.SerialNumber),
        ("hash_algorithm_indicator", r.HashAlgorithmIndicator),
        ("issuer_public_key_algorithm_indicator", r.PublicKeyAlgorithmIndicator),
        ("issuer_public_key_length", r.PublicKeyLength), ("issuer_public_key_exponent_length", r.PublicKeyExponentLength),
        ("issuer_public_key_or_leftmost_digits", r.PublicKeyOrLeftmostDigits), ("hash_result", r.HashResult), ("trailer", r.Trailer),
    };

    public static (string, object)[] Icc(IccPublicKeyCertificate r) => new (string, object)[]
    {
        ("header", r.Header), ("format", r.Format), ("application_pan", r.Pan),
        ("certificate_expiration_mmyy", r.ExpirationDate), ("certificate_serial_number", r.SerialNumber),
        ("hash_algorithm_indicator", r.HashAlgorithmIndicator),
        ("icc_public_key_algorithm_indicator", r.PublicKeyAlgorithmIndicator),
        ("icc_public_key_length", r.PublicKeyLength), ("icc_public_key_exponent_length", r.PublicKeyExponentLength),
        ("icc_public_key_or_leftmost_digits", r.PublicKeyOrLeftmostDigits), ("hash_result", r.HashResult), ("trailer", r.Trailer),
    };

    public static (string, object)[] Ssad(SignedStaticApplicationData r) => new (string, object)[]
    {
        ("header", r.Header), ("format", r.Format), ("hash_algorithm_indicator", r.HashAlgorithmIndicator),
        ("data_authentication_code", r.DataAuthenticationCode), ("pad", r.Pad), ("hash_result", r.HashResult), ("trailer", r.Trailer),
    };

    public static (string, object)[] Sdad(SignedDynamicApplicationData r) => new (string, object)[]
    {
        ("header", r.Header), ("format", r.Format), ("hash_algorithm_indicator", r.HashAlgorithmIndicator),
        ("icc_dynamic_data_length", r.IccDynamicDataLength), ("icc_dynamic_data", r.IccDynamicData), ("pad", r.Pad),
        ("hash_result", r.HashResult), ("trailer", r.Trailer),
    };

    public static (string, object)[] CdaDynamicData(SignedDynamicApplicationData r) => new (string, object)[]
    {
        ("icc_dynamic_number_length", r.IccDynamicNumber?.Length ?? -1), ("icc_dynamic_number", r.IccDynamicNumber),
        ("cryptogram_information_data", r.CryptogramInformationData), ("application_cryptogram", r.ApplicationCryptogram),
        ("transaction_data_hash_code", r.TransactionDataHashCode),
    };
}
