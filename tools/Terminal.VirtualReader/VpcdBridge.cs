using System.Net.Sockets;
using Terminal.EmvKernel.Apdu;

namespace Terminal.VirtualReader;

/// <summary>
/// Puts a card (any <see cref="ICardChannel"/>) into pcscd's "Virtual PCD" reader: connects to the vpcd driver
/// as the virtual card side and answers its frames (<see cref="VpcdFrame"/>) until cancelled or disconnected.
/// <list type="bullet">
/// <item>GET ATR: the configured ATR. Power on, power off and reset: no answer (protocol); power on and reset
/// call the optional reset hook so a simulator can restart its session state.</item>
/// <item>C-APDU: forwarded to <see cref="ICardChannel.Transmit"/>, the R-APDU returned. CardRemovedException
/// closes the connection, which vpcd reports to pcscd as card removal. Any other exception from the card
/// answers 6F00 (ISO 7816-4: no precise diagnosis), so a PC/SC application sees a card error, not a hang.</item>
/// </list>
/// Every read has a timeout (<see cref="VpcdBridgeOptions.IdleTimeout"/>) and the whole run obeys cancellation.
/// </summary>
public sealed class VpcdBridge
{
    private static readonly byte[] NoPreciseDiagnosis = { 0x6F, 0x00 };

    private readonly ICardChannel _card;
    private readonly VpcdBridgeOptions _options;
    private readonly Action _reset;

    /// <summary>Creates a bridge for the card; <paramref name="reset"/> (optional) runs on power on and reset.</summary>
    public VpcdBridge(ICardChannel card, VpcdBridgeOptions options, Action reset = null)
    {
        _card = card ?? throw new ArgumentNullException(nameof(card));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        if (_options.Atr == null || _options.Atr.Length < 2 || _options.Atr.Length > 33)
            throw new ArgumentException("an ATR is 2 to 33 bytes (ISO 7816-3, 8.2)", nameof(options));
        _reset = reset;
    }

    /// <summary>Number of C-APDUs answered so far.</summary>
    public int ApduCount { get; private set; }

    /// <summary>
    /// Connects (retrying until vpcd accepts, at most <see cref="VpcdBridgeOptions.ConnectTimeout"/>) and serves
    /// vpcd until it closes, the card is removed or <paramref name="cancel"/> fires.
    /// Throws <see cref="TimeoutException"/> when vpcd never accepts or goes silent past the idle timeout, and
    /// <see cref="VpcdProtocolException"/> for a malformed frame.
    /// </summary>
    public async Task<VpcdBridgeStop> RunAsync(CancellationToken cancel)
    {
        using var client = await ConnectAsync(cancel).ConfigureAwait(false);
        if (client == null) return VpcdBridgeStop.Cancelled;
        Log($"connected to vpcd at {_options.Host}:{_options.Port}");
        using var stream = client.GetStream();
        try
        {
            return await ServeAsync(stream, cancel).ConfigureAwait(false);
        }
        finally
        {
            client.Close();
            Log("disconnected from vpcd");
        }
    }

    private async Task<TcpClient> ConnectAsync(CancellationToken cancel)
    {
        var deadline = DateTime.UtcNow + _options.ConnectTimeout;
        bool retrying = false;
        while (true)
        {
            var client = new TcpClient { NoDelay = true };
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            attempt.CancelAfter(Remaining(deadline));
            try
            {
                await client.ConnectAsync(_options.Host, _options.Port, attempt.Token).ConfigureAwait(false);
                return client;
            }
            catch (Exception e) when (e is SocketException || e is OperationCanceledException)
            {
                client.Dispose();
                if (cancel.IsCancellationRequested) return null;
                if (DateTime.UtcNow >= deadline)
                    throw new TimeoutException(
                        $"vpcd did not accept a connection on {_options.Host}:{_options.Port} within {_options.ConnectTimeout.TotalSeconds:0.#} s (is pcscd running with vsmartcard-vpcd?)");
                if (!retrying) Log($"vpcd not accepting on {_options.Host}:{_options.Port} yet; retrying");
                retrying = true;
            }
            try { await Task.Delay(_options.ConnectRetryInterval, cancel).ConfigureAwait(false); }
            catch (OperationCanceledException) { return null; }
        }
    }

    private static TimeSpan Remaining(DateTime deadline)
    {
        var left = deadline - DateTime.UtcNow;
        return left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1);
    }

    private async Task<VpcdBridgeStop> ServeAsync(Stream stream, CancellationToken cancel)
    {
        while (true)
        {
            byte[] message;
            using (var read = CancellationTokenSource.CreateLinkedTokenSource(cancel))
            {
                read.CancelAfter(_options.IdleTimeout);
                try { message = await VpcdFrame.ReadAsync(stream, read.Token).ConfigureAwait(false); }
                catch (OperationCanceledException)
                {
                    if (cancel.IsCancellationRequested) return VpcdBridgeStop.Cancelled;
                    throw new TimeoutException($"vpcd sent nothing for {_options.IdleTimeout.TotalSeconds:0.#} s");
                }
            }
            if (message == null) return VpcdBridgeStop.VpcdClosed;

            byte[] answer;
            if (message.Length == 1)
            {
                answer = Control(message[0]);
            }
            else
            {
                answer = Apdu(message);
                if (answer == null) return VpcdBridgeStop.CardRemoved;
            }
            if (answer == null) continue;
            try { await VpcdFrame.WriteAsync(stream, answer, cancel).ConfigureAwait(false); }
            catch (OperationCanceledException) { return VpcdBridgeStop.Cancelled; }
            catch (IOException) { return VpcdBridgeStop.VpcdClosed; }
        }
    }

    // Answer to a control command, or null when the protocol has none.
    private byte[] Control(byte code)
    {
        switch (code)
        {
            case VpcdFrame.GetAtr:
                return (byte[])_options.Atr.Clone();
            case VpcdFrame.PowerOn:
                Log("power on");
                _reset?.Invoke();
                return null;
            case VpcdFrame.Reset:
                Log("reset");
                _reset?.Invoke();
                return null;
            case VpcdFrame.PowerOff:
                Log("power off");
                return null;
            default:
                throw new VpcdProtocolException($"unknown vpcd control code 0x{code:X2}");
        }
    }

    // The card's R-APDU, or null when the card is gone.
    private byte[] Apdu(byte[] command)
    {
        ApduCount++;
        try
        {
            var response = _card.Transmit(command);
            if (response == null || response.Length < 2 || response.Length > VpcdFrame.MaxPayload)
            {
                Log("card returned an invalid R-APDU; answering 6F00");
                return (byte[])NoPreciseDiagnosis.Clone();
            }
            return response;
        }
        catch (CardRemovedException)
        {
            Log("card removed");
            return null;
        }
        catch (Exception e)
        {
            Log($"card failed ({e.GetType().Name}); answering 6F00");
            return (byte[])NoPreciseDiagnosis.Clone();
        }
    }

    private void Log(string line) => _options.Log?.Invoke(line);
}
