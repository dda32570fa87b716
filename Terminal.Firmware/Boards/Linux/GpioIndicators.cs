using System;
using System.Device.Gpio;
using System.Threading;
using Terminal.Firmware.Core.Hardware;

namespace Terminal.Boards.Linux
{
    /// <summary>What a <see cref="Signal"/> looks and sounds like on the board: LEDs and one beep.</summary>
    public readonly struct IndicatorPattern
    {
        /// <summary>Creates a pattern.</summary>
        public IndicatorPattern(bool green, bool red, int beepMs)
        {
            Green = green;
            Red = red;
            BeepMs = beepMs;
        }

        /// <summary>Green LED on.</summary>
        public bool Green { get; }
        /// <summary>Red LED on.</summary>
        public bool Red { get; }
        /// <summary>Beep length in milliseconds (0: silent).</summary>
        public int BeepMs { get; }

        /// <summary>
        /// The board's table: ready/processing/online = green; success = green with a short beep (Book A 9.3 "success
        /// tone" [K: approximated by one 150 ms beep]); failure = red with a long beep; key click = 20 ms beep; off = nothing.
        /// </summary>
        public static IndicatorPattern For(Signal signal) => signal switch
        {
            Signal.Ready => new IndicatorPattern(true, false, 0),
            Signal.Processing => new IndicatorPattern(true, false, 0),
            Signal.Online => new IndicatorPattern(true, false, 0),
            Signal.Success => new IndicatorPattern(true, false, 150),
            Signal.Failure => new IndicatorPattern(false, true, 600),
            Signal.KeyClick => new IndicatorPattern(false, false, 20),
            _ => new IndicatorPattern(false, false, 0),
        };
    }

    /// <summary>
    /// <see cref="IIndicators"/> on GPIO: two LEDs and an active buzzer (a pin of -1 is absent). A key click keeps the
    /// LEDs as they are; the beep is switched off by a timer so that Show never blocks.
    /// </summary>
    public sealed class GpioIndicators : IIndicators, IDisposable
    {
        private readonly GpioController _gpio;
        private readonly int _green;
        private readonly int _red;
        private readonly int _buzzer;
        private readonly Timer _beepOff;

        /// <summary>Opens the configured pins as outputs, all off.</summary>
        public GpioIndicators(BoardConfig config, GpioController gpio)
        {
            _gpio = gpio;
            _green = config.LedGreen;
            _red = config.LedRed;
            _buzzer = config.Buzzer;
            foreach (int pin in new[] { _green, _red, _buzzer })
                if (pin >= 0) _gpio.OpenPin(pin, PinMode.Output).Write(PinValue.Low);
            _beepOff = new Timer(_ => Write(_buzzer, false));
        }

        /// <inheritdoc/>
        public void Show(Signal signal)
        {
            IndicatorPattern p = IndicatorPattern.For(signal);
            if (signal != Signal.KeyClick)
            {
                Write(_green, p.Green);
                Write(_red, p.Red);
            }
            if (p.BeepMs > 0)
            {
                Write(_buzzer, true);
                _beepOff.Change(p.BeepMs, Timeout.Infinite);
            }
        }

        private void Write(int pin, bool on)
        {
            if (pin >= 0) _gpio.Write(pin, on ? PinValue.High : PinValue.Low);
        }

        /// <summary>Everything off; stops the timer.</summary>
        public void Dispose()
        {
            _beepOff.Dispose();
            Write(_green, false);
            Write(_red, false);
            Write(_buzzer, false);
        }
    }
}
