using Terminal.EmvKernel.Contactless.Shared;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Oda;

namespace Terminal.EmvKernel.Contactless.QuickKernel
{
    /// <summary>
    /// What the quick kernel hands to Entry Point outcome processing: the <see cref="Outcome"/>, the CVM, the TVR
    /// and CVM Results, the same <see cref="TransactionOutcome"/> the contact kernel produces (decision, field 55
    /// data, receipt data, masked trace), and what was deferred until after card removal.
    /// </summary>
    public sealed class QuickKernelResult : IContactlessKernelResult
    {
        internal QuickKernelResult(QuickKernelCardRead read, QuickKernelOutcome outcome, QuickKernelCvm cvm)
        {
            CardRead = read;
            Outcome = outcome;
            Cvm = cvm;
        }

        /// <summary>The outcome for Entry Point.</summary>
        public QuickKernelOutcome Outcome { get; private set; }

        /// <summary>The CVM the firmware must apply (online PIN collection, signature line) or that the phone did.</summary>
        public QuickKernelCvm Cvm { get; private set; }

        /// <summary>The card phase this result completes.</summary>
        public QuickKernelCardRead CardRead { get; private set; }

        /// <summary>
        /// The transaction result shared with the contact kernel: ApprovedOffline, DeclinedOffline or Terminated
        /// (for Try Another Interface, Select Next, Try Again and End Application, with the termination reason).
        /// For <see cref="QuickKernelOutcome.OnlineRequest"/> it is null until <see cref="CompleteOnline"/>.
        /// </summary>
        public TransactionOutcome Transaction { get; internal set; }

        /// <summary>The authorisation request data (field 55, PAN fields), or null when the card gave no cryptogram.</summary>
        public OnlineRequest AuthorisationData { get; internal set; }

        /// <summary>TVR '95' (5 bytes) at the end of the kernel.</summary>
        public byte[] Tvr { get { return Util.Bytes.Copy(CardRead.Terminal.Get(0x95)); } }

        /// <summary>CVM Results '9F34' (3 bytes), or null when the kernel did not reach CVM processing.</summary>
        public byte[] CvmResults { get { return Util.Bytes.Copy(CardRead.Terminal.Get(0x9F34)); } }

        /// <summary>True when fDDA ran (after card removal).</summary>
        public bool FddaPerformed { get; internal set; }

        /// <summary>Why fDDA failed, <see cref="OdaFailure.None"/> when it passed or did not run.</summary>
        public OdaFailure FddaFailure { get; internal set; }

        /// <summary>True when the outcome asks the cardholder to look at the phone (GPO '6986').</summary>
        public bool SeePhone { get { return CardRead.SeePhone; } }

        /// <summary>
        /// Completes an <see cref="QuickKernelOutcome.OnlineRequest"/> with the host's answer (Book C-3: no second
        /// cryptogram; the host decides): ApprovedOnline / HostApproved or DeclinedOnline / HostDeclined, with the
        /// Authorisation Response Code '8A' (2 bytes an) when given. Throws InvalidOperationException for another outcome.
        /// </summary>
        public TransactionOutcome CompleteOnline(bool hostApproved, byte[] authorisationResponseCode)
        {
            if (Outcome != QuickKernelOutcome.OnlineRequest) throw new System.InvalidOperationException("the outcome is not an online request");
            if (authorisationResponseCode != null) CardRead.Terminal.Set(0x8A, authorisationResponseCode);
            TransactionOutcome outcome = QuickKernel.NewOutcome(CardRead,
                hostApproved ? TransactionDecision.ApprovedOnline : TransactionDecision.DeclinedOnline,
                hostApproved ? OutcomeReason.HostApproved : OutcomeReason.HostDeclined);
            outcome.WentOnline = true;
            outcome.AuthorisationData = AuthorisationData;
            Transaction = outcome;
            return outcome;
        }
    }
}
