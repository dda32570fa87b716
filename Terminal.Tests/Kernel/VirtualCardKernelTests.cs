using Xunit;
using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.DataObjects;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Tlv;
using Terminal.EmvKernel.Util;
using Terminal.Tests.VirtualCards.Card;
using Terminal.Tests.VirtualCards.Library;
using Terminal.VirtualCards.Card;
using static Terminal.Tests.Kernel.KernelTestSupport;

namespace Terminal.Tests.Kernel;

/// <summary>The first kernel steps against library cards from cards/ run by the portable simulator.</summary>
public class VirtualCardKernelTests
{
    private const string VisaDebit = "A0000000032010";

    private static (VirtualCard Card, ApduTrace Trace) Load(string name)
    {
        CardImage image = CardLibrary.Image(name);
        return (new VirtualCard(image, new CountingRandom(), CardLibrary.Crypto), new ApduTrace());
    }

    private static Flow RunFlow(string name, ICardholderConfirmation confirmation = null, params string[] aids)
    {
        var (card, _) = Load(name);
        var flow = new Flow(card, Aids(false, aids.Length == 0 ? new[] { Visa, VisaDebit, Mastercard } : aids), confirmation);
        return flow.Run();
    }

    [Fact]
    public void Dda_card_is_selected_through_the_pse_and_fully_read()
    {
        CardImage image = CardLibrary.Image("visa-dda-pass");
        Assert.True(image.HasPse);
        var flow = new Flow(new VirtualCard(image, new CountingRandom(), CardLibrary.Crypto), Aids(false, Visa)).Run();

        Assert.True(flow.Selection.CandidatesFromPse);
        CardApplication app = (CardApplication)image.Applications[0];
        Assert.Equal(Hex.Encode(app.Aip), Hex.Encode(flow.Options.Aip));
        Assert.Equal(Hex.Encode(app.Afl), Hex.Encode(flow.CardData.Get(0x94)));
        // Independent expectation from the personalised image: Book 3, 10.3 - the '70' value of each record the
        // AFL flags for ODA (all this card's records are in SFI 1-10).
        var afl = new ApplicationFileLocator(app.Afl);
        var expected = new List<byte>();
        int records = 0;
        for (int e = 0; e < afl.Count; e++)
        {
            AflEntry entry = afl.EntryAt(e);
            for (int r = entry.FirstRecord; r <= entry.LastRecord; r++)
            {
                records++;
                if (!entry.IsOdaRecord(r)) continue;
                CardRecord record = app.Records.Cast<CardRecord>().Single(x => x.Sfi == entry.Sfi && x.RecordNumber == r);
                Assert.True(entry.Sfi <= 10);
                expected.AddRange(TlvParser.Parse(record.Data).FindTopLevel(0x70)!.CopyValue());
            }
        }
        Assert.True(afl.OdaRecordCount > 0);
        Assert.Equal(records, flow.Data.RecordsRead);
        Assert.Equal(expected.Count, flow.Data.StaticDataToBeAuthenticated.Length);
        Assert.Equal(expected.ToArray(), flow.Data.StaticDataToBeAuthenticated);
        // The ODA objects of a DDA card are there for the next step.
        foreach (int tag in new[] { 0x8F, 0x90, 0x9F32, 0x9F46, 0x9F47, 0x5A, 0x5F24, 0x8C, 0x8D })
            Assert.Equal(Hex.Encode(CardLibrary.RecordValue(app, tag)), Hex.Encode(flow.CardData.Get(tag)));
    }

    [Fact]
    public void Card_without_pse_is_selected_from_the_list_of_aids()
    {
        Flow flow = RunFlow("visa-no-pse");
        Assert.False(flow.Selection.CandidatesFromPse);
        Assert.Equal(Visa, Hex.Encode(flow.Options.Application.DfName));
        Assert.True(flow.Data.RecordsRead > 0);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Blocked_application_is_left_out_and_the_other_selected(bool usePse)
    {
        var (card, _) = Load("visa-blocked-application");
        var flow = new Flow(card, Aids(false, Visa, VisaDebit), usePse: usePse).Run();
        Assert.Equal(VisaDebit, Hex.Encode(flow.Options.Application.DfName));
        Assert.True(flow.Data.RecordsRead > 0);
    }

    [Fact]
    public void Two_applications_requiring_confirmation_are_offered_in_priority_order()
    {
        // 87 = 81 (A0000000032010, priority 1) and 82 (A0000000031010, priority 2), both needing confirmation.
        var cardholder = new Cardholder(0);
        Flow flow = RunFlow("visa-two-apps-priority", cardholder);
        Assert.Equal(new[] { VisaDebit, Visa }, cardholder.Shown.Single());
        Assert.Equal(VisaDebit, Hex.Encode(flow.Options.Application.DfName));
    }

    [Fact]
    public void Two_applications_cardholder_picks_the_second()
    {
        Flow flow = RunFlow("visa-two-apps-priority", new Cardholder(1));
        Assert.Equal(Visa, Hex.Encode(flow.Options.Application.DfName));
    }

    [Fact]
    public void Two_applications_requiring_confirmation_on_a_terminal_without_it_are_not_accepted()
    {
        var e = Terminated(() => RunFlow("visa-two-apps-priority"));
        Assert.Equal(KernelTerminationReason.NoMutualApplication, e.Reason);
    }

    [Fact]
    public void Card_removed_after_selection_gives_card_removed()
    {
        var (card, _) = Load("visa-dda-pass");
        var flow = new Flow(card, Aids(false, Visa));
        flow.Selection.SelectApplication();
        card.Remove();
        var e = Terminated(() => new InitiateApplicationProcessing(flow.Transport, flow.Terminal, flow.CardData).Run(flow.Selection));
        Assert.Equal(KernelTerminationReason.CardRemoved, e.Reason);
    }
}
