using System;
using Terminal.Firmware.Core.Hardware;

namespace Terminal.Boards.Linux
{
    /// <summary>
    /// The Linux board's entry point: <c>Terminal.Boards.Linux [--config /etc/terminal/board.conf] [--check]</c>.
    /// --check parses the configuration and exits (no hardware touched).
    /// </summary>
    internal static class Program
    {
        private const string DefaultConfig = "/etc/terminal/board.conf";

        private static int Main(string[] args)
        {
            string path = null;
            bool check = false;
            for (int i = 0; i < args.Length; i++)
            {
                if (args[i] == "--config" && i + 1 < args.Length) path = args[++i];
                else if (args[i] == "--check") check = true;
                else
                {
                    Console.Error.WriteLine("usage: Terminal.Boards.Linux [--config FILE] [--check]");
                    return 2;
                }
            }
            BoardConfig config;
            try
            {
                config = path != null ? BoardConfig.Load(path)
                    : System.IO.File.Exists(DefaultConfig) ? BoardConfig.Load(DefaultConfig) : BoardConfig.Default();
            }
            catch (Exception e) when (e is BoardConfigException || e is System.IO.IOException || e is UnauthorizedAccessException)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
            if (check)
            {
                Console.WriteLine("configuration OK");
                return 0;
            }

            using LinuxBoard board = LinuxBoard.Open(config);
            TerminalHardware hardware = board.Hardware;
            hardware.Display.Show(new[] { "Terminal", "starting..." });
            // FIRMWARE APPLICATION (branch h-app, not merged here): construct and run it at this line, i.e.
            //   new Terminal.Firmware.Core.App.TerminalApplication(hardware, configuration, kernels, host, pinCipher)
            // with the TerminalConfiguration loaded from the settings storage, the PaymentKernels (contact kernel,
            // Entry Point), a SessionPaymentHost over HostSession (journal slots JournalStorage and board.JournalSlotB) and the OnlinePinCipher.
            // Until then the board only shows its banner.
            Console.WriteLine("board ready; the firmware application is not linked in yet");
            return 0;
        }
    }
}
