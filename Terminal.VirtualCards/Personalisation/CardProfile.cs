using System.Collections;

namespace Terminal.VirtualCards.Personalisation
{
    /// <summary>
    /// A test card profile (docs/card-profiles.md): <c>[card]</c> (name, statement, expected outcome, PSE/PPSE,
    /// ATR), optional <c>[track]</c> (magstripe data), optional <c>[timing]</c> (card-in-field time model), optional card-wide <c>[behaviour]</c> before the first
    /// application, and per application <c>[application AID]</c> followed by its <c>[records]</c>,
    /// <c>[keys]</c> and <c>[behaviour]</c>. Parsing checks the structure and every key name; value forms are
    /// checked when the <see cref="Personaliser"/> builds the card. Errors are <see cref="CardProfileException"/>.
    /// </summary>
    public sealed class CardProfile
    {
        internal static readonly string[] CardKeys = new string[] {
            "name", "statement", "decision", "tvr", "cvm-result", "host", "amount", "scheme", "interface",
            "atr", "pse", "pse-sfi", "ppse" };
        internal static readonly string[] TrackKeys = new string[] { "track1", "track2", "service-code", "magstripe-only" };
        internal static readonly string[] CardBehaviourKeys = new string[] { "t0", "remove-after", "processing-time-ms" };
        internal static readonly string[] ApplicationKeys = new string[] {
            "label", "preferred-name", "priority", "language", "issuer-code-table", "pan", "psn", "expiry", "effective",
            "auc", "aip", "cvm-list", "iac-default", "iac-denial", "iac-online", "pdol", "cdol1", "cdol2", "ddol",
            "app-version", "country", "currency", "track2", "cardholder-name", "service-code", "sda-tag-list",
            "kernel-id", "in-pse", "in-ppse", "gpo-format", "generate-ac-format", "oda", "dac", "cvn",
            "derivation-key-index", "pin", "pin-try-limit", "pin-try-counter", "atc", "last-online-atc",
            "lower-offline-limit", "upper-offline-limit", "log-format", "personality", "ctq", "card-auth-data",
            "contactless-decision", "relay-min-time", "relay-max-time", "relay-transmission-time", "pcii",
            "icc-cert-expiry", "icc-cert-serial", "iad-discretionary" };
        internal static readonly string[] RecordKeys = new string[] { "record." };
        internal static readonly string[] KeyKeys = new string[] { "issuer", "icc", "ca-index", "pin-key", "mk-ac", "mk-smi", "mk-smc" };
        internal static readonly string[] ApplicationBehaviourKeys = new string[] {
            "blocked", "force-aac", "force-online", "tamper-signatures", "gpo-status", "corrupt-issuer-certificate",
            "tamper-static-data", "previous-not-completed", "issuer-auth-failed-last-time", "phone-cvm-pending" };

        private readonly ArrayList _applications = new ArrayList();

        private CardProfile() { }

        /// <summary>The parsed document.</summary>
        public ProfileDocument Document { get; private set; }

        /// <summary>The <c>[card]</c> section.</summary>
        public ProfileSection Card { get; private set; }

        /// <summary>The <c>[track]</c> section, or null.</summary>
        public ProfileSection Track { get; private set; }

        /// <summary>The card-wide <c>[behaviour]</c> section, or null.</summary>
        public ProfileSection CardBehaviour { get; private set; }

        /// <summary>The optional <c>[timing]</c> section (card-in-field time model, Timing/CardTimingProfile), or null.</summary>
        public ProfileSection Timing { get; private set; }

        /// <summary>Card name (<c>[card] name</c>).</summary>
        public string Name { get; private set; }

        /// <summary>The one-line statement: what the card exercises and the expected terminal outcome.</summary>
        public string Statement { get; private set; }

        /// <summary>Number of applications.</summary>
        public int ApplicationCount { get { return _applications.Count; } }

        /// <summary>The application group at a position (profile order).</summary>
        public ProfileApplication ApplicationAt(int position) { return (ProfileApplication)_applications[position]; }

        /// <summary>Parses and checks the structure of a profile text.</summary>
        public static CardProfile Parse(string text)
        {
            ProfileDocument doc = ProfileDocument.Parse(text);
            CardProfile p = new CardProfile();
            p.Document = doc;
            ProfileApplication app = null;
            for (int i = 0; i < doc.Count; i++)
            {
                ProfileSection s = doc.SectionAt(i);
                if (s.Name != "application" && s.Argument != null)
                    throw new CardProfileException(CardProfileError.Syntax, s.Line, s.Name, "this section takes no argument");
                switch (s.Name)
                {
                    case "card":
                        if (p.Card != null) throw Duplicate(s);
                        s.CheckKeys(CardKeys, false);
                        p.Card = s;
                        break;
                    case "track":
                        if (p.Track != null) throw Duplicate(s);
                        s.CheckKeys(TrackKeys, false);
                        p.Track = s;
                        break;
                    case "timing":
                        if (p.Timing != null) throw Duplicate(s);
                        s.CheckKeys(Terminal.VirtualCards.Timing.CardTimingProfile.Keys, false);
                        p.Timing = s;
                        break;
                    case "application":
                        if (s.Argument == null) throw new CardProfileException(CardProfileError.Missing, s.Line, "application", "the AID follows the section name: [application A0000000031010]");
                        s.CheckKeys(ApplicationKeys, true);
                        app = new ProfileApplication(s);
                        p._applications.Add(app);
                        break;
                    case "records":
                        Owner(app, s);
                        if (app.Records != null) throw Duplicate(s);
                        s.CheckKeys(RecordKeys, false);
                        app.Records = s;
                        break;
                    case "keys":
                        Owner(app, s);
                        if (app.Keys != null) throw Duplicate(s);
                        s.CheckKeys(KeyKeys, false);
                        app.Keys = s;
                        break;
                    case "behaviour":
                        if (app == null)
                        {
                            if (p.CardBehaviour != null) throw Duplicate(s);
                            s.CheckKeys(CardBehaviourKeys, false);
                            p.CardBehaviour = s;
                        }
                        else
                        {
                            if (app.Behaviour != null) throw Duplicate(s);
                            s.CheckKeys(ApplicationBehaviourKeys, false);
                            app.Behaviour = s;
                        }
                        break;
                    default:
                        throw new CardProfileException(CardProfileError.UnknownSection, s.Line, s.Name, "expected card, track, timing, behaviour, application, records or keys");
                }
            }
            if (p.Card == null) throw new CardProfileException(CardProfileError.Missing, 0, "card", "a profile needs a [card] section");
            p.Name = p.Card.RequiredText("name");
            p.Statement = p.Card.RequiredText("statement");
            if (p._applications.Count == 0 && p.Track == null)
                throw new CardProfileException(CardProfileError.Missing, 0, "application", "a profile needs an [application] or a [track] section");
            return p;
        }

        private static void Owner(ProfileApplication app, ProfileSection s)
        {
            if (app == null) throw new CardProfileException(CardProfileError.Inconsistent, s.Line, s.Name, "[" + s.Name + "] must follow an [application]");
        }

        private static CardProfileException Duplicate(ProfileSection s)
        {
            return new CardProfileException(CardProfileError.Duplicate, s.Line, s.Name, "section given twice");
        }
    }

    /// <summary>One application of a profile: its <c>[application]</c>, <c>[records]</c>, <c>[keys]</c> and <c>[behaviour]</c> sections (the last three may be null).</summary>
    public sealed class ProfileApplication
    {
        internal ProfileApplication(ProfileSection application) { Application = application; }

        /// <summary>The <c>[application AID]</c> section.</summary>
        public ProfileSection Application { get; private set; }

        /// <summary>The <c>[records]</c> section, or null.</summary>
        public ProfileSection Records { get; internal set; }

        /// <summary>The <c>[keys]</c> section, or null.</summary>
        public ProfileSection Keys { get; internal set; }

        /// <summary>The <c>[behaviour]</c> section, or null.</summary>
        public ProfileSection Behaviour { get; internal set; }
    }
}
