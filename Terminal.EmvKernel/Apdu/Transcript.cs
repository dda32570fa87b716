using Terminal.EmvKernel.Util;
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
            _command = Bytes.Copy(command);
            _response = Bytes.Copy(response);
        }

        /// <summary>A copy of the command bytes.</summary>
        public byte[] Command
        {
            get { return Bytes.Copy(_command); }
        }

        /// <summary>A copy of the response bytes (not necessarily a valid R-APDU).</summary>
        public byte[] Response
        {
            get { return Bytes.Copy(_response); }
        }

        internal bool CommandEquals(byte[] other)
        {
            return Bytes.Equal(_command, other);
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
