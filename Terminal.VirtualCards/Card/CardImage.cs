using System.Collections;

namespace Terminal.VirtualCards.Card
{
    /// <summary>
    /// A personalised virtual EMV card: everything the simulator (<see cref="VirtualCard"/>) needs to answer
    /// C-APDUs. Plain data filled in by the personaliser (from a profile) or by tests. Mutable card state
    /// (ATC, PIN try counter, offline counters, blocked flags) lives here too, so a card image is "the card":
    /// one image per simulated card; the simulator updates it as commands are processed.
    /// </summary>
    public sealed class CardImage
    {
        /// <summary>Creates an empty card image (no applications, PSE and PPSE both present).</summary>
        public CardImage()
        {
            Name = "";
            Description = "";
            Applications = new ArrayList();
            PseRecords = new ArrayList();
            HasPse = true;
            PseSfi = 1;
            HasPpse = true;
            Behaviour = new CardBehaviour();
        }

        /// <summary>Short name of the test card (e.g. "visa-dda-online"). Never contains secrets.</summary>
        public string Name { get; set; }

        /// <summary>One-line statement of what the card exercises and the expected terminal outcome.</summary>
        public string Description { get; set; }

        /// <summary>Answer To Reset bytes (informational; PC/SC exposure reports them). Null for a default ATR.</summary>
        public byte[] Atr { get; set; }

        /// <summary>The card's applications, <see cref="CardApplication"/> items, in card (directory) order.</summary>
        public ArrayList Applications { get; private set; }

        /// <summary>True when the contact PSE '1PAY.SYS.DDF01' exists; false: SELECT PSE answers 6A82.</summary>
        public bool HasPse { get; set; }

        /// <summary>SFI of the PSE directory file (FCI tag 88), 1..30.</summary>
        public int PseSfi { get; set; }

        /// <summary>
        /// Optional explicit PSE directory records: <see cref="CardRecord"/> items (SFI = <see cref="PseSfi"/>,
        /// data = the whole '70' template). Empty: the simulator builds one record per application with
        /// <see cref="CardApplication.InPse"/> set (61 { 4F, 50, 9F12, 87 }).
        /// </summary>
        public ArrayList PseRecords { get; private set; }

        /// <summary>True when the contactless PPSE '2PAY.SYS.DDF01' exists; false: SELECT PPSE answers 6A82.</summary>
        public bool HasPpse { get; set; }

        /// <summary>Card-wide state: true after CARD BLOCK; every SELECT then answers 6A81.</summary>
        public bool CardBlocked { get; set; }

        /// <summary>Behaviour switches for odd cards (T=0 mode, removal, forced status words).</summary>
        public CardBehaviour Behaviour { get; private set; }

        /// <summary>Adds an application and returns it.</summary>
        public CardApplication AddApplication(CardApplication application)
        {
            if (application == null) throw new System.ArgumentNullException("application");
            Applications.Add(application);
            return application;
        }

        /// <summary>The application at index (0-based).</summary>
        public CardApplication ApplicationAt(int index)
        {
            return (CardApplication)Applications[index];
        }
    }
}
