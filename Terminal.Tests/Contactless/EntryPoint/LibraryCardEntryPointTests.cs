using System.Text.RegularExpressions;
using Xunit;
using Terminal.EmvKernel.Contactless.EntryPoint;
using Terminal.EmvKernel.Util;
using Terminal.Tests.VirtualCards.Library;
using Terminal.VirtualCards.Card;
using static Terminal.Tests.Contactless.EntryPoint.EntryPointTestSupport;

namespace Terminal.Tests.Contactless.EntryPoint;

/// <summary>Entry Point against the library's contactless cards (virtual cards personalised from cards/*.card).</summary>
public class LibraryCardEntryPointTests
{
    public static IEnumerable<object[]> ContactlessCards() =>
        CardLibrary.CardNames()
            .Where(n => Regex.IsMatch(File.ReadAllText(Path.Combine(CardLibrary.Root, n + ".card")), @"^interface\s*=.*contactless", RegexOptions.Multiline))
            .Select(n => new object[] { n });

    /// <summary>Book B Table 3-6 (reference notes 4.4): the default kernel of the card's RID (no '9F2A' in the library cards).</summary>
    private static int ExpectedKernel(string aidHex) => aidHex[..10] switch
    {
        "A000000003" => 3,
        "A000000004" => 2,
        "A000000333" => 7,
        _ => throw new InvalidOperationException("no combination for " + aidHex),
    };

    [Fact]
    public void The_library_has_contactless_cards_of_three_schemes()
    {
        var names = ContactlessCards().Select(o => (string)o[0]).ToArray();
        Assert.Contains(names, n => n.StartsWith("visa-qvsdc"));
        Assert.Contains(names, n => n.StartsWith("mastercard-mchip"));
        Assert.Contains(names, n => n.StartsWith("unionpay-quics"));
    }

    [Theory]
    [MemberData(nameof(ContactlessCards))]
    public void Each_contactless_card_selects_its_application_and_kernel(string name)
    {
        var image = CardLibrary.Image(name);
        var card = new VirtualCard(image);
        string aid = Hex.Encode(image.ApplicationAt(0).Aid);
        var kernel = new ScriptedKernel(Outcome(ContactlessOutcome.Approved));
        // One kernel object serves kernels 2, 3 and 7 here: the test looks at what Entry Point selected.
        var process = Process(new ScriptedReader().Tap(card), new RecordingUi(), (2, kernel), (3, kernel), (7, kernel));
        var result = process.Start(Purchase(1000));
        Assert.Equal(ContactlessOutcome.Approved, result.Outcome.Outcome);
        var a = Assert.Single(kernel.Activations);
        Assert.Equal(aid, a.AdfName);
        Assert.Equal(ExpectedKernel(aid), a.KernelId);
        // The FCI handed over is the card's answer to SELECT of that ADF: it names the ADF in '84'.
        var fci = result.Selected.ParsedFci;
        Assert.Equal(aid, Hex.Encode(fci.FindTopLevel(0x6F).Children.FindValue(0x84)));
    }

    [Fact]
    public void Library_card_ppse_parses_to_its_applications()
    {
        var image = CardLibrary.Image("unionpay-quics-online");
        var card = new VirtualCard(image);
        var response = card.Transmit(Hex.Decode(SelectPpse));
        Assert.Equal("9000", Hex.Encode(response[^2..]));
        var entries = PpseDirectory.Parse(response[..^2]);
        var entry = Assert.Single(entries);
        Assert.Equal(UnionPayAid, Hex.Encode(entry.AdfName));
        Assert.Equal(KernelIdentifier.Kernel7, entry.RequestedKernelId);
    }

    [Fact]
    public void Card_kernel_identifier_overrides_the_rid_default()
    {
        // The visa-qvsdc-online card with '9F2A' = 02 in its PPSE entry: only a {Visa AID, kernel 2} combination matches.
        var image = CardLibrary.Image("visa-qvsdc-online");
        image.ApplicationAt(0).KernelIdentifier = [0x02];
        var kernel = new ScriptedKernel(Outcome(ContactlessOutcome.Approved));
        var combos = new[] { Combination(VisaAid, 3), Combination(VisaAid, 2) };
        var result = Process(combos, new ScriptedReader().Tap(new VirtualCard(image)), new RecordingUi(), (2, kernel), (3, kernel)).Start(Purchase(1000));
        Assert.Equal(2, result.Selected.KernelId);
    }

    [Fact]
    public void Card_without_ppse_ends_the_application()
    {
        var image = CardLibrary.Image("visa-qvsdc-online");
        image.HasPpse = false;
        var ui = new RecordingUi();
        var kernel = new ScriptedKernel(Outcome(ContactlessOutcome.Approved));
        var result = Process(new ScriptedReader().Tap(new VirtualCard(image)), ui, (3, kernel)).Start(Purchase(1000));
        Assert.Equal(ContactlessOutcome.EndApplication, result.Outcome.Outcome);
        Assert.Empty(kernel.Activations);
        Assert.Equal("1C/ReadyToRead", ui.Messages[^1]);
    }

    [Theory]
    [InlineData(0)]   // removed before SELECT PPSE
    [InlineData(1)]   // removed before SELECT ADF
    public void Library_card_removed_during_selection_is_read_on_the_next_tap(int answered)
    {
        // The card leaves the field after answering `answered` commands; the second tap (card reset, removal
        // switched off) completes selection and activates the kernel once.
        var image = CardLibrary.Image("mastercard-mchip-online");
        var card = new VirtualCard(image);
        if (answered == 0) card.Remove();
        else image.Behaviour.RemoveAfterCommands = answered;
        var reader = new ScriptedReader().Tap(card).Tap(card);
        int taps = 0;
        reader.OnTap = c =>
        {
            if (++taps == 2)
            {
                image.Behaviour.RemoveAfterCommands = 0;
                card.Reset();
            }
            return c;
        };
        var kernel = new ScriptedKernel(Outcome(ContactlessOutcome.OnlineRequest));
        var result = Process(reader, new RecordingUi(), (2, kernel)).Start(Purchase(1000));
        Assert.Equal(ContactlessOutcome.OnlineRequest, result.Outcome.Outcome);
        Assert.Equal(2, reader.Activations);
        Assert.Single(kernel.Activations);
    }
}
