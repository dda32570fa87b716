using Terminal.EmvKernel.Apdu;

namespace Terminal.EmvKernel.Contactless.EntryPoint
{
    /// <summary>
    /// A contactless kernel as Entry Point activates it (EMV Contactless Book B 3.4): it receives the transport
    /// to the selected card, the selected combination (with the FCI), the combination's pre-processing
    /// indicators (with the Copy of TTQ) and the transaction data, runs its own flow and returns an
    /// <see cref="OutcomeParameterSet"/>. A kernel should return an outcome for every card behaviour (card removed:
    /// Try Again or End Application with a restart); typed exceptions that escape are mapped by Entry Point.
    /// </summary>
    public interface IContactlessKernel
    {
        /// <summary>Runs the kernel for one activation and returns its outcome (never null).</summary>
        OutcomeParameterSet Activate(ApduTransport transport, SelectedCombination selected, PreProcessingIndicators indicators, KernelActivationData data);
    }
}
