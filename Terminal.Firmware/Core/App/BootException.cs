namespace Terminal.Firmware.Core.App
{
    /// <summary>
    /// The terminal cannot start: <see cref="Failure"/> says why, <see cref="Problems"/> lists what to fix (console
    /// commands for a missing setting, "line N: ..." for a bad configuration line). Never holds a key, password or
    /// passcode: the texts come from the provisioning checks, which never echo secrets.
    /// </summary>
    public sealed class BootException : System.Exception
    {
        /// <summary>Creates the exception; <paramref name="problems"/> may be empty, never null.</summary>
        public BootException(BootFailure failure, string message, string[] problems) : base(message)
        {
            Failure = failure;
            Problems = problems == null ? new string[0] : problems;
        }

        /// <summary>Why the boot stopped.</summary>
        public BootFailure Failure { get; private set; }

        /// <summary>What to fix, one item a line.</summary>
        public string[] Problems { get; private set; }
    }
}
