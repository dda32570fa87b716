namespace Terminal.Firmware.Core.Provisioning
{
    /// <summary>The ISO 8583 dialect of the acquirer host (docs/host-protocol.md), chosen with <c>set dialect</c>.</summary>
    public enum HostDialect
    {
        /// <summary>The generic ISO 8583:1987 dialect with DUKPT (the default).</summary>
        Generic87 = 0,
        /// <summary>The China UnionPay dialect: TPDU and header, master/session keys delivered by sign-on.</summary>
        UnionPay = 1,
    }
}
