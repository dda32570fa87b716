using Terminal.EmvKernel.Contactless.EntryPoint;
using Terminal.EmvKernel.Contactless.GenerateAcKernel;
using Terminal.EmvKernel.Contactless.QuickKernel;
using Terminal.EmvKernel.Kernel;

namespace Terminal.Firmware.Core.App
{
    /// <summary>
    /// The contactless kernels of one Entry Point run (<see cref="PaymentKernels.NewEntryPoint"/>): the quick kernel
    /// (kernels 3 and 7) and the GENERATE AC kernel (kernel 2). After the run, <see cref="ResultOf"/> gives the result
    /// of the kernel Entry Point selected last, whichever it was, so the application handles both alike.
    /// </summary>
    public sealed class ContactlessKernelSet
    {
        internal ContactlessKernelSet(QuickKernelActivation quick, GenerateAcKernelActivation generateAc)
        {
            Quick = quick;
            GenerateAc = generateAc;
        }

        /// <summary>The quick kernel (C-3 pattern, qUICS), kernel IDs 3 and 7.</summary>
        public QuickKernelActivation Quick { get; private set; }

        /// <summary>The GENERATE AC kernel (C-2 pattern), kernel ID 2.</summary>
        public GenerateAcKernelActivation GenerateAc { get; private set; }

        /// <summary>The last result of the kernel that served <paramref name="result"/>'s selected combination, or null when none ran.</summary>
        public ContactlessKernelResult ResultOf(EntryPointResult result)
        {
            if (result == null || result.Selected == null) return null;
            if (result.Selected.KernelId == KernelIdentifier.Kernel2)
                return GenerateAc.LastResult == null ? null : new ContactlessKernelResult(null, GenerateAc.LastResult);
            return Quick.LastResult == null ? null : new ContactlessKernelResult(Quick.LastResult, null);
        }
    }

    /// <summary>One contactless kernel's result as the application uses it: the transaction, the authorisation data, the online completion.</summary>
    public sealed class ContactlessKernelResult
    {
        private readonly QuickKernelResult _quick;
        private readonly GenerateAcKernelResult _generateAc;

        internal ContactlessKernelResult(QuickKernelResult quick, GenerateAcKernelResult generateAc)
        {
            _quick = quick;
            _generateAc = generateAc;
        }

        /// <summary>The transaction outcome (null for an online request until <see cref="CompleteOnline"/>).</summary>
        public TransactionOutcome Transaction
        {
            get { return _quick != null ? _quick.Transaction : _generateAc.Transaction; }
        }

        /// <summary>The authorisation / clearing data (field 55, PAN fields), or null when the card gave no cryptogram.</summary>
        public OnlineRequest AuthorisationData
        {
            get { return _quick != null ? _quick.AuthorisationData : _generateAc.AuthorisationData; }
        }

        /// <summary>Completes an online request with the host's answer (no second cryptogram on either kernel).</summary>
        public TransactionOutcome CompleteOnline(bool hostApproved, byte[] authorisationResponseCode)
        {
            return _quick != null ? _quick.CompleteOnline(hostApproved, authorisationResponseCode)
                : _generateAc.CompleteOnline(hostApproved, authorisationResponseCode);
        }
    }
}
