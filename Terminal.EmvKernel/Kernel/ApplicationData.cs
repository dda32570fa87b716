namespace Terminal.EmvKernel.Kernel
{
    /// <summary>
    /// The result of reading the application data (EMV 4.4 Book 3, 10.2): the static data to be authenticated
    /// and the plain-data outcomes that later set TVR bits instead of ending the session.
    /// </summary>
    public sealed class ApplicationData
    {
        internal ApplicationData(byte[] staticData, int recordsRead, bool odaRecordNotTemplate)
        {
            StaticDataToBeAuthenticated = staticData;
            RecordsRead = recordsRead;
            OdaRecordNotTemplate = odaRecordNotTemplate;
        }

        /// <summary>
        /// The records flagged for offline data authentication, in AFL order: the '70' value of SFI 1-10
        /// records, the whole record of SFI 11-30 records (Book 3, 10.3). The SDA tag list ('9F4A') is not
        /// applied here; offline data authentication appends the AIP when it asks for it.
        /// </summary>
        public byte[] StaticDataToBeAuthenticated { get; private set; }

        /// <summary>Number of records read.</summary>
        public int RecordsRead { get; private set; }

        /// <summary>
        /// True when a record of SFI 11-30 flagged for offline data authentication is not a '70' template:
        /// offline data authentication then fails (Book 3, 10.3) while the transaction goes on.
        /// </summary>
        public bool OdaRecordNotTemplate { get; private set; }
    }
}
