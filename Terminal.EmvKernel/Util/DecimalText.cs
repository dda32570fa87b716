namespace Terminal.EmvKernel.Util
{
    /// <summary>Checks on decimal text (numeric fields, PANs, dates, codes): the project's one digits check.</summary>
    public static class DecimalText
    {
        /// <summary>True when the text is not null, has min to max characters, all of them '0'..'9'.</summary>
        public static bool IsDigits(string text, int min, int max)
        {
            if (text == null || text.Length < min || text.Length > max) return false;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9') return false;
            }
            return true;
        }
    }
}
