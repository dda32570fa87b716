using Terminal.Firmware.Core.HostLink.Iso8583;

namespace Terminal.Tests.HostLink.Iso8583;

/// <summary>Sample inputs shared by the ISO 8583 tests (values chosen by hand; no output of the code under test).</summary>
internal static class Iso8583TestData
{
    /// <summary>The realistic Visa DE 55 of host-and-crypto.md §2.8 (b), 124 bytes.</summary>
    public const string VisaIccData =
        "5F2A0204848202" + "1C00" + "8407A0000000032010" + "95058080008000" + "9A03240108" + "9C0100" +
        "9F0206000000090000" + "9F0306000000000000" + "9F09020083" + "9F100706010A03A4A810" + "9F1A020484" +
        "9F1E083652363533353034" + "9F26082E078F5CEA112DAA" + "9F270180" + "9F3303E0B0C8" + "9F3403010302" +
        "9F350122" + "9F410400000001" + "9F530100";

    public static TransactionFields GenericCard()
    {
        var t = new TransactionFields
        {
            Pan = "4761739001010010",
            Amount = 1000,
            Stan = 123,
            TransmissionDateTime = "0315103045",
            LocalTime = "103045",
            LocalDate = "0315",
            ExpiryDate = "2512",
            PosEntryMode = "051",
            CardSequenceNumber = "001",
            Track2 = "4761739001010010=251220111438",
            TerminalId = "TERM0001",
            MerchantId = "MERCHANT0000001",
            CurrencyCode = "978",
            PinBlock = Terminal.EmvKernel.Util.Hex.Decode("0123456789ABCDEF"),
            IccData = Terminal.EmvKernel.Util.Hex.Decode(VisaIccData),
            BatchNumber = 1,
            AuthorizationCode = "Y1    ",
            ResponseCode = "Y1",
        };
        return t;
    }

    public static TransactionFields UnionPayCard()
    {
        return new TransactionFields
        {
            Pan = "6212345678901234567",
            Amount = 100,
            Stan = 8,
            ExpiryDate = "2812",
            PosEntryMode = "051",
            CardSequenceNumber = "001",
            Track2 = "6212345678901234567=28122200000000000",
            TerminalId = "12345678",
            MerchantId = "123456789012345",
            PinBlock = Terminal.EmvKernel.Util.Hex.Decode("1122334455667788"),
            IccData = Terminal.EmvKernel.Util.Hex.Decode("9F26081122334455667788" + "9F270180"),
            BatchNumber = 1,
            OriginalBatchNumber = 1,
            OriginalStan = 7,
            OriginalDate = "0315",
            OriginalRrn = "123456789012",
            AuthorizationCode = "654321",
        };
    }

    public static UnionPayHeader UnionPayHeader() => Terminal.Firmware.Core.HostLink.Iso8583.UnionPayHeader.ForHost(0x0003);
}
