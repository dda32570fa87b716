using Terminal.EmvKernel.Kernel;

namespace Terminal.EmvKernel.Magstripe
{
    /// <summary>
    /// The contact chip attempts of one transaction, as the swipe rules need them: the firmware records each
    /// attempt (the reader's "no answer to reset", the kernel's termination reason, or a transaction that ran to an
    /// outcome) and hands this to <see cref="SwipeRules.Decide"/>. Contactless outcomes are not recorded here: a
    /// contactless failure leads to "insert card" (Try Another Interface, Book A/B), never to a swipe.
    /// </summary>
    public sealed class ChipAttempts
    {
        private readonly MagstripeSettings _settings;

        /// <summary>An empty record under the terminal's settings (which reasons count as a chip failure depends on them).</summary>
        public ChipAttempts(MagstripeSettings settings)
        {
            if (settings == null) throw new System.ArgumentNullException("settings");
            _settings = settings;
        }

        /// <summary>Number of chip attempts recorded.</summary>
        public int Count { get; private set; }

        /// <summary>Attempts that ended in a chip failure (<see cref="IsChipFailure"/>), counted since the last attempt that was not one.</summary>
        public int ConsecutiveFailures { get; private set; }

        /// <summary>True when the last attempt ended in a chip failure.</summary>
        public bool LastWasChipFailure { get; private set; }

        /// <summary>The chip gave no answer to reset, an invalid ATR, or stayed mute (the reader's report, before any APDU).</summary>
        public void RecordNoAnswerToReset()
        {
            Record(true);
        }

        /// <summary>The kernel ended the card session with this reason (<see cref="KernelTerminatedException"/> or the outcome's reason).</summary>
        public void RecordTermination(KernelTerminationReason reason)
        {
            Record(IsChipFailure(reason, _settings));
        }

        /// <summary>The chip transaction ran to an outcome (approved, declined, online): a later swipe is not a fallback.</summary>
        public void RecordCompleted()
        {
            Record(false);
        }

        private void Record(bool failure)
        {
            Count++;
            LastWasChipFailure = failure;
            ConsecutiveFailures = failure ? ConsecutiveFailures + 1 : 0;
        }

        /// <summary>
        /// Whether a kernel termination is a chip failure that may lead to technical fallback (reference notes,
        /// emv-kernel.md section 8, acquirer guidance [K]): the chip cannot be read - a transport (L1 / link) failure
        /// or a malformed card response; "no mutually supported application" only when the terminal is configured
        /// so. Not chip failures: card blocked ('6A81'), cardholder cancelled, card removed, an unexpected status
        /// word (the card answered), card data errors (missing or redundant data, bad records or AFL: the
        /// card is faulty, not unreadable [K]) and internal terminal errors.
        /// </summary>
        public static bool IsChipFailure(KernelTerminationReason reason, MagstripeSettings settings)
        {
            if (settings == null) throw new System.ArgumentNullException("settings");
            switch (reason)
            {
                case KernelTerminationReason.TransportFailure:
                case KernelTerminationReason.InvalidCardResponse:
                    return true;
                case KernelTerminationReason.NoMutualApplication:
                    return settings.FallbackOnNoMutualApplication;
                default:
                    return false;
            }
        }
    }
}
