using System.Diagnostics;
using Terminal.Tests.Tlv;
using Xunit;
using Xunit.Abstractions;

namespace Terminal.Tests.HostLink.Campaign;

/// <summary>
/// Issue 5 acceptance, malformed messages towards the terminal, end to end: TERMINAL_FUZZ_ITERATIONS (default
/// 100,000) damaged host answers (framed or raw random bytes, drops, answers and frames with byte changes) reach
/// the host session, every 0210 and a tenth of the 0410/0230 answers, while the real host simulator processes the
/// requests and keeps its ledger. Nothing may escape the session, and every 2,000 damaged answers the journal and
/// the ledger are reconciled and settled (<see cref="CampaignCheck"/>): a damaged answer is an unknown outcome,
/// reversed, never a lost or double-counted sale. The request direction is fuzzed in
/// Terminal.Tests/HostSimulator/HandleFuzzTests.
/// </summary>
public class AnswerFuzzCampaignTests
{
    private const int ReconcileEvery = 2000;
    private readonly ITestOutputHelper _output;

    public AnswerFuzzCampaignTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Damaged_answers_never_lose_or_double_count_a_transaction()
    {
        long iterations = FuzzIterations.Value;
        const int seed = 5_100_000;
        var watch = Stopwatch.StartNew();
        var rig = new CampaignRig(CampaignMode.Garbage, seed, 0) { FaultsOn = false, DamageAnswers = true };
        int reconciled = 0, settlements = 0;
        try
        {
            while (rig.Stats.DamagedAnswers < iterations)
            {
                FaultCampaignTests.OneTransaction(rig);
                if (rig.Stats.DamagedAnswers - reconciled >= ReconcileEvery || rig.Stats.DamagedAnswers >= iterations)
                {
                    CampaignCheck.DrainCompareSettle(rig);
                    settlements++;
                    reconciled = rig.Stats.DamagedAnswers;
                    rig.DamageAnswers = true;
                }
            }
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"seed {seed}, after {rig.Stats.DamagedAnswers} damaged answers: {e.Message}\n{rig.Stats}", e);
        }
        _output.WriteLine($"{rig.Stats}; settlements {settlements}; {watch.ElapsedMilliseconds} ms");
        Assert.True(rig.Stats.DamagedAnswers >= iterations);
    }
}
