namespace Terminal.EmvKernel.Apdu
{
    /// <summary>
    /// A replayed transcript and the terminal disagree: the terminal sent another command than the one recorded
    /// at <see cref="Step"/>, sent a command after the end of the transcript, or stopped before its end.
    /// Deliberately not an <see cref="ApduException"/>: kernel code that handles card errors must not swallow it.
    /// The message shows the commands in hex except the data of VERIFY and PIN CHANGE/UNBLOCK (PIN blocks).
    /// </summary>
    public class ReplayMismatchException : System.Exception
    {
        private readonly byte[] _expected;
        private readonly byte[] _actual;

        /// <summary>Creates the exception. <paramref name="expected"/> null = past the end; <paramref name="actual"/> null = nothing sent.</summary>
        public ReplayMismatchException(int step, byte[] expected, byte[] actual)
            : base(string.Concat("transcript step ", step.ToString(), ": expected ", Show(expected, "end of transcript"), ", terminal sent ", Show(actual, "nothing")))
        {
            Step = step;
            _expected = expected;
            _actual = actual;
        }

        /// <summary>The 1-based transcript step (command/response pair) where the replay failed.</summary>
        public int Step { get; private set; }

        /// <summary>The recorded command, or null when the terminal went past the end of the transcript.</summary>
        public byte[] Expected
        {
            get { return _expected; }
        }

        /// <summary>The command the terminal sent, or null when it sent no more commands.</summary>
        public byte[] Actual
        {
            get { return _actual; }
        }

        private static string Show(byte[] command, string whenNull)
        {
            return command == null ? whenNull : ApduDisplay.Command(command);
        }
    }
}
