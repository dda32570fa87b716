using Xunit;
using Terminal.EmvKernel.Contactless.EntryPoint;
using Terminal.EmvKernel.Util;

namespace Terminal.Tests.Contactless.EntryPoint;

/// <summary>The C-2 'DF8129' encoding of the Outcome Parameter Set (reference notes 4.2).</summary>
public class OutcomeParameterSetTests
{
    [Fact]
    public void Not_applicable_everywhere_encodes_as_the_c2_default()
    {
        // Notes 4.2: default F0 F0 F0 F0 00 F0 FF 00 (status, start, online response, CVM N/A; no flags;
        // alternate interface N/A; no field off; removal timeout 0).
        Assert.Equal("F0F0F0F000F0FF00", Hex.Encode(new OutcomeParameterSet(ContactlessOutcome.NotApplicable).ToC2Encoding()));
    }

    [Fact]
    public void Every_field_lands_in_its_byte()
    {
        var o = new OutcomeParameterSet(ContactlessOutcome.TryAgain)
        {
            Start = StartPoint.B,                                         // byte 2: 1 << 4
            Cvm = OutcomeCvm.OnlinePin,                                   // byte 4: 2 << 4
            UiRequestOnOutcome = new UiRequest(UiMessage.SeePhone, UiStatus.NotReady),   // byte 5 b8
            UiRequestOnRestart = new UiRequest(UiMessage.PresentCard, UiStatus.ReadyToRead), // byte 5 b7
            DataRecord = [0x9F, 0x27, 0x01, 0x80],                        // byte 5 b6
            Receipt = true,                                               // byte 5 b4
            AlternateInterface = AlternateInterface.ContactChip,          // byte 6: 1 << 4
            FieldOffRequest = 13,                                         // byte 7
            RemovalTimeout = 0,
        };
        // status Try Again = 7 -> 70; 80|40|20|08 = E8.
        Assert.Equal("7010F020E8100D00", Hex.Encode(o.ToC2Encoding()));
    }

    [Theory]
    [InlineData(ContactlessOutcome.Approved, "10")]
    [InlineData(ContactlessOutcome.Declined, "20")]
    [InlineData(ContactlessOutcome.OnlineRequest, "30")]
    [InlineData(ContactlessOutcome.EndApplication, "40")]
    [InlineData(ContactlessOutcome.SelectNext, "50")]
    [InlineData(ContactlessOutcome.TryAnotherInterface, "60")]
    [InlineData(ContactlessOutcome.TryAgain, "70")]
    public void Status_codes(ContactlessOutcome outcome, string first)
    {
        Assert.Equal(first, Hex.Encode(new OutcomeParameterSet(outcome).ToC2Encoding())[..2]);
    }

    [Fact]
    public void Ui_hold_time_is_three_bytes_of_100_ms()
    {
        Assert.Equal(0xFFFFFF, new UiRequest(UiMessage.Approved, UiStatus.CardReadSuccessfully, 0xFFFFFF).HoldTime);
        Assert.Throws<ArgumentOutOfRangeException>(() => new UiRequest(UiMessage.Approved, UiStatus.CardReadSuccessfully, 0x1000000));
    }
}
