using System;
using Terminal.EmvKernel.Apdu;
using Terminal.Firmware.Core.Hardware;

namespace Terminal.Pc.Pcsc;

/// <summary>
/// A PC/SC reader (a USB contact reader, or vpcd's virtual slot) as the firmware's contact card slot.
/// <see cref="IsCardPresent"/> asks pcscd (SCardGetStatusChange), <see cref="PowerOn"/> connects exclusively with
/// T=0 or T=1 and reads the ATR, <see cref="PowerOff"/> disconnects unpowering the card.
/// </summary>
public sealed class PcscContactReader : IContactCardReader, IDisposable
{
    private readonly PcscContext _context;
    private readonly bool _ownsContext;
    private PcscCard _card;

    /// <summary>A reader of an existing context (not disposed with the reader).</summary>
    public PcscContactReader(PcscContext context, string readerName)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        ReaderName = readerName ?? throw new ArgumentNullException(nameof(readerName));
    }

    private PcscContactReader(PcscContext context, string readerName, bool ownsContext) : this(context, readerName)
    {
        _ownsContext = ownsContext;
    }

    /// <summary>
    /// Opens a context and picks the first reader whose name contains <paramref name="nameContains"/>
    /// (ordinal, case-insensitive; null or empty = the first reader).
    /// </summary>
    /// <exception cref="PcscException">pcscd not running, or no matching reader.</exception>
    public static PcscContactReader Open(string nameContains)
    {
        PcscContext context = PcscContext.Establish();
        try
        {
            return new PcscContactReader(context, FindReader(context, nameContains), true);
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    /// <summary>The first reader whose name contains the text, or a <see cref="PcscException"/> listing the readers.</summary>
    public static string FindReader(PcscContext context, string nameContains)
    {
        string[] readers = context.ListReaders();
        foreach (string r in readers)
        {
            if (string.IsNullOrEmpty(nameContains) || r.Contains(nameContains, StringComparison.OrdinalIgnoreCase)) return r;
        }
        throw new PcscException(readers.Length == 0 ? "no PC/SC reader found"
            : "no PC/SC reader matches \"" + nameContains + "\"; readers: " + string.Join(", ", readers));
    }

    /// <summary>pcscd's name of the reader.</summary>
    public string ReaderName { get; }

    /// <summary>The connected card, or null when powered off.</summary>
    public PcscCard Card => _card;

    /// <inheritdoc />
    public bool IsCardPresent => _context.IsCardPresent(ReaderName);

    /// <inheritdoc />
    public ICardChannel PowerOn(out byte[] atr)
    {
        PowerOff();
        _card = _context.Connect(ReaderName);
        atr = _card.Atr();
        return _card;
    }

    /// <inheritdoc />
    public void PowerOff()
    {
        _card?.Disconnect(unpower: true);
        _card = null;
    }

    /// <summary>Powers off; disposes the context when <see cref="Open"/> created it.</summary>
    public void Dispose()
    {
        PowerOff();
        if (_ownsContext) _context.Dispose();
    }
}
