namespace Terminal.Firmware.Core.HostLink.Session
{
    /// <summary>Why a transaction is reversed; each dialect maps it to its DE 39 reason code.</summary>
    public enum ReversalCause
    {
        /// <summary>No answer, late answer, link dropped, or answer unreadable: the outcome is unknown.</summary>
        NoAnswer = 1,
        /// <summary>The host approved but the card declined at the second GENERATE AC.</summary>
        CardDeclined = 2,
        /// <summary>The answer's MAC was wrong.</summary>
        MacError = 3,
        /// <summary>The cashier voided an approved transaction (dialect A: a void is the reversal of the original).</summary>
        Voided = 4,
    }
}
