namespace Terminal.Firmware.Core.SelfTest
{
    /// <summary>
    /// One conformance scenario of the self-test: a library card (embedded, <see cref="SelfTestCards"/>) presented
    /// on one interface for an amount, with the PIN the cardholder types. What must come out is the card's own
    /// statement (its profile's [card] decision, tvr and cvm-result, written by hand from the specification), and
    /// the in-memory host answers as the profile's "host" key says (approve, decline, unreachable).
    /// </summary>
    public sealed class SelfTestScenario
    {
        /// <summary>Creates a scenario.</summary>
        public SelfTestScenario(string name, string card, bool contactless, long amount, string pin)
        {
            Name = name;
            Card = card;
            Contactless = contactless;
            Amount = amount;
            Pin = pin;
        }

        /// <summary>Short name shown in the report.</summary>
        public string Name { get; private set; }

        /// <summary>Library card name.</summary>
        public string Card { get; private set; }

        /// <summary>True: tapped (Entry Point and the quick kernel); false: inserted (contact kernel).</summary>
        public bool Contactless { get; private set; }

        /// <summary>Amount, minor units.</summary>
        public long Amount { get; private set; }

        /// <summary>PIN digits typed when asked, or null (bypass).</summary>
        public string Pin { get; private set; }

        /// <summary>The scenarios of the self-test, in run order.</summary>
        public static SelfTestScenario[] All()
        {
            return new SelfTestScenario[]
            {
                new SelfTestScenario("contact offline PIN", "visa-pin-offline-plaintext", false, 1000, "1234"),
                new SelfTestScenario("contact DDA offline", "visa-dda-pass", false, 1000, null),
                new SelfTestScenario("contact online approved", "visa-online-host-approves", false, 1000, null),
                new SelfTestScenario("contact online declined", "visa-online-host-declines", false, 1000, null),
                new SelfTestScenario("contact host unreachable", "visa-online-host-unreachable", false, 1000, null),
                new SelfTestScenario("contactless online", "visa-qvsdc-online", true, 1000, null),
                new SelfTestScenario("contactless offline fDDA", "visa-qvsdc-offline-fdda", true, 1000, null)
            };
        }
    }
}
