using System;
using System.Collections;
using System.Device.Gpio;
using System.Threading;
using Iot.Device.KeyMatrix;
using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.Keypad;

namespace Terminal.Boards.Esp32
{
    /// <summary>
    /// IKeypad over nanoFramework's KeyMatrix (Iot.Device.KeyMatrix.txt: constructor with int[] pins and TimeSpan,
    /// KeyEvent with (object, KeyMatrixEvent), StartListeningKeyEvent, KeyMatrixEvent.EventType/Output/Input).
    /// Events are debounced and mapped by the portable KeyDebouncer and KeyMap and queued for TryReadKey.
    /// Rising = pressed and Output/Input = indexes, as documented for the dotnet/iot binding it was ported from [K].
    /// </summary>
    internal sealed class NanoKeypad : IKeypad
    {
        private readonly KeyMap _map;
        private readonly KeyDebouncer _debouncer;
        private readonly ArrayList _queue = new ArrayList();
        private readonly AutoResetEvent _keyReady = new AutoResetEvent(false);
        private readonly KeyMatrix _matrix;

        public NanoKeypad(GpioController gpio)
        {
            _map = KeyMap.Parse(KeyMap.Default4x4);
            _debouncer = new KeyDebouncer(_map.Rows, _map.Columns, BoardPins.KeypadDebounceMs);
            _matrix = new KeyMatrix(BoardPins.KeypadRows, BoardPins.KeypadColumns, TimeSpan.FromMilliseconds(BoardPins.KeypadScanMs), gpio, false);
            _matrix.KeyEvent += OnKeyEvent;
            _matrix.StartListeningKeyEvent();
        }

        private void OnKeyEvent(object sender, KeyMatrixEvent e)
        {
            bool pressed = e.EventType == PinEventTypes.Rising;
            KeyCode key;
            if (!_debouncer.OnEvent(e.Output, e.Input, pressed, Environment.TickCount64)) return;
            if (!_map.TryGetKey(e.Output, e.Input, out key)) return;
            Monitor.Enter(_queue);
            try
            {
                if (_queue.Count < 32) _queue.Add(key);
            }
            finally
            {
                Monitor.Exit(_queue);
            }
            _keyReady.Set();
        }

        public bool TryReadKey(int timeoutMs, out KeyCode key)
        {
            long deadline = Environment.TickCount64 + (timeoutMs < 0 ? 0 : timeoutMs);
            while (true)
            {
                Monitor.Enter(_queue);
                try
                {
                    if (_queue.Count > 0)
                    {
                        key = (KeyCode)_queue[0];
                        _queue.RemoveAt(0);
                        return true;
                    }
                }
                finally
                {
                    Monitor.Exit(_queue);
                }
                long left = deadline - Environment.TickCount64;
                if (left <= 0)
                {
                    key = KeyCode.Digit0;
                    return false;
                }
                _keyReady.WaitOne((int)left, false);
            }
        }
    }
}
