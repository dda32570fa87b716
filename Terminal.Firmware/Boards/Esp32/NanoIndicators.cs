using System.Device.Gpio;
using System.Threading;
using Terminal.Firmware.Core.Hardware;

namespace Terminal.Boards.Esp32
{
    /// <summary>
    /// IIndicators on GPIO (System.Device.Gpio.txt: OpenPin(int, PinMode), Write(int, PinValue)); the beep is ended by
    /// a one-shot Timer (mscorlib.txt: Timer(TimerCallback, object, int, int), Change(int, int)). The same table as
    /// the Linux board: green for ready/processing/online/success, red for failure, beeps for success (150 ms),
    /// failure (600 ms) and key clicks (20 ms).
    /// </summary>
    internal sealed class NanoIndicators : IIndicators
    {
        private readonly GpioController _gpio;
        private readonly Timer _beepOff;

        public NanoIndicators(GpioController gpio)
        {
            _gpio = gpio;
            _gpio.OpenPin(BoardPins.LedGreen, PinMode.Output);
            _gpio.OpenPin(BoardPins.LedRed, PinMode.Output);
            _gpio.OpenPin(BoardPins.Buzzer, PinMode.Output);
            _beepOff = new Timer(BeepOff, null, Timeout.Infinite, Timeout.Infinite);
            Show(Signal.Off);
        }

        public void Show(Signal signal)
        {
            int beepMs = 0;
            if (signal != Signal.KeyClick)
            {
                bool green = signal == Signal.Ready || signal == Signal.Processing || signal == Signal.Online || signal == Signal.Success;
                _gpio.Write(BoardPins.LedGreen, green ? PinValue.High : PinValue.Low);
                _gpio.Write(BoardPins.LedRed, signal == Signal.Failure ? PinValue.High : PinValue.Low);
            }
            if (signal == Signal.Success) beepMs = 150;
            else if (signal == Signal.Failure) beepMs = 600;
            else if (signal == Signal.KeyClick) beepMs = 20;
            if (beepMs > 0)
            {
                _gpio.Write(BoardPins.Buzzer, PinValue.High);
                _beepOff.Change(beepMs, Timeout.Infinite);
            }
        }

        private void BeepOff(object state)
        {
            _gpio.Write(BoardPins.Buzzer, PinValue.Low);
        }
    }
}
