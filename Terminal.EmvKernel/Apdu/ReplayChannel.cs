using Terminal.EmvKernel.Util;
namespace Terminal.EmvKernel.Apdu
{
    /// <summary>
    /// A card channel that plays a recorded <see cref="Transcript"/>: each command must equal the next recorded
    /// command byte for byte, and gets the recorded response. Any other command throws
    /// <see cref="ReplayMismatchException"/> naming the step, the expected and the actual command; the first
    /// failure is also kept in <see cref="Failure"/> so a test can see it even when the code under test caught it.
    /// Call <see cref="VerifyComplete"/> at the end of a test to prove every step was used.
    /// </summary>
    public sealed class ReplayChannel : ICardChannel
    {
        private readonly Transcript _transcript;
        private int _position;
        private int _removeBeforeStep;

        /// <summary>A channel replaying <paramref name="transcript"/> from its first step.</summary>
        public ReplayChannel(Transcript transcript)
        {
            if (transcript == null) throw new System.ArgumentNullException("transcript");
            _transcript = transcript;
        }

        /// <summary>Number of steps replayed so far.</summary>
        public int Position
        {
            get { return _position; }
        }

        /// <summary>True when every step was replayed.</summary>
        public bool IsComplete
        {
            get { return _position == _transcript.Count; }
        }

        /// <summary>The first mismatch seen, or null.</summary>
        public ReplayMismatchException Failure { get; private set; }

        /// <summary>
        /// Simulates the card being pulled out: the command of 1-based step <paramref name="step"/> (and every
        /// later command) throws <see cref="CardRemovedException"/> instead of being answered. 0 switches it off.
        /// </summary>
        public void RemoveCardBeforeStep(int step)
        {
            _removeBeforeStep = step < 0 ? 0 : step;
        }

        /// <summary>Checks the command against the next recorded step and returns the recorded response.</summary>
        public byte[] Transmit(byte[] command)
        {
            if (Failure != null) throw Failure;
            int step = _position + 1;
            if (_removeBeforeStep > 0 && step >= _removeBeforeStep)
            {
                throw new CardRemovedException(CardRemovedReason.Removed);
            }
            if (_position >= _transcript.Count)
            {
                throw Fail(new ReplayMismatchException(step, null, Bytes.Copy(command)));
            }
            TranscriptStep recorded = _transcript[_position];
            if (!recorded.CommandEquals(command))
            {
                throw Fail(new ReplayMismatchException(step, recorded.Command, Bytes.Copy(command)));
            }
            _position++;
            return recorded.Response;
        }

        /// <summary>Throws the first mismatch, or a <see cref="ReplayMismatchException"/> when steps are left over.</summary>
        public void VerifyComplete()
        {
            if (Failure != null) throw Failure;
            if (_position < _transcript.Count)
            {
                throw new ReplayMismatchException(_position + 1, _transcript[_position].Command, null);
            }
        }

        private ReplayMismatchException Fail(ReplayMismatchException failure)
        {
            Failure = failure;
            return failure;
        }
    }
}
