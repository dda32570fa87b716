using Terminal.Firmware.Core.HostLink.Security;
using Terminal.HostSimulation;

namespace Terminal.Emulator.Host;

/// <summary>
/// The in-process host simulator of the emulator (TEST keys: the X9.24-1 test BDK and the test TMK,
/// <see cref="HostKeys.TestKeys"/>), in the terminal's dialect (generic ISO 8583 1987 with DUKPT, or UnionPay with
/// sign-on and master/session keys): one account per application of every library card
/// (<see cref="HostConfiguration.FromCardProfile"/>). A card whose statement says "host = decline" gets an empty
/// account, so the host declines it (51, insufficient funds). The scenario's "host decline" declines every request
/// (05, do not honour) until "host approve". The emulator has every request's MAC (DE 64/128) verified (RequireMac):
/// the terminal's keys come from the same TEST keys.
/// </summary>
public sealed class EmulatorHost
{
    /// <summary>
    /// Creates the host with the library's accounts, speaking <paramref name="dialect"/>; <paramref name="requireMac"/>:
    /// requests without a good MAC are refused (the emulator's terminal MACs every request; tests that drive a bare
    /// HostSession without an authenticator leave it off).
    /// </summary>
    public EmulatorHost(string libraryDirectory, Func<DateTime> clock, HostDialect dialect = HostDialect.Generic, bool requireMac = false)
    {
        var rules = new HostRules { RequireMac = requireMac };
        Simulator = new HostSimulator(dialect, HostKeys.TestKeys(), rules) { Clock = clock };
        // UnionPay: the MAC the terminal's boot uses by default (TerminalBoot.UnionPayMacAlgorithm: the UnionPay POS ECB MAC).
        if (dialect == HostDialect.UnionPay) Simulator.UnionPayMacAlgorithm = MessageMacAlgorithm.UnionPayEcb;
        foreach (string file in Directory.GetFiles(libraryDirectory, "*.card").OrderBy(f => f, StringComparer.Ordinal))
        {
            string text = File.ReadAllText(file);
            bool declines = Terminal.VirtualCards.Personalisation.CardProfile.Parse(text).Card.Text("host") == "decline";
            foreach (HostAccount a in HostConfiguration.FromCardProfile(text))
            {
                if (Simulator.Account(a.Pan) != null) continue;
                if (declines) a.Balance = 0;
                Simulator.AddAccount(a);
            }
        }
        Connection = new InProcessHostConnection(Simulator);
    }

    /// <summary>The simulator.</summary>
    public HostSimulator Simulator { get; }

    /// <summary>The terminal's connection to it.</summary>
    public InProcessHostConnection Connection { get; }

    /// <summary>Applies a scenario "host" step: down, up, approve, decline.</summary>
    public void Apply(string mode)
    {
        switch (mode)
        {
            case "down": Connection.Down = true; break;
            case "up": Connection.Down = false; break;
            case "decline":
                Simulator.Rules.DeclineAbove = 0;
                Simulator.Rules.AmountLimitCode = HostRules.DoNotHonour;
                break;
            case "approve":
                Simulator.Rules.DeclineAbove = -1;
                break;
        }
    }
}
