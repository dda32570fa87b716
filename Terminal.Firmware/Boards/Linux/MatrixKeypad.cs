using System;
using System.Collections.Concurrent;
using System.Device.Gpio;
using System.Threading;
using Iot.Device.KeyMatrix;
using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.HostLink.Transport;
using Terminal.Firmware.Core.Keypad;

namespace Terminal.Boards.Linux
{
    /// <summary>
    /// <see cref="IKeypad"/> fed by raw matrix events (row = KeyMatrix output index, column = input index): debounced
    /// with <see cref="KeyDebouncer"/>, mapped with <see cref="KeyMap"/>, queued for <see cref="TryReadKey"/>.
    /// <see cref="KeyMatrixPump"/> feeds it from the hardware; tests feed it directly.
    /// </summary>
    public sealed class MatrixKeypad : IKeypad
    {
        private readonly KeyMap _map;
        private readonly KeyDebouncer _debouncer;
        private readonly BlockingCollection<KeyCode> _keys = new(new ConcurrentQueue<KeyCode>(), 32);

        /// <summary>Creates the keypad for a layout.</summary>
        public MatrixKeypad(KeyMap map, int debounceMs)
        {
            _map = map ?? throw new ArgumentNullException(nameof(map));
            _debouncer = new KeyDebouncer(map.Rows, map.Columns, debounceMs);
        }

        /// <summary>One raw event; a debounced press of a mapped key is queued (a full queue drops it).</summary>
        public void Feed(int row, int column, bool pressed, long nowMs)
        {
            if (_debouncer.OnEvent(row, column, pressed, nowMs) && _map.TryGetKey(row, column, out KeyCode key))
                _keys.TryAdd(key);
        }

        /// <inheritdoc/>
        public bool TryReadKey(int timeoutMs, out KeyCode key) => _keys.TryTake(out key, Math.Max(0, timeoutMs));
    }

    /// <summary>Reads the KeyMatrix binding on a background thread and feeds a <see cref="MatrixKeypad"/>.</summary>
    public sealed class KeyMatrixPump : IDisposable
    {
        private readonly KeyMatrix _matrix;
        private readonly MatrixKeypad _keypad;
        private readonly IMonotonicClock _clock;
        private readonly Thread _thread;
        private volatile bool _stop;

        /// <summary>Opens the matrix on the configured GPIOs and starts reading.</summary>
        public KeyMatrixPump(BoardConfig config, GpioController gpio, MatrixKeypad keypad, IMonotonicClock clock)
        {
            _keypad = keypad;
            _clock = clock;
            _matrix = new KeyMatrix(config.KeypadRows, config.KeypadColumns, TimeSpan.FromMilliseconds(config.KeypadScanMs), gpio, false);
            _thread = new Thread(Run) { IsBackground = true, Name = "keypad" };
            _thread.Start();
        }

        private void Run()
        {
            while (!_stop)
            {
                KeyMatrixEvent e = _matrix.ReadKey();
                if (e == null) continue;
                // dotnet/iot KeyMatrixEvent: Rising = pressed, Falling = released; Output/Input are indexes.
                _keypad.Feed(e.Output, e.Input, e.EventType == PinEventTypes.Rising, _clock.NowMilliseconds);
            }
        }

        /// <summary>Stops reading (the thread ends after its current scan) and releases the GPIOs.</summary>
        public void Dispose()
        {
            _stop = true;
            _matrix.Dispose();
        }
    }
}
