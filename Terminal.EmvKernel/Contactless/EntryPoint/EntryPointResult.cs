namespace Terminal.EmvKernel.Contactless.EntryPoint
{
    /// <summary>What Entry Point hands to the POS system at the end: the final outcome and where it came from.</summary>
    public sealed class EntryPointResult
    {
        internal EntryPointResult(OutcomeParameterSet outcome, SelectedCombination selected, int activations)
        {
            Outcome = outcome;
            Selected = selected;
            KernelActivations = activations;
        }

        /// <summary>The final Outcome Parameter Set (from the kernel, or from Entry Point itself).</summary>
        public OutcomeParameterSet Outcome { get; private set; }

        /// <summary>The combination of the last kernel activation, or null when no kernel ran.</summary>
        public SelectedCombination Selected { get; private set; }

        /// <summary>How many times a kernel was activated in this run.</summary>
        public int KernelActivations { get; private set; }
    }
}
