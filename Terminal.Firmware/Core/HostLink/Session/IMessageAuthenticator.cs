using Terminal.Firmware.Core.HostLink.Iso8583;

namespace Terminal.Firmware.Core.HostLink.Session
{
    /// <summary>
    /// The message MAC (DE 64/128) as the session sees it: sign each request just before it is sent, verify each
    /// matching answer. The security layer implements it (DUKPT or master/session MAC key); a session without one
    /// sends and accepts messages unsigned.
    /// </summary>
    public interface IMessageAuthenticator
    {
        /// <summary>Sets the MAC field of the request (called for every send, including repeats).</summary>
        void Sign(Iso8583Message request);

        /// <summary>True when the answer's MAC is present and correct.</summary>
        bool Verify(Iso8583Message answer);
    }
}
