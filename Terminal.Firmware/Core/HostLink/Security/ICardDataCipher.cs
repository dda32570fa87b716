namespace Terminal.Firmware.Core.HostLink.Security
{
    /// <summary>
    /// Enciphers the card data of one request (dialect A DE 57) under the data key of the DUKPT transaction key
    /// named by <paramref name="ksn"/> in <see cref="Encipher"/>; <see cref="DukptMessageAuthenticator"/> implements it.
    /// </summary>
    public interface ICardDataCipher
    {
        /// <summary>
        /// The enciphered record (<see cref="CardDataEncryption"/>) under the data key of the transaction key whose
        /// KSN is <paramref name="ksn"/>. Throws <see cref="SecurityException"/> when that key is not the current one.
        /// </summary>
        byte[] Encipher(CardDataRecord record, byte[] ksn);
    }
}
