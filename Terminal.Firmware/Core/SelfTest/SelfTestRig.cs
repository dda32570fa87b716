using Terminal.EmvKernel.Capk;
using Terminal.EmvKernel.Configuration;
using Terminal.EmvKernel.Crypto;
using Terminal.Firmware.Core.App;
using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.HostLink.Session;
using Terminal.Firmware.Core.Journal;
using Terminal.Firmware.Core.Provisioning;
using Terminal.Firmware.Core.Ui;
using Terminal.VirtualCards.Card;

namespace Terminal.Firmware.Core.SelfTest
{
    /// <summary>
    /// One self-test terminal, built fresh for a scenario: the firmware application
    /// (<see cref="TerminalApplication"/>) on in-memory devices - scripted keypad on a <see cref="SelfTestClock"/>,
    /// display and printer captures, chip slot, contactless field and magstripe head holding the scenario's virtual
    /// card - with the real host link (<see cref="HostSession"/> with <see cref="Generic87SessionMessages"/> over a
    /// <see cref="SelfTestHostConnection"/> to the <see cref="SelfTestAcquirer"/>), a real
    /// <see cref="TransactionJournal"/> on <see cref="MemoryJournalStorage"/> and
    /// <see cref="SessionPaymentHost.Generic"/> as the application's host. The configuration is a provisioning file
    /// (<see cref="ConfigurationFile"/>) read by <see cref="ProvisioningConsole.LoadFile"/>, as a board's is.
    /// </summary>
    public sealed class SelfTestRig
    {
        /// <summary>
        /// The self-test terminal's provisioning: English, CNY (156, exponent 2), Visa on kernel 3 and UnionPay on
        /// kernel 7 with the reference terminal's reader CVM required limit 50.00, no fallback, no PIN bypass and no
        /// PIN key (no online PIN scenario). TEST identities only.
        /// </summary>
        public const string ConfigurationFile =
            "set tid SELFTEST\n" +
            "set mid SELFTEST0000001\n" +
            "set merchant SELF TEST\n" +
            "set language en\n" +
            "set currency 156 CNY 2 symbol\n" +
            "set maxamount 100000\n" +
            "set fallback off\n" +
            "set pinbypass off\n" +
            "set cvmlimit 5000\n" +
            "aid add A0000000031010 kernel 3\n" +
            "aid add A000000333010101 kernel 7\n";

        /// <summary>Most steps from the amount's OK to the card prompt, and from the card to the result.</summary>
        public const int MaxSteps = 50;

        /// <summary>Builds the terminal for one scenario.</summary>
        public SelfTestRig(TerminalConfiguration configuration, KernelConfiguration kernel, CaPublicKeyStore caKeys,
            ICryptoProvider crypto, IRandomSource random, SelfTestAcquirer acquirer)
        {
            if (configuration == null || kernel == null || caKeys == null || crypto == null || random == null || acquirer == null)
                throw new System.ArgumentNullException("configuration", "configuration, kernel, CA keys, crypto, random and acquirer are required");
            Configuration = configuration;
            Acquirer = acquirer;
            Clock = new SelfTestClock();
            Display = new SelfTestDisplay();
            Keypad = new SelfTestKeypad(Clock, Display);
            Printer = new SelfTestPrinter();
            Slot = new SelfTestSlot();
            Field = new SelfTestField();
            StripeHead = new SelfTestStripeHead();
            Connection = new SelfTestHostConnection(acquirer, Clock);

            TerminalHardware h = new TerminalHardware();
            h.Keypad = Keypad;
            h.Display = Display;
            h.Printer = Printer;
            h.ContactReader = Slot;
            h.ContactlessReader = Field;
            h.MagstripeReader = StripeHead;
            h.JournalStorage = new MemoryJournalStorage();
            h.Clock = Clock;
            h.WallClock = new SelfTestWallClock();
            h.Crypto = crypto;
            h.Random = random;

            Journal = TransactionJournal.Open(h.JournalStorage, new MemoryJournalStorage());
            Session = new HostSession(Connection, Clock, Journal, Generic87SessionMessages.Instance);
            IPaymentHost host = SessionPaymentHost.Generic(Session, configuration, h.WallClock);
            PaymentKernels kernels = new PaymentKernels(kernel, caKeys, random, PaymentKernels.CombinationsOf(configuration));
            App = new TerminalApplication(h, configuration, kernels, host, null);
        }

        /// <summary>The cardholder types <paramref name="pin"/> and OK at every PIN prompt (null: types nothing).</summary>
        public void CardholderPin(string pin)
        {
            Keypad.AnswerPinPrompts(new string[]
            {
                MessageCatalog.Text(MessageId.EnterPin, Configuration.Language),
                MessageCatalog.Text(MessageId.EnterOnlinePin, Configuration.Language)
            }, pin);
        }

        /// <summary>The terminal's configuration.</summary>
        public TerminalConfiguration Configuration { get; private set; }

        /// <summary>The application under test.</summary>
        public TerminalApplication App { get; private set; }

        /// <summary>The application's clock.</summary>
        public SelfTestClock Clock { get; private set; }

        /// <summary>The keypad.</summary>
        public SelfTestKeypad Keypad { get; private set; }

        /// <summary>The display.</summary>
        public SelfTestDisplay Display { get; private set; }

        /// <summary>The receipt printer.</summary>
        public SelfTestPrinter Printer { get; private set; }

        /// <summary>The chip slot.</summary>
        public SelfTestSlot Slot { get; private set; }

        /// <summary>The contactless field.</summary>
        public SelfTestField Field { get; private set; }

        /// <summary>The magstripe head.</summary>
        public SelfTestStripeHead StripeHead { get; private set; }

        /// <summary>The host link.</summary>
        public SelfTestHostConnection Connection { get; private set; }

        /// <summary>The acquirer at the other end.</summary>
        public SelfTestAcquirer Acquirer { get; private set; }

        /// <summary>The journal.</summary>
        public TransactionJournal Journal { get; private set; }

        /// <summary>The host session.</summary>
        public HostSession Session { get; private set; }

        /// <summary>
        /// The cashier keys <paramref name="amount"/> (minor units) and OK; true when the terminal then waits for a card.
        /// </summary>
        public bool KeyAmount(long amount)
        {
            Keypad.TypeThenEnter(amount.ToString());
            for (int i = 0; i < MaxSteps && App.State != AppState.PresentCard; i++) App.Step();
            return App.State == AppState.PresentCard;
        }

        /// <summary>The cardholder inserts <paramref name="card"/>.</summary>
        public void Insert(VirtualCard card)
        {
            Slot.Insert(card);
        }

        /// <summary>The cardholder taps <paramref name="card"/>.</summary>
        public void Tap(VirtualCard card)
        {
            Field.Tap(card);
        }

        /// <summary>The cashier swipes a profile's track 2.</summary>
        public void Swipe(string profileTrack2)
        {
            StripeHead.Swipe(profileTrack2);
        }

        /// <summary>
        /// Steps the application until the transaction ends; a chip card left in the slot is then taken out (the
        /// receipt prints on removal). True when a transaction finished within <see cref="MaxSteps"/>.
        /// </summary>
        public bool RunTransaction()
        {
            int before = App.TransactionCount;
            for (int i = 0; i < MaxSteps && App.TransactionCount == before; i++) App.Step();
            if (App.TransactionCount == before) return false;
            if (App.State == AppState.RemoveCard)
            {
                Slot.Remove();
                App.Step();
            }
            return true;
        }
    }
}
