namespace Terminal.Firmware.Core.Provisioning
{
    /// <summary>
    /// A provisioning command or configuration line was refused. <see cref="Line"/> is the 1-based line of the
    /// configuration file (0 for a console command). The message names the rule broken and never holds a key,
    /// password or passcode.
    /// </summary>
    public sealed class ProvisioningException : System.Exception
    {
        /// <summary>Creates the exception.</summary>
        public ProvisioningException(int line, string message) : base(message)
        {
            Line = line;
        }

        /// <summary>The 1-based line, or 0.</summary>
        public int Line { get; private set; }
    }
}
