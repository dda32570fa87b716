#nullable enable
using Terminal.EmvKernel.Kernel;
using Xunit;
using static Terminal.EmvKernel.Kernel.OutcomeReason;
using static Terminal.EmvKernel.Kernel.TransactionDecision;

namespace Terminal.Tests.Kernel.Scenarios;

/// <summary>
/// Floor limit checking through the whole kernel (EMV 4.4 Book 3, 10.6.1): the reference terminal's floor limit is
/// 100.00; an amount equal to or above it sets TVR B4b8 "transaction exceeds floor limit" (80), which the library
/// IAC-online DCE004F800 (byte 4 F8) turns into an ARQC (Book 3 10.7); the test issuer approves. Below it, TVR 0 and
/// a TC. TSI E800 (ODA, CVM, card risk management, TRM performed); CVM list 1E03 1F03 -> signature 1E0300.
/// </summary>
public class RiskScenarioTests
{
    [Theory]
    // 99.99 < 100.00: no bit, TC.
    [InlineData("visa-dda-pass", 9999, "0000000000", ApprovedOffline, "Y1")]
    // 100.00 = floor limit: "equal to or greater than" -> B4b8.
    [InlineData("visa-dda-pass", 10000, "0000008000", ApprovedOnline, "00")]
    // 100.01 > floor limit -> B4b8.
    [InlineData("visa-dda-pass", 10001, "0000008000", ApprovedOnline, "00")]
    // SDA card (AIP 5800): SDA selected B1b2 (02) stays with the floor-limit bit: 0200008000.
    [InlineData("visa-sda-pass", 10000, "0200008000", ApprovedOnline, "00")]
    // CDA card: the ARQC and the second GENERATE AC TC carry valid CDA signatures; TVR only B4b8.
    [InlineData("mastercard-cda-pass", 10001, "0000008000", ApprovedOnline, "00")]
    // CDA card just under the limit: offline TC with CDA.
    [InlineData("mastercard-cda-pass", 9999, "0000000000", ApprovedOffline, "Y1")]
    public void Floor_limit_boundary(string card, long amount, string tvr, TransactionDecision decision, string arc)
    {
        Scenario s = Scenario.Run(card, amount: amount);

        ScenarioExpect.Outcome(s, decision, decision == ApprovedOnline ? HostApproved : CardApprovedOffline, tvr, "E800", "1E0300", arc);
        if (decision == ApprovedOnline) ScenarioExpect.OneOnlineRequest(s, tvr, "1E0300", amount);
        else ScenarioExpect.NoOnlineRequest(s);
    }
}
