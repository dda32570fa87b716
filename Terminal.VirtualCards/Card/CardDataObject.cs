namespace Terminal.VirtualCards.Card
{
    /// <summary>A tag and its value (e.g. a GET DATA object or an extra FCI data object).</summary>
    public sealed class CardDataObject
    {
        /// <summary>Creates a data object.</summary>
        public CardDataObject(int tag, byte[] value)
        {
            if (value == null) throw new System.ArgumentNullException("value");
            Tag = tag;
            Value = value;
        }

        /// <summary>The tag as an integer, e.g. 0x9F4F.</summary>
        public int Tag { get; private set; }

        /// <summary>The value bytes.</summary>
        public byte[] Value { get; set; }
    }
}
