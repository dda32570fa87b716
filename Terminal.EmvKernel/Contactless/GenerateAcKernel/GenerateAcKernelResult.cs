using Terminal.EmvKernel.Contactless.EntryPoint;
using Terminal.EmvKernel.Contactless.Shared;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Oda;

namespace Terminal.EmvKernel.Contactless.GenerateAcKernel
{
    /// <summary>
    /// What the M/Chip-style kernel hands to Entry Point outcome processing: the <see cref="Outcome"/>, the CVM, the
    /// TVR and CVM Results, the same <see cref="TransactionOutcome"/> the contact kernel produces (decision, field 55
    /// data, receipt data, masked trace), what was deferred until after card removal, and the torn records to clear.
    /// </summary>
    public sealed class GenerateAcKernelResult : IContactlessKernelResult
    {
        internal GenerateAcKernelResult(GenerateAcKernelCardRead read, GenerateAcKernelOutcome outcome)
        {
            CardRead = read;
            Outcome = outcome;
            Cvm = read.Cvm;
            CdaFailure = OdaFailure.None;
        }

        /// <summary>The outcome for Entry Point.</summary>
        public GenerateAcKernelOutcome Outcome { get; private set; }

        /// <summary>The CVM (Book A outcome CVM): what the POS must do (online PIN, signature) or what the phone did.</summary>
        public OutcomeCvm Cvm { get; internal set; }

        /// <summary>The card phase this result completes.</summary>
        public GenerateAcKernelCardRead CardRead { get; private set; }

        /// <summary>
        /// The transaction result shared with the contact kernel: ApprovedOffline, DeclinedOffline or Terminated (for
        /// the other outcomes, with the termination reason). For an online request it is null until <see cref="CompleteOnline"/>.
        /// </summary>
        public TransactionOutcome Transaction { get; internal set; }

        /// <summary>The authorisation request data (field 55, PAN fields), or null when the card gave no cryptogram.</summary>
        public OnlineRequest AuthorisationData { get; internal set; }

        /// <summary>TVR '95' (5 bytes) at the end of the kernel.</summary>
        public byte[] Tvr { get { return Util.Bytes.Copy(CardRead.Terminal.Get(0x95)); } }

        /// <summary>CVM Results '9F34' (3 bytes), or null when the kernel did not reach CVM selection.</summary>
        public byte[] CvmResults { get { return Util.Bytes.Copy(CardRead.Terminal.Get(0x9F34)); } }

        /// <summary>True when CDA was verified (after card removal).</summary>
        public bool CdaPerformed { get; internal set; }

        /// <summary>Why CDA failed, <see cref="OdaFailure.None"/> when it passed or did not run.</summary>
        public OdaFailure CdaFailure { get; internal set; }

        /// <summary>True when the phone asks the cardholder to act on it (UI "see phone", restart at B).</summary>
        public bool SeePhone { get; internal set; }

        /// <summary>True when Entry Point must restart at B (torn transaction: tap again; see phone).</summary>
        public bool Restart { get; internal set; }

        /// <summary>True when the phone's PCII says it verified the cardholder (OD-CVM verification successful).</summary>
        public bool OnDeviceCvmVerified { get; internal set; }

        /// <summary>
        /// Completes an online request with the host's answer (Book C-2: no second GENERATE AC on the contactless
        /// interface): ApprovedOnline / HostApproved or DeclinedOnline / HostDeclined, with the Authorisation Response
        /// Code '8A' when given. Throws InvalidOperationException for another outcome.
        /// </summary>
        public TransactionOutcome CompleteOnline(bool hostApproved, byte[] authorisationResponseCode)
        {
            if (Outcome != GenerateAcKernelOutcome.OnlineRequest) throw new System.InvalidOperationException("the outcome is not an online request");
            if (authorisationResponseCode != null) CardRead.Terminal.Set(0x8A, authorisationResponseCode);
            TransactionOutcome outcome = GenerateAcKernel.NewOutcome(CardRead,
                hostApproved ? TransactionDecision.ApprovedOnline : TransactionDecision.DeclinedOnline,
                hostApproved ? OutcomeReason.HostApproved : OutcomeReason.HostDeclined);
            outcome.WentOnline = true;
            outcome.AuthorisationData = AuthorisationData;
            Transaction = outcome;
            return outcome;
        }
    }
}
