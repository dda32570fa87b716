namespace Terminal.EmvKernel.Apdu
{
    /// <summary>One recorded exchange: the C-APDU the terminal sent and the card's R-APDU, as raw bytes.</summary>
    public sealed class TranscriptStep
    {
        private readonly byte[] _command;
        private readonly byte[] _response;

        /// <summary>Creates a step from the command and response bytes (copied).</summary>
        public TranscriptStep(byte[] command, byte[] response)
        {
            if (command == null || response == null) throw new System.ArgumentNullException(command == null ? "command" : "response");
            _command = new byte[command.Length];
            System.Array.Copy(command, _command, command.Length);
            _response = new byte[response.Length];
            System.Array.Copy(response, _response, response.Length);
        }

        /// <summary>A copy of the command bytes.</summary>
        public byte[] Command
        {
            get
            {
                byte[] copy = new byte[_command.Length];
                System.Array.Copy(_command, copy, _command.Length);
                return copy;
            }
        }

        /// <summary>A copy of the response bytes (not necessarily a valid R-APDU).</summary>
        public byte[] Response
        {
            get
            {
                byte[] copy = new byte[_response.Length];
                System.Array.Copy(_response, copy, _response.Length);
                return copy;
            }
        }

        internal bool CommandEquals(byte[] other)
        {
            if (other == null || other.Length != _command.Length) return false;
            for (int i = 0; i < other.Length; i++)
            {
                if (other[i] != _command[i]) return false;
            }
            return true;
        }
    }

    /// <summary>An ordered list of recorded exchanges (see <see cref="TranscriptReader"/> for the text form).</summary>
    public sealed class Transcript
    {
        private readonly System.Collections.ArrayList _steps = new System.Collections.ArrayList();

        /// <summary>Number of steps.</summary>
        public int Count
        {
            get { return _steps.Count; }
        }

        /// <summary>The step at <paramref name="index"/> (0-based).</summary>
        public TranscriptStep this[int index]
        {
            get { return (TranscriptStep)_steps[index]; }
        }

        /// <summary>Appends a step.</summary>
        public void Add(TranscriptStep step)
        {
            if (step == null) throw new System.ArgumentNullException("step");
            _steps.Add(step);
        }
    }
}
