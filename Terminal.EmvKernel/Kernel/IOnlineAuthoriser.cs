namespace Terminal.EmvKernel.Kernel
{
    /// <summary>
    /// The firmware's side of online processing (EMV 4.4 Book 3, 10.9): it sends the authorisation request built
    /// from <see cref="OnlineRequest"/> to the acquirer and returns the answer. The kernel knows no sockets.
    /// </summary>
    public interface IOnlineAuthoriser
    {
        /// <summary>
        /// Sends the request and returns the host's answer, or null when the terminal is unable to go online (no
        /// link, no answer in time, an answer that cannot be parsed): the kernel then completes with the default
        /// action and '8A' = "Y3" or "Z3" (Book 3, 10.7 and Book 4, 6.3.7 [K]).
        /// </summary>
        OnlineResponse Authorise(OnlineRequest request);
    }
}
