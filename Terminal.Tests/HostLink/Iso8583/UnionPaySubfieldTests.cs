using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Xunit;
using static Terminal.Tests.HostLink.Iso8583.ParseErrorTests;

namespace Terminal.Tests.HostLink.Iso8583;

/// <summary>The UnionPay private layouts (header, 48, 53, 60, 62) against values written out by hand.</summary>
public class UnionPaySubfieldTests
{
    private const int None = Iso8583Exception.NoOffset;

    [Fact]
    public void Header_bytes_and_response_swap()
    {
        var h = UnionPayHeader.ForHost(0x0003);
        Assert.Equal("6000030000" + "603100000000", Hex.Encode(h.ToBytes()));
        Assert.Equal("6000000003" + "603100000000", Hex.Encode(h.ForResponse().ToBytes()));
        var parsed = UnionPayHeader.FromBytes(Hex.Decode("6012340056" + "602200310000"));
        Assert.Equal(0x1234, parsed.Tpdu.Destination);
        Assert.Equal(0x0056, parsed.Tpdu.Source);
        Assert.Equal("60", parsed.ApplicationCategory);
        Assert.Equal("22", parsed.SoftwareVersion);
        Assert.Equal(0, parsed.TerminalStatus);
        Assert.Equal(0, parsed.ProcessingRequirement);
        Assert.Equal("310000", parsed.SoftwareSubVersion);
        Assert.Equal(3, UnionPayHeader.FromBytes(Hex.Decode("6000030000" + "603103000000")).ProcessingRequirement);
        Fails(() => UnionPayHeader.FromBytes(Hex.Decode("6000030000")), Iso8583Error.BadHeader, Iso8583Exception.NoField, 0);
        Fails(() => new UnionPayHeader(new Tpdu(3, 0), "60310000000A"), Iso8583Error.BadHeader, Iso8583Exception.NoField, None);
        Fails(() => new Tpdu(0x10000, 0), Iso8583Error.BadHeader, Iso8583Exception.NoField, None);
    }

    [Fact]
    public void Field_60_layout()
    {
        Assert.Equal("22000123000", new UnionPayField60("22", 123, "000").Compose());
        Assert.Equal("2200012300060", new UnionPayField60("22", 123, "000").WithExtension("60").Compose());
        var f = UnionPayField60.Parse("00999999003");
        Assert.Equal("00", f.TransactionType);
        Assert.Equal(999999, f.BatchNumber);
        Assert.Equal("003", f.NetworkCode);
        Fails(() => UnionPayField60.Parse("0000000100"), Iso8583Error.BadSubfield, 60, None);
        Fails(() => UnionPayField60.Parse("0000000100A"), Iso8583Error.BadSubfield, 60, None);
        Fails(() => new UnionPayField60("2", 1, "000"), Iso8583Error.InvalidValue, 60, None);
        Fails(() => new UnionPayField60("22", 1000000, "000"), Iso8583Error.InvalidValue, 60, None);
        Fails(() => new UnionPayField60("22", 1, "000").WithExtension("1234567"), Iso8583Error.InvalidValue, 60, None);
    }

    [Fact]
    public void Field_53_layout()
    {
        Assert.Equal("2610000000000000", new UnionPayField53(2, 6, 1).Compose());
        var f = UnionPayField53.Parse("1000000000000000");
        Assert.Equal(1, f.PinFormat);
        Assert.Equal(0, f.EncryptionAlgorithm);
        Fails(() => UnionPayField53.Parse("26000"), Iso8583Error.BadSubfield, 53, None);
        Fails(() => new UnionPayField53(10, 0, 0), Iso8583Error.InvalidValue, 53, None);
    }

    [Fact]
    public void Field_48_settlement_totals()
    {
        var totals = new UnionPaySettlementTotals(new UnionPayCardTotals(12345, 3, 1000, 1, 0), new UnionPayCardTotals(999, 2, 0, 0, 0));
        Assert.Equal("000000012345" + "003" + "000000001000" + "001" + "0" + "000000000999" + "002" + "000000000000" + "000" + "0", totals.Compose());
        var answer = UnionPaySettlementTotals.Parse("000000012345" + "003" + "000000001000" + "001" + "2" + "000000000999" + "002" + "000000000000" + "000" + "1");
        Assert.Equal(UnionPayCardTotals.ResultNotBalanced, answer.Domestic.Result);
        Assert.Equal(UnionPayCardTotals.ResultBalanced, answer.Foreign.Result);
        Assert.Equal(999, answer.Foreign.DebitAmount);
        Fails(() => UnionPaySettlementTotals.Parse("0001"), Iso8583Error.BadSubfield, 48, None);
        Fails(() => new UnionPaySettlementTotals(new UnionPayCardTotals(1, 1000, 0, 0, 0), new UnionPayCardTotals(0, 0, 0, 0, 0)).Compose(),
            Iso8583Error.InvalidValue, 48, None);
    }

    [Fact]
    public void Field_62_working_keys_layouts()
    {
        var single = UnionPayWorkingKeys.Parse(Hex.Decode("1111111111111111" + "A1A2A3A4" + "2222222222222222" + "B1B2B3B4"));
        Assert.Equal("1111111111111111", Hex.Encode(single.PinKey));
        Assert.Equal("B1B2B3B4", Hex.Encode(single.MacKeyCheckValue));
        var three = UnionPayWorkingKeys.Parse(Hex.Decode(new string('1', 32) + "A1A2A3A4" + new string('2', 32) + "B1B2B3B4" + new string('3', 32) + "C1C2C3C4"));
        Assert.Equal(new string('3', 32), Hex.Encode(three.TrackKey));
        Assert.Equal("C1C2C3C4", Hex.Encode(three.TrackKeyCheckValue));
        byte[] composed = UnionPayWorkingKeys.Compose(Hex.Decode(new string('1', 32)), Hex.Decode("A1A2A3A4"), Hex.Decode(new string('2', 32)), Hex.Decode("B1B2B3B4"),
            Hex.Decode(new string('3', 32)), Hex.Decode("C1C2C3C4"));
        Assert.Equal(new string('1', 32) + "A1A2A3A4" + new string('2', 32) + "B1B2B3B4" + new string('3', 32) + "C1C2C3C4", Hex.Encode(composed));
        Fails(() => UnionPayWorkingKeys.Parse(new byte[41]), Iso8583Error.BadSubfield, 62, None);
        Fails(() => UnionPayWorkingKeys.Parse(null), Iso8583Error.BadSubfield, 62, None);
        Fails(() => UnionPayWorkingKeys.Compose(new byte[16], new byte[4], new byte[8], new byte[4], null, null), Iso8583Error.InvalidValue, 62, None);
    }
}
