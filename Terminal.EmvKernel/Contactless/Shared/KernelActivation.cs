using Terminal.EmvKernel.Configuration;
using Terminal.EmvKernel.Contactless.EntryPoint;
using Terminal.EmvKernel.Kernel;

namespace Terminal.EmvKernel.Contactless.Shared
{
    /// <summary>What both contactless kernels' Entry Point adapters do alike on activation (Book B 3.4).</summary>
    internal static class KernelActivation
    {
        /// <summary>
        /// The terminal data every kernel starts from (Book B 3.4.1.1): the terminal parameters, '9F02' / '9F03'
        /// (n 12), '9C', '9A', '9F21', '9F37' from the activation data and a TVR '95' of all zero. Each kernel adds its
        /// own objects (TTQ, application version) on top.
        /// </summary>
        internal static TerminalData TerminalDataOf(TerminalParameters parameters, KernelActivationData data)
        {
            TransactionRequest request = data.Request;
            TerminalData terminal = new TerminalData();
            parameters.ApplyTo(terminal);
            terminal.Set(0x9F02, NumericAmount.Encode(request.Amount));
            terminal.Set(0x9F03, NumericAmount.Encode(request.AmountOther));
            terminal.Set(0x9C, new byte[] { request.Type });
            terminal.Set(0x9A, Util.Bytes.Copy(request.Date));
            terminal.Set(0x9F21, Util.Bytes.Copy(request.Time));
            terminal.Set(0x9F37, data.UnpredictableNumber);
            terminal.Set(0x95, new byte[5]);
            return terminal;
        }

        /// <summary>The End Application outcome with <paramref name="ui"/> (Book A 6.2).</summary>
        internal static OutcomeParameterSet EndApplication(UiRequest ui)
        {
            OutcomeParameterSet o = new OutcomeParameterSet(ContactlessOutcome.EndApplication);
            o.UiRequestOnOutcome = ui;
            return o;
        }
    }
}
