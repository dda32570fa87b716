using Terminal.EmvKernel.Contactless.EntryPoint;
using Terminal.EmvKernel.Contactless.GenerateAcKernel;
using Terminal.EmvKernel.Contactless.Shared;
using Terminal.EmvKernel.Contactless.QuickKernel;

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
        public IContactlessKernelResult ResultOf(EntryPointResult result)
        {
            if (result == null || result.Selected == null) return null;
            if (result.Selected.KernelId == KernelIdentifier.Kernel2) return GenerateAc.LastResult;
            return Quick.LastResult;
        }
    }
}
