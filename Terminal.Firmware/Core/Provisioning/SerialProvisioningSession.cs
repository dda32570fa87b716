using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.Hardware;
using Terminal.Firmware.Core.HostLink.Transport;
using Terminal.Firmware.Core.Readers;

namespace Terminal.Firmware.Core.Provisioning
{
    /// <summary>
    /// The provisioning console on a serial line (a UART with a terminal program on the other end): reads bytes,
    /// edits a line, runs each line through <see cref="ProvisioningConsole"/> and writes its answer and a prompt.
    /// <para>Line editing: a line ends at CR, LF or CR LF; backspace (08) and DEL (7F) remove the last character;
    /// Ctrl-C (03) drops the line; other control bytes and terminal escape sequences (ESC [ ... final byte, ESC O x:
    /// arrow keys) are ignored; a tab is kept as a separator. A line longer than <see cref="MaxLineLength"/> bytes is
    /// refused whole (nothing of it runs, the rest of it is not echoed); a line that is not UTF-8 (RFC 3629) is
    /// refused.</para>
    /// <para>Echo: typed characters are echoed, except secrets. Once the line so far reads <c>key</c> + blank, or
    /// <c>set passcode</c> + blank, or <c>set wifi &lt;ssid&gt;</c> + blank (case-insensitive), every further
    /// character echoes as one <c>*</c> (blanks still echo as blanks, so the fields stay visible). The answers never
    /// hold secrets (the console answers keys with check values). A word that is not a command (a mistyped
    /// <c>key</c>, an unknown <c>set</c> item) masks the rest of its line too, and a first word that cannot be a
    /// command (a digit, or longer than any command) echoes as '*' from there on, so a key pasted on its own shows
    /// at most its first five letters.</para>
    /// <para>Session commands besides the console's: <c>save</c> (the console's; a successful save ends the session
    /// with <see cref="ProvisioningSessionEnd.Saved"/>) and <c>exit</c> (ends it without saving). The session also
    /// ends after <see cref="IdleTimeoutMs"/> without input, or when the port fails; nothing it reads can throw out
    /// of it.</para>
    /// </summary>
    public sealed class SerialProvisioningSession
    {
        /// <summary>Longest accepted line, bytes (a <c>set hostca</c> line with a 2,048-byte certificate fits).</summary>
        public const int MaxLineLength = 3072;

        /// <summary>The prompt written after each answer.</summary>
        public const string Prompt = "> ";

        /// <summary>Default <see cref="IdleTimeoutMs"/>: 10 minutes.</summary>
        public const int DefaultIdleTimeoutMs = 600000;

        private const int ReadSliceMs = 200;
        private const byte Esc = 0x1B;

        private readonly ISerialPort _port;
        private readonly ProvisioningConsole _console;
        private readonly IMonotonicClock _clock;
        private readonly byte[] _line = new byte[MaxLineLength];
        private int _length;
        private bool _overlong;
        private bool _lastWasCr;
        private int _escape; // 0 none, 1 after ESC, 2 inside ESC [ (CSI) until a final byte, 3 after ESC O (one more byte)
        private int _end;
        // Where the secret part of the line starts (-1: none) and whether that is settled for the rest of the line:
        // recomputed only while undecided, so a long pasted line costs one scan per byte only until its command words end.
        private int _secretStart = -1;
        private bool _secretKnown;

        /// <summary>A session on <paramref name="port"/> running <paramref name="console"/>; <paramref name="clock"/> times the idle timeout.</summary>
        public SerialProvisioningSession(ISerialPort port, ProvisioningConsole console, IMonotonicClock clock)
        {
            if (port == null) throw new System.ArgumentNullException("port");
            if (console == null) throw new System.ArgumentNullException("console");
            if (clock == null) throw new System.ArgumentNullException("clock");
            _port = port;
            _console = console;
            _clock = clock;
            IdleTimeoutMs = DefaultIdleTimeoutMs;
        }

        /// <summary>
        /// A session over the configuration stored in <paramref name="settings"/> (a new one when there is none or it
        /// does not load), saving back to it.
        /// </summary>
        public static SerialProvisioningSession ForStoredConfiguration(ISerialPort port, ISettingsStorage settings, ICryptoProvider crypto, IMonotonicClock clock)
        {
            if (settings == null) throw new System.ArgumentNullException("settings");
            TerminalConfiguration stored;
            string[] errors = ConfigurationStore.Load(settings, crypto, out stored);
            TerminalConfiguration start = errors.Length == 0 && stored != null ? stored : new TerminalConfiguration();
            ProvisioningConsole console = new ProvisioningConsole(start, crypto);
            console.Storage = settings;
            return new SerialProvisioningSession(port, console, clock);
        }

        /// <summary>Ends the session after this long without a byte, ms (0: never).</summary>
        public int IdleTimeoutMs { get; set; }

        /// <summary>The console the lines run on.</summary>
        public ProvisioningConsole Console
        {
            get { return _console; }
        }

        /// <summary>How the session ended, 0 while it runs (values of <see cref="ProvisioningSessionEnd"/>).</summary>
        public int End
        {
            get { return _end; }
        }

        /// <summary>
        /// Writes the banner and <paramref name="notes"/> (for example what the boot found missing), then reads and
        /// runs lines until the session ends; returns how it ended.
        /// </summary>
        public int Run(string[] notes)
        {
            WriteLine("provisioning console: 'help' lists the commands, 'check' what is missing, 'save' stores and starts, 'exit' leaves without saving");
            if (notes != null)
            {
                for (int i = 0; i < notes.Length; i++) WriteLine(notes[i]);
            }
            Write(Prompt);
            byte[] buffer = new byte[64];
            long lastInput = _clock.NowMilliseconds;
            while (_end == 0)
            {
                int n;
                try
                {
                    n = _port.Read(buffer, 0, buffer.Length, ReadSliceMs);
                }
                catch (System.Exception)
                {
                    // A UART error must not stop the boot: end the session, the caller boots or asks again.
                    _end = ProvisioningSessionEnd.PortFailed;
                    break;
                }
                if (n > 0)
                {
                    lastInput = _clock.NowMilliseconds;
                    Feed(buffer, 0, n);
                }
                else if (IdleTimeoutMs > 0 && _clock.NowMilliseconds - lastInput >= IdleTimeoutMs)
                {
                    WriteLine("");
                    WriteLine("console idle: session closed without saving");
                    _end = ProvisioningSessionEnd.TimedOut;
                }
            }
            return _end;
        }

        /// <summary>
        /// Processes received bytes (echo, editing, commands); stops at the end of the session (the rest is
        /// ignored). Returns true when the session has ended.
        /// </summary>
        public bool Feed(byte[] data, int offset, int count)
        {
            if (data == null) throw new System.ArgumentNullException("data");
            for (int i = 0; i < count && _end == 0; i++) Take(data[offset + i]);
            return _end != 0;
        }

        /// <summary>
        /// Waits up to <paramref name="windowMs"/> for CR or LF on <paramref name="port"/> (someone pressed Enter);
        /// other bytes are ignored. A port error counts as no.
        /// </summary>
        public static bool WaitForEnter(ISerialPort port, IMonotonicClock clock, int windowMs)
        {
            if (port == null) throw new System.ArgumentNullException("port");
            if (clock == null) throw new System.ArgumentNullException("clock");
            long deadline = clock.NowMilliseconds + windowMs;
            byte[] buffer = new byte[16];
            try
            {
                while (true)
                {
                    long left = deadline - clock.NowMilliseconds;
                    if (left <= 0) return false;
                    int n = port.Read(buffer, 0, buffer.Length, left > ReadSliceMs ? ReadSliceMs : (int)left);
                    for (int i = 0; i < n; i++)
                    {
                        if (buffer[i] == 0x0D || buffer[i] == 0x0A) return true;
                    }
                }
            }
            catch (System.Exception)
            {
                return false;
            }
        }

        /// <summary>Writes <paramref name="text"/> and CR LF to the port (for the board's own notes).</summary>
        public void WriteLine(string text)
        {
            Write(text + "\r\n");
        }

        private void Take(byte b)
        {
            if (_escape != 0)
            {
                if (b >= 0x20 && b <= 0x7E)
                {
                    SkipEscape(b);
                    return;
                }
                // A control byte (Enter, Ctrl-C, ...) or a non-ASCII byte ends the sequence and counts as typed.
                _escape = 0;
            }
            if (b == 0x0A && _lastWasCr)
            {
                _lastWasCr = false;
                return;
            }
            _lastWasCr = b == 0x0D;
            if (b == 0x0D || b == 0x0A)
            {
                Write("\r\n");
                EndOfLine();
                return;
            }
            if (b == 0x08 || b == 0x7F)
            {
                Backspace();
                return;
            }
            if (b == 0x03)
            {
                Write("^C\r\n");
                Reset();
                Write(Prompt);
                return;
            }
            if (b == Esc)
            {
                _escape = 1;
                return;
            }
            if (b < 0x20 && b != 0x09) return;
            if (_overlong) return;
            if (_length == MaxLineLength)
            {
                // Refused whole at the end of the line; stop echoing so a pasted key is not shown past this point.
                _overlong = true;
                return;
            }
            if (!_secretKnown) _secretStart = SecretStart(out _secretKnown);
            bool secret = _secretStart >= 0 || MaskedInFirstWord(b);
            _line[_length++] = b;
            if (secret && b != 0x20 && b != 0x09)
            {
                // One '*' per character: a UTF-8 continuation byte (10xxxxxx) belongs to the previous character.
                if ((b & 0xC0) != 0x80) Write("*");
            }
            else WriteBytes(_line, _length - 1, 1);
        }

        private void SkipEscape(byte b)
        {
            if (_escape == 1) _escape = b == (byte)'[' ? 2 : b == (byte)'O' ? 3 : 0;
            else if (_escape == 3) _escape = 0;
            else if (b >= 0x40) _escape = 0; // CSI final byte 40-7E (ECMA-48 5.4); 20-3F are parameter and intermediate bytes
        }

        private void Backspace()
        {
            if (_overlong || _length == 0) return;
            // Remove one whole UTF-8 character: continuation bytes, then the lead byte.
            while (_length > 0 && (_line[_length - 1] & 0xC0) == 0x80) _length--;
            if (_length > 0) _length--;
            _secretKnown = false;
            Write("\b \b");
        }

        private void EndOfLine()
        {
            string[] answer;
            bool saving = false;
            bool exiting = false;
            if (_overlong)
            {
                answer = new string[] { "ERROR: line too long (at most " + MaxLineLength.ToString() + " bytes); nothing changed" };
            }
            else
            {
                byte[] bytes = Bytes.Slice(_line, 0, _length);
                string text = Utf8Text.Decode(bytes);
                // Decode turns malformed sequences into U+FFFD: the bytes were UTF-8 only if they encode back the same.
                if (!Bytes.Equal(Utf8Text.Encode(text), bytes))
                {
                    answer = new string[] { "ERROR: the line is not UTF-8 text; nothing changed" };
                }
                else
                {
                    string command = FirstWord(text);
                    if (command.Length == 0 || command[0] == '#')
                    {
                        answer = new string[0];
                    }
                    else if (command == "exit")
                    {
                        answer = new string[] { "OK leaving the console without saving" };
                        exiting = true;
                    }
                    else
                    {
                        answer = Execute(text);
                        saving = command == "save" && answer.Length > 0 && answer[0].StartsWith("OK");
                    }
                }
                System.Array.Clear(bytes, 0, bytes.Length);
            }
            Reset();
            for (int i = 0; i < answer.Length; i++) WriteLine(answer[i]);
            if (saving) _end = ProvisioningSessionEnd.Saved;
            else if (exiting) _end = ProvisioningSessionEnd.Exited;
            else Write(Prompt);
        }

        /// <summary>The console's answer; an unexpected failure answers an error instead of ending the boot.</summary>
        private string[] Execute(string text)
        {
            try
            {
                return _console.Execute(text);
            }
            catch (System.Exception)
            {
                // The console answers refused lines itself; anything else is a defect, reported without the line.
                return new string[] { "ERROR: the command failed; nothing reliable changed" };
            }
        }

        private void Reset()
        {
            // The line may have held a key: clear it.
            System.Array.Clear(_line, 0, _line.Length);
            _length = 0;
            _overlong = false;
            _secretStart = -1;
            _secretKnown = false;
        }

        /// <summary>
        /// Where the secret part of the line so far starts (the byte after the blank that follows the command words),
        /// or -1 while the line is not (yet) a secret-bearing command. <paramref name="settled"/>: more typing cannot
        /// change the answer (only a backspace can).
        /// </summary>
        private int SecretStart(out bool settled)
        {
            int[] starts = new int[3];
            int[] ends = new int[3];
            int words = 0;
            int i = 0;
            while (words < 3)
            {
                while (i < _length && IsBlank(_line[i])) i++;
                if (i >= _length) break;
                starts[words] = i;
                while (i < _length && !IsBlank(_line[i])) i++;
                ends[words] = i;
                words++;
            }
            // A word is complete once a blank follows it (it ended before the end of the line).
            int complete = 0;
            while (complete < words && ends[complete] < _length) complete++;
            settled = true;
            if (complete >= 1 && WordIs(starts[0], ends[0], "key")) return ends[0] + 1;
            // A word that is not a command (a mistyped "key", a pasted value) may carry a secret: mask what follows.
            if (complete >= 1 && !WordIs(starts[0], ends[0], "set")) return OneOf(starts[0], ends[0], PlainVerbs) ? -1 : ends[0] + 1;
            if (complete >= 2 && WordIs(starts[1], ends[1], "passcode")) return ends[1] + 1;
            if (complete >= 2 && !WordIs(starts[1], ends[1], "wifi")) return OneOf(starts[1], ends[1], PlainItems) ? -1 : ends[1] + 1;
            if (complete >= 3) return ends[2] + 1;
            settled = false;
            return -1;
        }

        // Commands whose values are never secret (ProvisioningConsole); any other first or "set" word masks the rest.
        private static readonly string[] PlainVerbs = new string[] { "aid", "capk", "show", "check", "save", "help", "exit" };
        private static readonly string[] PlainItems = new string[]
        {
            "host", "tlspin", "hostca", "dialect", "tid", "mid", "merchant", "language", "currency", "maxamount", "fallback",
            "pinbypass", "pintimeout", "cardtimeout", "cllimit", "cvmlimit", "clfloor"
        };

        private bool OneOf(int start, int end, string[] words)
        {
            for (int i = 0; i < words.Length; i++)
            {
                if (WordIs(start, end, words[i])) return true;
            }
            return false;
        }

        /// <summary>Longest command word (check, capk, help, save, show, exit, aid, set, key).</summary>
        private const int LongestVerb = 5;

        /// <summary>
        /// True when <paramref name="b"/>, typed now, continues a first word that cannot be a command: a digit (no
        /// command has one), anything after a digit, or anything past the longest command. Such a word is a pasted
        /// key or a typo, so it is echoed as '*' from there on.
        /// </summary>
        private bool MaskedInFirstWord(byte b)
        {
            int i = 0;
            while (i < _length && IsBlank(_line[i])) i++;
            int start = i;
            bool digit = false;
            while (i < _length && !IsBlank(_line[i]))
            {
                if (_line[i] >= (byte)'0' && _line[i] <= (byte)'9') digit = true;
                i++;
            }
            if (i != _length || IsBlank(b)) return false;          // the first word is already complete
            return digit || (b >= (byte)'0' && b <= (byte)'9') || i - start >= LongestVerb;
        }

        private bool WordIs(int start, int end, string word)
        {
            if (end - start != word.Length) return false;
            for (int i = 0; i < word.Length; i++)
            {
                int c = _line[start + i];
                if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
                if (c != word[i]) return false;
            }
            return true;
        }

        private static bool IsBlank(byte b)
        {
            return b == 0x20 || b == 0x09;
        }

        private static string FirstWord(string text)
        {
            string t = text.Trim();
            int space = t.IndexOf(' ');
            int tab = t.IndexOf('\t');
            int cut = space < 0 ? tab : tab < 0 ? space : (space < tab ? space : tab);
            return (cut < 0 ? t : t.Substring(0, cut)).ToLower();
        }

        private void Write(string text)
        {
            byte[] b = Utf8Text.Encode(text);
            WriteBytes(b, 0, b.Length);
        }

        private void WriteBytes(byte[] data, int offset, int count)
        {
            try
            {
                _port.Write(data, offset, count);
            }
            catch (System.Exception)
            {
                // The port failed while writing: end the session (the caller decides what to do next).
                _end = ProvisioningSessionEnd.PortFailed;
            }
        }
    }

    /// <summary>How a <see cref="SerialProvisioningSession"/> ended (int constants: no Enum.ToString on the device).</summary>
    public static class ProvisioningSessionEnd
    {
        /// <summary><c>save</c> succeeded: the configuration is in the settings storage.</summary>
        public const int Saved = 1;
        /// <summary><c>exit</c>: left without saving.</summary>
        public const int Exited = 2;
        /// <summary>No input for the idle timeout.</summary>
        public const int TimedOut = 3;
        /// <summary>The serial port failed.</summary>
        public const int PortFailed = 4;
    }
}
