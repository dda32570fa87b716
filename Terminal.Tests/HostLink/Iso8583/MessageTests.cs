using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Xunit;

namespace Terminal.Tests.HostLink.Iso8583;

/// <summary>The message container, MTI rules and log masking.</summary>
public class MessageTests
{
    [Fact]
    public void Response_and_repeat_mtis_follow_iso_8583()
    {
        Assert.Equal("0110", MessageTypes.ResponseOf("0100"));
        Assert.Equal("0210", MessageTypes.ResponseOf("0200"));
        Assert.Equal("0230", MessageTypes.ResponseOf("0220"));
        Assert.Equal("0230", MessageTypes.ResponseOf("0221"));   // a repeat is answered as the original
        Assert.Equal("0410", MessageTypes.ResponseOf("0401"));
        Assert.Equal("0510", MessageTypes.ResponseOf("0500"));
        Assert.Equal("0830", MessageTypes.ResponseOf("0820"));
        Assert.Equal("0221", MessageTypes.RepeatOf("0220"));
        Assert.Equal("0401", MessageTypes.RepeatOf("0400"));
        Assert.True(MessageTypes.IsRepeat("0221"));
        Assert.False(MessageTypes.IsRepeat("0220"));
        Assert.True(MessageTypes.IsResponse("0810"));
        Assert.False(MessageTypes.IsResponse("0800"));
    }

    [Fact]
    public void Log_text_masks_pan_and_track_and_hides_secrets()
    {
        var m = new Iso8583Message("0200");
        m.SetString(2, "6212345678901234567");
        m.SetString(35, "6212345678901234567=28122200000000000");
        m.SetBytes(52, Hex.Decode("1122334455667788"));
        m.SetBytes(62, Hex.Decode("0102030405060708"));
        m.SetString(41, "TERM0001");
        string text = m.ToString();
        Assert.Contains("2=621234*********4567", text);
        Assert.Contains("35=621234*********4567=*****************", text);
        Assert.Contains("52=[8 bytes]", text);
        Assert.Contains("62=[8 bytes]", text);
        Assert.Contains("41='TERM0001'", text);
        Assert.DoesNotContain("1122334455667788", text);
        Assert.DoesNotContain("0102030405060708", text);
        Assert.DoesNotContain("2812", text);
    }

    [Fact]
    public void Values_are_copied_in_and_out()
    {
        var m = new Iso8583Message("0200");
        byte[] value = { 1, 2, 3 };
        m.SetBytes(55, value);
        value[0] = 9;
        Assert.Equal(1, m.GetBytes(55)[0]);
        m.GetBytes(55)[1] = 9;
        Assert.Equal(2, m.GetBytes(55)[1]);
        var copy = m.Clone();
        Assert.True(copy.ContentEquals(m));
        copy.Remove(55);
        Assert.True(m.Has(55));
        Assert.False(copy.ContentEquals(m));
        Assert.Equal(new[] { 55 }, m.PresentFields());
        m.SetNumeric(4, 1234);
        Assert.Equal("1234", m.GetString(4));
        Assert.Equal(1234, m.GetNumeric(4));
    }

    [Fact]
    public void Table_aware_numeric_setter_gives_the_parsed_form()
    {
        var m = new Iso8583Message("0200");
        Generic87Dialect.Packager.SetNumeric(m, 4, 1234);
        Assert.Equal("000000001234", m.GetString(4));
        ParseErrorTests.Fails(() => Generic87Dialect.Packager.SetNumeric(m, 5, 1), Iso8583Error.UnknownField, 5, Iso8583Exception.NoOffset);
        ParseErrorTests.Fails(() => Generic87Dialect.Packager.SetNumeric(m, 11, 1234567), Iso8583Error.LengthOverMax, 11, Iso8583Exception.NoOffset);
    }

    [Fact]
    public void Every_error_reason_has_a_name()
    {
        foreach (Iso8583Error reason in Enum.GetValues<Iso8583Error>())
            Assert.NotEqual("error", Iso8583ErrorNames.Describe(reason));
    }
}
