using System;
namespace Terminal.Pc.Pcsc;

/// <summary>A PC/SC call failed for a reason other than a removed card (which is <c>CardRemovedException</c>).</summary>
public sealed class PcscException : Exception
{
    /// <summary>Creates the exception for a failed call.</summary>
    public PcscException(string function, uint code)
        : base(function + " failed: " + PcscError.Name(code) + (code == PcscError.NoService ? " (is pcscd running?)" : ""))
    {
        Function = function;
        Code = code;
    }

    /// <summary>Creates the exception with a message of its own (no PC/SC code).</summary>
    public PcscException(string message) : base(message)
    {
        Function = "";
    }

    /// <summary>The PC/SC function that failed ("SCardConnect").</summary>
    public string Function { get; }

    /// <summary>Its SCARD_* return code (<see cref="PcscError"/>).</summary>
    public uint Code { get; }
}
