using Terminal.Firmware.Core.HostLink.Iso8583;

namespace Terminal.Firmware.Core.HostLink.Session
{
    /// <summary>
    /// A dialect whose requests need working keys obtained by signing on (UnionPay: PIN and MAC keys in the 0810,
    /// docs/host-protocol.md "Sign-on with key download"). The <see cref="HostSession"/> asks it before every request
    /// that needs the keys and signs on first when they are missing; while signing on fails, such requests are not
    /// sent (<see cref="SessionFailure.NotSignedOn"/>) and nothing is journaled.
    /// </summary>
    public interface IHostSignOn
    {
        /// <summary>True while working keys are installed and accepted.</summary>
        bool SignedOn { get; }

        /// <summary>True when <paramref name="request"/> cannot be sent without the working keys (it carries a MAC).</summary>
        bool NeedsKeys(Iso8583Message request);

        /// <summary>
        /// Signs on now (network management exchange, which needs no working keys) and installs the keys of the
        /// answer after checking them; returns None when signed on, else why not. Never throws for link, answer or key faults.
        /// </summary>
        SessionFailure SignOn();

        /// <summary>
        /// The session's report that the keys may be out of step with the host: an answer whose MAC did not verify,
        /// or a host answer saying it could not verify ours (DE 39 <paramref name="responseCode"/>, null when the
        /// answer was not trusted). The sign-on decides whether to sign on again before the next request.
        /// </summary>
        void KeysSuspect(string responseCode);
    }
}
