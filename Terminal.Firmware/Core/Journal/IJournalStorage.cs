namespace Terminal.Firmware.Core.Journal
{
    /// <summary>
    /// One journal slot: a durable, append-only byte store (a flash partition or file on the device, a file on the PC).
    /// The journal uses two slots so that compaction can write a new copy without touching the live one.
    /// <para>
    /// Power-loss model (what the journal is built to survive): a power cut during <see cref="Append"/> may keep any
    /// prefix of the appended bytes (cut at any byte); bytes before the cut are durable, nothing after it is written,
    /// and bytes appended by earlier completed calls are never changed. <see cref="Truncate"/> is atomic: after a cut
    /// the length is either the old or the new one. A call that returns has made its effect durable (fsync).
    /// </para>
    /// </summary>
    public interface IJournalStorage
    {
        /// <summary>Number of durable bytes in the slot.</summary>
        int Length { get; }

        /// <summary>
        /// Copies up to <paramref name="count"/> bytes starting at <paramref name="offset"/> into
        /// <paramref name="buffer"/> at <paramref name="index"/>; returns the number copied (fewer at the end).
        /// </summary>
        int Read(int offset, byte[] buffer, int index, int count);

        /// <summary>Appends <paramref name="count"/> bytes of <paramref name="data"/> and makes them durable before returning.</summary>
        void Append(byte[] data, int index, int count);

        /// <summary>Shortens the slot to <paramref name="length"/> bytes (0 &lt;= length &lt;= Length), durably.</summary>
        void Truncate(int length);
    }
}
