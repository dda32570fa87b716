namespace Terminal.Firmware.Core.Ui
{
    /// <summary>The language of cashier and cardholder messages, chosen in the configuration (<c>set language</c>).</summary>
    public enum Language
    {
        /// <summary>English.</summary>
        English = 0,
        /// <summary>Simplified Chinese (简体中文), the seed market's language.</summary>
        SimplifiedChinese = 1
    }
}
