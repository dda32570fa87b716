namespace Terminal.VirtualReader;

/// <summary>Where vpcd listens and how long the bridge waits for it.</summary>
public sealed class VpcdBridgeOptions
{
    /// <summary>Host of pcscd's vpcd driver (default 127.0.0.1).</summary>
    public string Host { get; set; } = "127.0.0.1";
    /// <summary>vpcd port (default 35963 = 0x8C7B, the CHANNELID in /etc/reader.conf.d/vpcd).</summary>
    public int Port { get; set; } = 35963;
    /// <summary>How long to keep retrying the connection until vpcd accepts it.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>Pause between connection attempts.</summary>
    public TimeSpan ConnectRetryInterval { get; set; } = TimeSpan.FromMilliseconds(100);
    /// <summary>
    /// Longest silence from vpcd before the link counts as dead. pcscd polls card presence with GET ATR
    /// several times a second, so a live link is never silent this long.
    /// </summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>The ATR answered to GET ATR (default <see cref="EmvAtr.BasicT1"/>).</summary>
    public byte[] Atr { get; set; } = EmvAtr.BasicT1();
    /// <summary>Optional progress log (one line per event; APDUs are not logged, they may carry PINs).</summary>
    public Action<string> Log { get; set; }
}
