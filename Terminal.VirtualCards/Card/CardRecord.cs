namespace Terminal.VirtualCards.Card
{
    /// <summary>
    /// One record of a linear file: SFI (1..30), record number (1..255) and the raw record bytes exactly as
    /// READ RECORD returns them (normally a '70' template; a proprietary record may be anything).
    /// </summary>
    public sealed class CardRecord
    {
        /// <summary>Creates a record.</summary>
        public CardRecord(int sfi, int recordNumber, byte[] data)
        {
            if (sfi < 1 || sfi > 30) throw new System.ArgumentException("SFI must be 1..30", "sfi");
            if (recordNumber < 1 || recordNumber > 255) throw new System.ArgumentException("record number must be 1..255", "recordNumber");
            if (data == null) throw new System.ArgumentNullException("data");
            Sfi = sfi;
            RecordNumber = recordNumber;
            Data = data;
        }

        /// <summary>Short file identifier, 1..30.</summary>
        public int Sfi { get; private set; }

        /// <summary>Record number, 1..255.</summary>
        public int RecordNumber { get; private set; }

        /// <summary>The record bytes returned by READ RECORD (the whole '70' template).</summary>
        public byte[] Data { get; set; }
    }
}
