namespace Terminal.Firmware.Core.SelfTest
{
    /// <summary>How a scenario's card is presented to the terminal.</summary>
    public enum SelfTestEntry
    {
        /// <summary>Inserted in the chip slot (contact kernel).</summary>
        Contact = 1,
        /// <summary>Tapped on the contactless reader (Entry Point and the quick kernel).</summary>
        Contactless = 2,
        /// <summary>Swiped through the magstripe head.</summary>
        Magstripe = 3
    }

    /// <summary>
    /// One conformance scenario of the self-test, as a QA engineer writes it: a library card (embedded,
    /// <see cref="SelfTestCards"/>) presented on one interface for an amount keyed on the keypad, with the PIN the
    /// cardholder types, the acquirer's behaviour (<see cref="SelfTestHostMode"/>), and what must come out: the
    /// result and response code on the terminal, the kernel decision (and, where the scenario is the card's own
    /// reference transaction, the card's statement: decision, TVR, CVM Results), the receipt, and the journal
    /// afterwards (counted transactions, batch net amount, pending reversals and advices).
    /// </summary>
    public sealed class SelfTestScenario
    {
        /// <summary>Creates a scenario; the expectations are set with the properties.</summary>
        public SelfTestScenario(string name, string card, SelfTestEntry entry, long amount, string pin, string host)
        {
            Name = name;
            Card = card;
            Entry = entry;
            Amount = amount;
            Pin = pin;
            Host = host;
            DeclineCode = "05";
            PullCardAfterCommands = -1;
            ExpectReceipt = true;
        }

        /// <summary>Short name shown in the report.</summary>
        public string Name { get; private set; }

        /// <summary>Library card name.</summary>
        public string Card { get; private set; }

        /// <summary>How the card is presented.</summary>
        public SelfTestEntry Entry { get; private set; }

        /// <summary>Amount keyed by the cashier, minor units.</summary>
        public long Amount { get; private set; }

        /// <summary>PIN digits the cardholder types at each PIN prompt, or null (no PIN typed).</summary>
        public string Pin { get; private set; }

        /// <summary>The acquirer's behaviour (<see cref="SelfTestHostMode"/>).</summary>
        public string Host { get; set; }

        /// <summary>DE 39 the acquirer declines with in <see cref="SelfTestHostMode.Decline"/> (default "05").</summary>
        public string DeclineCode { get; set; }

        /// <summary>
        /// The ICC master key for AC the issuer holds (16 bytes), or null: the card's own. A different key models a
        /// card the issuer does not know (its ARQC fails).
        /// </summary>
        public byte[] IssuerKey { get; set; }

        /// <summary>Commands an inserted card answers before the cardholder pulls it out (-1, the default: it stays).</summary>
        public int PullCardAfterCommands { get; set; }

        /// <summary>Expected result on the terminal (<see cref="SelfTestOutcome"/>: "approved", "declined-by-host", ...).</summary>
        public string ExpectedOutcome { get; set; }

        /// <summary>Expected response code on the terminal and receipt: DE 39, or '8A' ("Y1", "Y3") offline.</summary>
        public string ExpectedResponseCode { get; set; }

        /// <summary>Expected kernel decision ("approved-online", ...), or null when none is checked (swipe).</summary>
        public string ExpectedDecision { get; set; }

        /// <summary>True when the scenario is the card's reference transaction: decision, TVR and CVM Results must be its statement.</summary>
        public bool CheckStatement { get; set; }

        /// <summary>True when both receipt copies must be printed.</summary>
        public bool ExpectReceipt { get; set; }

        /// <summary>Transactions the journal counts in the open batch afterwards.</summary>
        public int ExpectedCounted { get; set; }

        /// <summary>Net amount of the open batch afterwards, minor units.</summary>
        public long ExpectedNet { get; set; }

        /// <summary>Reversals pending in the journal afterwards.</summary>
        public int ExpectedPendingReversals { get; set; }

        /// <summary>Advices pending in the journal afterwards.</summary>
        public int ExpectedPendingAdvices { get; set; }

        /// <summary>
        /// The scenarios of the self-test, in run order. Each expectation is derived in the comment above it from
        /// the card's statement (cards/*.card, written by hand from the specifications) and the terminal's rules
        /// (docs/host-session.md: what the journal keeps).
        /// </summary>
        public static SelfTestScenario[] All()
        {
            SelfTestScenario[] all = new SelfTestScenario[11];
            // Statement: plaintext offline PIN 4103 verified (410302), TVR 0 -> TC offline, '8A' Y1 (Book 4, A6).
            // An offline approval is journaled as a 0220 advice: counted at once, pending until sent.
            all[0] = OfflineApproval("contact offline PIN", "visa-pin-offline-plaintext", SelfTestEntry.Contact, "1234", "Y1");
            // Statement: DDA passes, signature (1E0300), TVR 0 -> TC offline, Y1; an advice as above.
            all[1] = OfflineApproval("contact DDA offline", "visa-dda-pass", SelfTestEntry.Contact, null, "Y1");
            // Statement: ARQC, the issuer approves with a valid ARPC, TC at the second GENERATE AC: approved online
            // "00"; the 0200 is approved and counted, nothing pending.
            all[2] = Online("contact online approved", "visa-online-host-approves", SelfTestEntry.Contact, SelfTestHostMode.Approve, "00");
            all[2].CheckStatement = true;
            // Statement: the issuer declines (05) with a valid ARPC, AAC at the second GENERATE AC: declined by the
            // host; the 0200 is declined in the journal (not counted, nothing to reverse); the slip shows the code.
            all[3] = Online("contact online declined", "visa-online-host-declines", SelfTestEntry.Contact, SelfTestHostMode.Decline, "05");
            all[3].CheckStatement = true;
            // Statement: host unreachable - the connection fails, nothing is sent; default action TVR 0 against
            // IAC-default -> TC with '8A' Y3. The offline approval is an advice; no reversal (nothing went out).
            all[4] = OfflineApproval("contact host unreachable", "visa-online-host-unreachable", SelfTestEntry.Contact, null, "Y3");
            all[4].Host = SelfTestHostMode.Unreachable;
            // Host down: the 0200 goes out and no answer comes - the outcome is unknown, so its 0400 stays pending
            // (tried again at once, still no answer). The card then decides as unable to go online: TC, Y3 (the
            // card's statement), journaled as an advice.
            all[5] = OfflineApproval("contact host down", "visa-online-host-unreachable", SelfTestEntry.Contact, null, "Y3");
            all[5].Host = SelfTestHostMode.Down;
            all[5].ExpectedPendingReversals = 1;
            // Statement: qVSDC ARQC from the GPO, no CVM under the 50.00 limit (1F0302), the issuer approves: "00",
            // approved by the host and confirmed at once (the quick kernel has no second cryptogram), counted.
            all[6] = Online("contactless online", "visa-qvsdc-online", SelfTestEntry.Contactless, SelfTestHostMode.Approve, "00");
            all[6].CheckStatement = true;
            // Statement: qVSDC TC with fDDA verified, no CVM: approved offline, Y1 (Book 4, A6), an advice.
            all[7] = OfflineApproval("contactless offline fDDA", "visa-qvsdc-offline-fdda", SelfTestEntry.Contactless, null, "Y1");
            // Declined by host: the same online card, the issuer answers 51 (insufficient funds) with a valid ARPC;
            // the quick kernel takes the host's word (declined online), nothing counted, the slip shows 51.
            all[8] = Online("contactless declined by host", "visa-qvsdc-online", SelfTestEntry.Contactless, SelfTestHostMode.Decline, "51");
            all[8].DeclineCode = "51";
            all[8].ExpectedDecision = "declined-online";
            // Statement: stripe-only card (service code 101): the swipe is authorised online as magstripe; the host
            // approves "00", final at once (no card decision to wait for), counted.
            all[9] = Online("magstripe online", "magstripe-only-101", SelfTestEntry.Magstripe, SelfTestHostMode.Approve, "00");
            all[9].ExpectedDecision = null;
            // Card error: the card is pulled out of the slot after 3 commands (during application selection, before
            // any GENERATE AC): the kernel terminates, no cryptogram, so no '8A' and nothing sent; the terminal shows a
            // card error, prints no receipt (nothing approved, no trace number) and the journal stays empty.
            all[10] = new SelfTestScenario("contact card pulled out", "visa-dda-pass", SelfTestEntry.Contact, 1000, null, SelfTestHostMode.Approve);
            all[10].PullCardAfterCommands = 3;
            all[10].ExpectedOutcome = SelfTestOutcome.CardError;
            all[10].ExpectedDecision = "terminated";
            all[10].ExpectReceipt = false;
            return all;
        }

        /// <summary>A card's offline approval: approved, counted, its advice pending.</summary>
        private static SelfTestScenario OfflineApproval(string name, string card, SelfTestEntry entry, string pin, string arc)
        {
            SelfTestScenario s = new SelfTestScenario(name, card, entry, 1000, pin, SelfTestHostMode.Approve);
            s.ExpectedOutcome = SelfTestOutcome.Approved;
            s.ExpectedResponseCode = arc;
            s.ExpectedDecision = "approved-offline";
            s.CheckStatement = entry != SelfTestEntry.Magstripe;
            s.ExpectedCounted = 1;
            s.ExpectedNet = 1000;
            s.ExpectedPendingAdvices = 1;
            return s;
        }

        /// <summary>An online authorisation answered <paramref name="code"/>: approved and counted on "00", else declined by the host.</summary>
        private static SelfTestScenario Online(string name, string card, SelfTestEntry entry, string host, string code)
        {
            SelfTestScenario s = new SelfTestScenario(name, card, entry, 1000, null, host);
            bool approved = code == "00";
            s.ExpectedOutcome = approved ? SelfTestOutcome.Approved : SelfTestOutcome.DeclinedByHost;
            s.ExpectedResponseCode = code;
            s.ExpectedDecision = approved ? "approved-online" : "declined-online";
            s.ExpectedCounted = approved ? 1 : 0;
            s.ExpectedNet = approved ? 1000 : 0;
            return s;
        }
    }
}
