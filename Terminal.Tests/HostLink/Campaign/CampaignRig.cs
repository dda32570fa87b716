using Terminal.Firmware.Core.HostLink.Session;
using Terminal.Firmware.Core.Journal;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.Firmware.Core.HostLink.Security;
using Terminal.HostSimulation;
using Terminal.Tests.HostLink.Transport;
using Terminal.Tests.Journal;
using Xunit;

namespace Terminal.Tests.HostLink.Campaign;

/// <summary>The fault modes of issue 5's acceptance campaign.</summary>
public enum CampaignMode
{
    NoAnswer,
    LateAnswer,
    Garbage,
    WrongMac,
    Disconnect,
    HostRestart,
    PowerCut,
}

/// <summary>Where a fault struck, counted per run.</summary>
public sealed class CampaignStats
{
    public int Transactions, Online, Offline, Refunds, CardDeclines;
    public int BeforeSend, AfterSend, MidResponse, PowerCuts, HostRestarts, Reboots;
    public int Messages, DamagedAnswers, Settlements, FailedSettlements;

    public override string ToString() =>
        $"transactions {Transactions} (online {Online}, offline {Offline}, refunds {Refunds}, card declines {CardDeclines}); " +
        $"messages {Messages}, damaged answers {DamagedAnswers}; strikes: before send {BeforeSend}, after send {AfterSend}, mid-response {MidResponse}, " +
        $"power cuts {PowerCuts}, host restarts {HostRestarts}; terminal reboots {Reboots}; settlements under faults {Settlements} settled, {FailedSettlements} failed";
}

/// <summary>
/// One terminal (journal on two power-cut slots, host session with a DUKPT MAC) wired to one
/// <see cref="HostSimulator"/> through an in-memory <see cref="FakeHostConnection"/> on a <see cref="FakeClock"/>:
/// each frame the terminal sends goes to <see cref="HostSimulator.Process"/> and its <see cref="HostReply"/> is
/// turned into bytes on the link (late answers arrive later on the fake clock, a disconnect sends part of the
/// frame and drops the link). A share <see cref="FaultRate"/> of the messages meets a fault, a third each: the request
/// lost before the host, the mode's own fault after the host processed it (<see cref="ModeFault"/>), or a power cut
/// armed for one of the terminal's next three journal writes at a random byte; and before a quarter of that share
/// of operations the connect or the send fails (<see cref="MaybeFailBeforeSend"/>). Nothing sleeps: a wait moves
/// the fake clock.
/// </summary>
public sealed class CampaignRig
{
    public const string TerminalId = "CAMP0001";
    public const string MerchantId = "MERCHANT0000001";
    public const string Currency = "978";
    public const string LocalDate = "0615";
    public const int TimeoutMs = 5000;

    /// <summary>Test PANs by scheme; each is an account at the host (no DE 55: no ARQC to verify).</summary>
    public static readonly (CardScheme Scheme, string Pan)[] Cards =
    {
        (CardScheme.Visa, "4761739001010010"),
        (CardScheme.Mastercard, "5413330089010012"),
        (CardScheme.Amex, "374245455400001"),
        (CardScheme.UnionPay, "6225260000000017"),
        (CardScheme.Other, "6011000000000004"),
    };

    /// <summary>Amounts above this are declined by the host (61), so some online sales are declined.</summary>
    public const long DeclineAbove = 180_000;

    private readonly Random _r;

    public CampaignRig(CampaignMode mode, int seed, double faultRate)
    {
        Mode = mode;
        _r = new Random(seed);
        FaultRate = faultRate;
        Host = new HostSimulator(HostDialect.Generic, HostKeys.TestKeys(), new HostRules { DeclineAbove = DeclineAbove })
        {
            Clock = () => new DateTime(2026, 6, 15, 10, 30, 0, DateTimeKind.Utc),
        };
        foreach (var card in Cards)
            Host.AddAccount(new HostAccount(card.Pan) { Expiry = "3012", Balance = 1_000_000_000_000 });
        Host.Restarted += () => Stats.HostRestarts++;
        Power = new PowerSupply();
        SlotA = new PowerCutStorage(Power);
        SlotB = new PowerCutStorage(Power);
        Link = new FakeHostConnection(Clock) { OnSend = HostReceives };
        Mac = TerminalDukpt(Host.Keys, 7);
        Boot();
    }

    public CampaignMode Mode { get; }
    public double FaultRate { get; }
    public bool FaultsOn { get; set; } = true;
    /// <summary>Fuzz: every answer to a 0200 (and a tenth of the others) is damaged on the way (see <see cref="DeliverDamaged"/>).</summary>
    public bool DamageAnswers { get; set; }
    public CampaignStats Stats { get; } = new();
    public FakeClock Clock { get; } = new();
    public FakeHostConnection Link { get; }
    public HostSimulator Host { get; }
    public PowerSupply Power { get; }
    public PowerCutStorage SlotA { get; }
    public PowerCutStorage SlotB { get; }
    public DukptMessageAuthenticator Mac { get; }

    /// <summary>
    /// The terminal's DUKPT message security, dialect A, as key injection leaves it: the IPEK derived from the host's
    /// test BDK and an initial KSN made from <paramref name="deviceId"/>. The DUKPT registers are the device's secure
    /// storage: they survive the power cuts of the campaign.
    /// </summary>
    public static DukptMessageAuthenticator TerminalDukpt(HostKeys keys, int deviceId)
    {
        byte[] ksn = Convert.FromHexString("FFFF9876543210E00000");
        ksn[4] = (byte)(deviceId >> 16); ksn[5] = (byte)(deviceId >> 8); ksn[6] = (byte)deviceId;
        var dukpt = new TdesDukptTerminal();
        dukpt.LoadInitialKey(TdesDukpt.DeriveIpek(keys.TdesBdk, ksn), ksn);
        return new DukptMessageAuthenticator(dukpt, Generic87Dialect.Dialect.Packager);
    }
    public TransactionJournal Journal { get; private set; }
    public HostSession Session { get; private set; }

    public Random Random => _r;

    /// <summary>Power on: the journal is opened (recovery) from its slots and a new session made, as the firmware does.</summary>
    private void Boot()
    {
        Journal = TransactionJournal.Open(SlotA, SlotB);
        Session = new HostSession(Link, Clock, Journal, Generic87SessionMessages.Instance) { Authenticator = Mac };
        Session.Exchange.TimeoutMs = TimeoutMs;
    }

    /// <summary>Transaction fields of this terminal for a card and amount.</summary>
    public static TransactionFields Fields(int stan, string pan, long amount) => new()
    {
        Pan = pan,
        Amount = amount,
        Stan = stan,
        TransmissionDateTime = LocalDate + "103045",
        LocalTime = "103045",
        LocalDate = LocalDate,
        ExpiryDate = "3012",
        PosEntryMode = "051",
        TerminalId = TerminalId,
        MerchantId = MerchantId,
        CurrencyCode = Currency,
    };

    public static TransactionFields SettlementFields() => new()
    {
        TerminalId = TerminalId,
        MerchantId = MerchantId,
        TransmissionDateTime = LocalDate + "180000",
        CurrencyCode = Currency,
    };

    /// <summary>
    /// Runs one terminal operation. A power cut ends it (the journal refuses writes: <see cref="JournalException"/>);
    /// the terminal then reboots and, as the firmware does on its next connection, sends pending reversals and
    /// advices (which may be cut again). Any other exception is a defect and propagates.
    /// </summary>
    public void Run(Action operation)
    {
        Attempt(operation);
        int reboots = 0;
        while (Power.Off)
        {
            if (++reboots > 50) throw new InvalidOperationException("terminal cannot recover from power cuts");
            Power.Restore();
            Link.Close();                          // the link died with the power
            Stats.Reboots++;
            Boot();
            Attempt(() =>
            {
                Session.SendPendingReversals();
                Session.SendPendingAdvices();
            });
        }
    }

    private void Attempt(Action operation)
    {
        try
        {
            operation();
        }
        catch (JournalException) when (Power.Off)
        {
            // The power cut struck during a journal write or made the next one fail: the terminal is down.
        }
    }

    /// <summary>Before an operation: a fault may strike before anything is sent (connect or send failure).</summary>
    public void MaybeFailBeforeSend()
    {
        if (!FaultsOn || _r.NextDouble() >= FaultRate / 4) return;
        Stats.BeforeSend++;
        if (_r.Next(2) == 0) Link.FailConnects = 1;
        else Link.FailNextSend = true;
    }

    /// <summary>Faults off, power on, link clean: the drain and settlement at the end of a run.</summary>
    public void StopFaults()
    {
        FaultsOn = false;
        DamageAnswers = false;
        Power.Disarm();
        Link.FailConnects = 0;
        Link.FailNextSend = false;
        Host.Faults.Clear();
    }

    /// <summary>The host side of the link: one whole frame from the terminal.</summary>
    private void HostReceives(FakeHostConnection link, byte[] payload)
    {
        Stats.Messages++;
        HostFault fault = HostFault.None;
        bool cutWhileWaiting = false;
        bool restartAfterProcessing = false;
        if (FaultsOn && _r.NextDouble() < FaultRate)
        {
            switch (_r.Next(3))
            {
                case 0:
                    // Before send (from the host's view): the request never arrives.
                    Stats.BeforeSend++;
                    fault = HostFault.RequestLost;
                    break;
                case 1:
                    fault = ModeFault(ref cutWhileWaiting, ref restartAfterProcessing);
                    break;
                default:
                    // A power cut at one of the terminal's next journal writes, at a random byte.
                    Stats.PowerCuts++;
                    Power.ArmWriteCut(_r.Next(3), _r.NextDouble());
                    break;
            }
        }
        if (fault == HostFault.LateAnswer)
            Host.Faults.LateDelay = TimeSpan.FromMilliseconds(_r.Next(TimeoutMs / 4, TimeoutMs * 3));
        if (fault != HostFault.None) Host.Faults.QueueNext(fault);
        HostReply reply = Host.Process(payload);
        Assert.Equal(0, Host.InternalErrors);

        if (cutWhileWaiting)
        {
            Power.CutNow();                         // the host answered, the terminal is dead before reading it
            link.Disconnect();
            return;
        }
        if (restartAfterProcessing)
        {
            Host.Restart();                         // processed, then the host went down before answering
            link.Disconnect();
            return;
        }
        if (DamageAnswers && reply.Payload != null
            && (Generic87Dialect.Dialect.Parse(payload).Mti == MessageTypes.FinancialRequest || _r.Next(10) == 0))
        {
            Stats.DamagedAnswers++;
            DeliverDamaged(link, reply.Payload);
            return;
        }
        if (reply.Payload != null)
        {
            byte[] frame = LengthPrefixFrame.Wrap(reply.Payload);
            if (reply.Fault == HostFault.Disconnect)
            {
                int sent = _r.Next(frame.Length);  // any byte of the frame, including before the first
                if (sent > 0) link.Deliver(frame[..sent]);
                link.Disconnect();
                return;
            }
            link.Deliver(frame, (long)reply.Delay.TotalMilliseconds);
        }
        if (reply.CloseAfter) link.Disconnect();
    }

    /// <summary>The mode's own fault after the request reached the host (after send / mid-response).</summary>
    private HostFault ModeFault(ref bool cutWhileWaiting, ref bool restartAfterProcessing)
    {
        switch (Mode)
        {
            case CampaignMode.NoAnswer: Stats.AfterSend++; return HostFault.NoAnswer;
            case CampaignMode.LateAnswer: Stats.AfterSend++; return HostFault.LateAnswer;
            case CampaignMode.Garbage: Stats.MidResponse++; return HostFault.Garbage;
            case CampaignMode.WrongMac: Stats.MidResponse++; return HostFault.WrongMac;
            case CampaignMode.Disconnect: Stats.MidResponse++; return HostFault.Disconnect;
            case CampaignMode.HostRestart:
                Stats.AfterSend++;
                if (_r.Next(2) == 0) return HostFault.Restart;     // before processing: the request is lost
                restartAfterProcessing = true;                      // after processing: the answer is lost
                return HostFault.None;
            default:
                Stats.PowerCuts++;
                cutWhileWaiting = true;
                return HostFault.None;
        }
    }

    /// <summary>
    /// Delivers a damaged form of the host's answer: framed random bytes, raw random bytes (with or without a drop),
    /// the answer with 1-4 byte changes (flip, replace, insert, delete, truncate) framed, or the whole frame so changed.
    /// </summary>
    private void DeliverDamaged(FakeHostConnection link, byte[] answer)
    {
        switch (_r.Next(4))
        {
            case 0:
                link.DeliverFrame(RandomBytes(1, 300));
                break;
            case 1:
                link.Deliver(RandomBytes(1, 300));
                if (_r.Next(2) == 0) link.Disconnect();
                break;
            case 2:
                byte[] changed = Mutate(answer);
                if (changed.Length > 0) link.DeliverFrame(changed);
                break;
            default:
                byte[] frame = Mutate(LengthPrefixFrame.Wrap(answer));
                if (frame.Length > 0) link.Deliver(frame);
                break;
        }
    }

    private byte[] RandomBytes(int min, int max)
    {
        var b = new byte[_r.Next(min, max + 1)];
        _r.NextBytes(b);
        return b;
    }

    private byte[] Mutate(byte[] input)
    {
        var bytes = new List<byte>(input);
        int count = 1 + _r.Next(4);
        for (int i = 0; i < count; i++)
        {
            int at = bytes.Count == 0 ? 0 : _r.Next(bytes.Count);
            switch (_r.Next(5))
            {
                case 0: if (bytes.Count > 0) bytes[at] ^= (byte)(1 << _r.Next(8)); break;
                case 1: if (bytes.Count > 0) bytes[at] = (byte)_r.Next(256); break;
                case 2: bytes.Insert(at, (byte)_r.Next(256)); break;
                case 3: if (bytes.Count > 0) bytes.RemoveAt(at); break;
                default: if (bytes.Count > 0) bytes.RemoveRange(at, bytes.Count - at); break;
            }
        }
        return bytes.ToArray();
    }
}
