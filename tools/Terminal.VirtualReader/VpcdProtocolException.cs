namespace Terminal.VirtualReader;

/// <summary>The vpcd peer sent something the vpcd socket protocol does not allow (bad length, unknown control
/// code, a frame cut off by the connection closing).</summary>
public sealed class VpcdProtocolException : Exception
{
    /// <summary>Creates the exception with a description of the violation.</summary>
    public VpcdProtocolException(string message) : base(message) { }
}
