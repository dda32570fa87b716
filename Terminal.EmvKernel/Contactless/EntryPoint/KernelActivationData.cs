using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Util;

namespace Terminal.EmvKernel.Contactless.EntryPoint
{
    /// <summary>
    /// The transaction data Entry Point hands to the kernel (EMV Contactless Book B 3.4.1.1): amounts, type, date
    /// and time of the <see cref="TransactionRequest"/>, a fresh Unpredictable Number '9F37' for each activation,
    /// and, on the restart after an online response, that response's data.
    /// </summary>
    public sealed class KernelActivationData
    {
        private readonly byte[] _unpredictableNumber;
        private readonly byte[] _onlineResponse;

        internal KernelActivationData(TransactionRequest request, byte[] unpredictableNumber, bool restart, byte[] onlineResponse)
        {
            Request = request;
            _unpredictableNumber = Bytes.Copy(unpredictableNumber);
            IsRestart = restart;
            _onlineResponse = Bytes.Copy(onlineResponse);
        }

        /// <summary>The transaction (amount '9F02', other amount '9F03', type '9C', date '9A', time '9F21').</summary>
        public TransactionRequest Request { get; private set; }

        /// <summary>Unpredictable Number '9F37' (4 bytes, a copy), new for every activation.</summary>
        public byte[] UnpredictableNumber { get { return Bytes.Copy(_unpredictableNumber); } }

        /// <summary>True when Entry Point was restarted (Try Again, a restart outcome, or the second tap after online).</summary>
        public bool IsRestart { get; private set; }

        /// <summary>The online response data (EMV data, TLV) on the restart after an online response; otherwise null.</summary>
        public byte[] OnlineResponse { get { return Bytes.Copy(_onlineResponse); } }
    }
}
