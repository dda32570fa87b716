namespace Terminal.EmvKernel.Contactless.EntryPoint
{
    /// <summary>The Outcome of a kernel or of Entry Point (EMV Contactless Book A, 6.2; Book B 3.5).</summary>
    public enum ContactlessOutcome
    {
        /// <summary>N/A.</summary>
        NotApplicable = 0,
        /// <summary>Approved offline.</summary>
        Approved = 1,
        /// <summary>Declined offline.</summary>
        Declined = 2,
        /// <summary>An authorisation request must go to the host.</summary>
        OnlineRequest = 3,
        /// <summary>The transaction ends (no mutual application, card error, ...).</summary>
        EndApplication = 4,
        /// <summary>Remove the selected combination and select the next one (Start C).</summary>
        SelectNext = 5,
        /// <summary>Use another interface (contact chip or magstripe).</summary>
        TryAnotherInterface = 6,
        /// <summary>Present the card again (Start B), e.g. after the card left the field too early.</summary>
        TryAgain = 7
    }

    /// <summary>Where Entry Point (re)starts (Book A, 6.1; Book B 3.5).</summary>
    public enum StartPoint
    {
        /// <summary>N/A: no restart.</summary>
        NotApplicable = 0,
        /// <summary>Start A: pre-processing (3.1).</summary>
        A = 1,
        /// <summary>Start B: protocol activation (3.2).</summary>
        B = 2,
        /// <summary>Start C: combination selection, final selection step (3.3.3).</summary>
        C = 3,
        /// <summary>Start D: kernel activation (3.4).</summary>
        D = 4
    }

    /// <summary>The CVM of the Outcome Parameter Set (Book A, 6.2.2).</summary>
    public enum OutcomeCvm
    {
        /// <summary>N/A.</summary>
        NotApplicable = 0,
        /// <summary>No CVM.</summary>
        NoCvm = 1,
        /// <summary>Obtain signature.</summary>
        ObtainSignature = 2,
        /// <summary>Online PIN.</summary>
        OnlinePin = 3,
        /// <summary>Confirmation code verified (consumer device CVM).</summary>
        ConfirmationCodeVerified = 4
    }

    /// <summary>Online Response Data of the Outcome Parameter Set (Book A, 6.2.2): what a restart after online needs.</summary>
    public enum OnlineResponseDataKind
    {
        /// <summary>N/A.</summary>
        NotApplicable = 0,
        /// <summary>The EMV data of the response (issuer authentication data, scripts) is handed back on the restart.</summary>
        EmvData = 1,
        /// <summary>Any data from the response.</summary>
        Any = 2
    }

    /// <summary>Alternate Interface Preference (Book A, 6.2.2).</summary>
    public enum AlternateInterface
    {
        /// <summary>N/A.</summary>
        NotApplicable = 0,
        /// <summary>Contact chip.</summary>
        ContactChip = 1,
        /// <summary>Magnetic stripe.</summary>
        Magstripe = 2
    }
}
