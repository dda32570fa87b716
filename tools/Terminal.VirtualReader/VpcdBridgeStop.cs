namespace Terminal.VirtualReader;

/// <summary>Why <see cref="VpcdBridge.RunAsync"/> returned normally.</summary>
public enum VpcdBridgeStop
{
    /// <summary>The caller cancelled; the connection was closed (pcscd sees the card removed).</summary>
    Cancelled = 1,
    /// <summary>vpcd closed the connection (pcscd stopped or dropped the card).</summary>
    VpcdClosed = 2,
    /// <summary>The card threw CardRemovedException; the connection was closed so pcscd sees the removal.</summary>
    CardRemoved = 3
}
