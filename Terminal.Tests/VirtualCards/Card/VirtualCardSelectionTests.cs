using Terminal.VirtualCards.Card;
using Terminal.EmvKernel.Crypto.Emv;
using Xunit;
using static Terminal.Tests.VirtualCards.Card.Apdu;

namespace Terminal.Tests.VirtualCards.Card;

public class VirtualCardSelectionTests
{
    private static readonly byte[] Pse = "1PAY.SYS.DDF01"u8.ToArray();
    private static readonly byte[] Ppse = "2PAY.SYS.DDF01"u8.ToArray();

    private static CardImage TwoApplications()
    {
        var image = TestCardBuilder.Contact(CryptogramVersion.Visa10);
        var second = TestCardBuilder.ContactApplication(CryptogramVersion.Visa10, TestCardBuilder.VisaElectronAid, "VISA ELECTRON");
        second.ApplicationPriorityIndicator = 0x82;                 // cardholder confirmation, priority 2
        second.KernelIdentifier = new byte[] { 0x03 };
        image.AddApplication(second);
        return image;
    }

    [Fact]
    public void Pse_fci_names_the_directory_sfi_and_records_list_each_application()
    {
        var card = TestCardBuilder.Card(TwoApplications());
        byte[] r = card.Transmit(Select(Pse));
        Assert.Equal(0x9000, Sw(r));
        // 6F { 84 '1PAY.SYS.DDF01', A5 { 88 01 01 } }
        Assert.Equal(H("6F15 840E 315041592E5359532E4444463031 A503 880101"), Data(r));

        byte[] rec1 = card.Transmit(H("00B2010C00"));
        Assert.Equal(0x9000, Sw(rec1));
        Assert.Equal(H("701B 6119 4F07A0000000031010 500B5649534120435245444954 870101"), Data(rec1));
        byte[] rec2 = card.Transmit(H("00B2020C00"));
        Assert.Equal(H("701D 611B 4F07A0000000032010 500D5649534120454C454354524F4E 870182"), Data(rec2));
        Assert.Equal(0x6A83, Sw(card.Transmit(H("00B2030C00"))));
        Assert.Equal(0x6A82, Sw(card.Transmit(H("00B2011400"))));        // SFI 2 is not the directory
    }

    [Fact]
    public void Card_without_pse_answers_6A82()
    {
        var image = TwoApplications();
        image.HasPse = false;
        Assert.Equal(H("6A82"), TestCardBuilder.Card(image).Transmit(Select(Pse)));
    }

    [Fact]
    public void Ppse_fci_has_one_directory_entry_per_application_with_kernel_identifier()
    {
        var card = TestCardBuilder.Card(TwoApplications());
        byte[] r = card.Transmit(Select(Ppse));
        Assert.Equal(0x9000, Sw(r));
        var a5 = Template(r, 0x6F);
        Assert.Equal(Ppse, a5[0x84]);
        byte[] bf0c = Tlvs(a5[0xA5], 0, a5[0xA5].Length)[0xBF0C];
        // two 61 entries: parse sequentially
        Assert.Equal(H("6119 4F07A0000000031010 500B5649534120435245444954 870101"
            + "611F 4F07A0000000032010 500D5649534120454C454354524F4E 870182 9F2A0103"), bf0c);
    }

    [Fact]
    public void Partial_aid_selects_first_then_next_occurrence_then_6A82()
    {
        var card = TestCardBuilder.Card(TwoApplications());
        byte[] partial = H("A000000003");
        byte[] first = card.Transmit(Select(partial));
        Assert.Equal(0x9000, Sw(first));
        Assert.Equal(TestCardBuilder.VisaAid, Template(first, 0x6F)[0x84]);
        byte[] next = card.Transmit(Select(partial, 0x02));
        Assert.Equal(0x9000, Sw(next));
        Assert.Equal(TestCardBuilder.VisaElectronAid, Template(next, 0x6F)[0x84]);
        Assert.Equal(H("6A82"), card.Transmit(Select(partial, 0x02)));
        Assert.Equal(H("6A82"), card.Transmit(Select(H("A0000000041010"))));
    }

    [Fact]
    public void Application_fci_carries_label_priority_pdol_and_language()
    {
        var image = TestCardBuilder.Contact(CryptogramVersion.Visa10);
        image.ApplicationAt(0).Pdol = H("9F6604");
        byte[] r = TestCardBuilder.Card(image).Transmit(Select(TestCardBuilder.VisaAid));
        Assert.Equal(H("6F26 8407A0000000031010 A51B 500B5649534120435245444954 870101 9F38039F6604 5F2D02656E 9000"), r);
    }

    [Fact]
    public void Blocked_application_answers_6283_with_fci_and_blocked_card_answers_6A81()
    {
        var image = TestCardBuilder.Contact(CryptogramVersion.Visa10);
        image.ApplicationAt(0).Blocked = true;
        var card = TestCardBuilder.Card(image);
        byte[] r = card.Transmit(Select(TestCardBuilder.VisaAid));
        Assert.Equal(0x6283, Sw(r));
        Assert.Equal(TestCardBuilder.VisaAid, Template(r, 0x6F)[0x84]);
        Assert.Equal(H("6985"), card.Transmit(Gpo(Array.Empty<byte>())));
        image.CardBlocked = true;
        Assert.Equal(H("6A81"), card.Transmit(Select(TestCardBuilder.VisaAid)));
        Assert.Equal(H("6A81"), card.Transmit(Select(Pse)));
    }
}
