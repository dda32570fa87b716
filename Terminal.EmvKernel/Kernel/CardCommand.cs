using Terminal.EmvKernel.Apdu;

namespace Terminal.EmvKernel.Kernel
{
    /// <summary>
    /// The one place where kernel steps reach the card: an exchange through <see cref="ApduTransport"/> whose
    /// transport failures become a typed <see cref="KernelTerminatedException"/> (card removed, malformed
    /// R-APDU, link failure). Status words are returned for the step to judge.
    /// </summary>
    public static class CardCommand
    {
        /// <summary>Sends <paramref name="command"/>; <paramref name="step"/> names it in the termination detail.</summary>
        public static ResponseApdu Exchange(ApduTransport transport, CommandApdu command, string step)
        {
            try
            {
                return transport.Exchange(command);
            }
            catch (CardRemovedException e)
            {
                throw new KernelTerminatedException(KernelTerminationReason.CardRemoved, step, 0, -1, e);
            }
            catch (ApduException e)
            {
                KernelTerminationReason reason = e.Reason == ApduError.TransportFailure || e.Reason == ApduError.NoResponse
                    ? KernelTerminationReason.TransportFailure
                    : KernelTerminationReason.InvalidCardResponse;
                throw new KernelTerminatedException(reason, string.Concat(step, ": ", e.Message), 0, -1, e);
            }
        }

        /// <summary>Terminates with <see cref="KernelTerminationReason.UnexpectedStatusWord"/> for <paramref name="sw"/>.</summary>
        public static KernelTerminatedException UnexpectedStatus(string step, int sw)
        {
            return new KernelTerminatedException(KernelTerminationReason.UnexpectedStatusWord,
                string.Concat(step, " answered ", StatusWord.ToHex(sw)), 0, sw, null);
        }
    }
}
