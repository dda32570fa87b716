namespace Terminal.VirtualCards.Personalisation
{
    /// <summary>Reads the PKI key files a profile names (paths relative to the card library, e.g. <c>pki/issuer-visa.key</c>).</summary>
    public interface IPkiFileSource
    {
        /// <summary>The text of the file, or null when it does not exist.</summary>
        string ReadText(string path);
    }
}
