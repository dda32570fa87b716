namespace Terminal.Firmware.Core.App
{
    /// <summary>Where the cashier flow stands (<see cref="TerminalApplication.State"/>).</summary>
    public enum AppState
    {
        /// <summary>Waiting: a digit starts a sale, Menu opens the menu.</summary>
        Idle = 0,
        /// <summary>Keying the amount.</summary>
        AmountEntry = 1,
        /// <summary>Tap, insert and swipe armed; the first wins.</summary>
        PresentCard = 2,
        /// <summary>The result is on the screen; a chip card is still in the slot.</summary>
        RemoveCard = 3,
        /// <summary>The function menu.</summary>
        Menu = 4,
        /// <summary>Keying the trace number of the transaction to void.</summary>
        VoidTrace = 5,
        /// <summary>Keying the admin passcode.</summary>
        AdminPasscode = 6,
        /// <summary>The admin menu.</summary>
        AdminMenu = 7,
        /// <summary>A message (result, notice) shown until a key is pressed.</summary>
        Message = 8,
        /// <summary>UnionPay refund: keying the original sale's reference number (DE 37, from its receipt).</summary>
        RefundReference = 9,
        /// <summary>UnionPay refund: keying the original sale's date (MMDD).</summary>
        RefundDate = 10
    }

    /// <summary>Names of <see cref="AppState"/> (Enum.ToString gives a number on the device).</summary>
    public static class AppStateNames
    {
        /// <summary>A short name, as the emulator's transcript prints it.</summary>
        public static string Of(AppState state)
        {
            switch (state)
            {
                case AppState.Idle: return "idle";
                case AppState.AmountEntry: return "amount-entry";
                case AppState.PresentCard: return "present-card";
                case AppState.RemoveCard: return "remove-card";
                case AppState.Menu: return "menu";
                case AppState.VoidTrace: return "void-trace";
                case AppState.AdminPasscode: return "admin-passcode";
                case AppState.AdminMenu: return "admin-menu";
                case AppState.Message: return "message";
                case AppState.RefundReference: return "refund-reference";
                case AppState.RefundDate: return "refund-date";
                default: return "unknown";
            }
        }
    }
}
