using System.Collections;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Util;

namespace Terminal.EmvKernel.Configuration
{
    /// <summary>
    /// The kernel configuration: terminal parameters and the list of supported applications with their
    /// parameters, read from the configuration file (docs/kernel-config.md) or built from the defaults.
    /// </summary>
    public sealed class KernelConfiguration
    {
        private readonly AidParameters[] _aids;

        /// <summary>A configuration of <paramref name="terminal"/> and <paramref name="aids"/> (in selection order).</summary>
        public KernelConfiguration(TerminalParameters terminal, AidParameters[] aids)
        {
            if (terminal == null) throw new System.ArgumentNullException("terminal");
            if (aids == null) throw new System.ArgumentNullException("aids");
            for (int i = 0; i < aids.Length; i++)
            {
                if (aids[i] == null) throw new System.ArgumentNullException("aids", "an AID entry is null");
            }
            Terminal = terminal;
            _aids = aids;
        }

        /// <summary>The terminal parameters.</summary>
        public TerminalParameters Terminal { get; private set; }

        /// <summary>Number of configured applications.</summary>
        public int AidCount
        {
            get { return _aids.Length; }
        }

        /// <summary>The application at <paramref name="index"/> (0 .. AidCount-1), in file order.</summary>
        public AidParameters AidAt(int index)
        {
            if (index < 0 || index >= _aids.Length) throw new System.ArgumentOutOfRangeException("index", "index outside the AID list");
            return _aids[index];
        }

        /// <summary>
        /// The parameters for a selected application: the AID equal to <paramref name="adfName"/>, else the longest
        /// AID allowing partial match that begins <paramref name="adfName"/> (Book 1, 12.3.1); null when none.
        /// </summary>
        public AidParameters Find(byte[] adfName)
        {
            if (adfName == null) return null;
            AidParameters best = null;
            for (int i = 0; i < _aids.Length; i++)
            {
                AidParameters a = _aids[i];
                if (a.Aid.Length > adfName.Length || !Bytes.Equal(a.Aid, 0, adfName, 0, a.Aid.Length)) continue;
                if (a.Aid.Length == adfName.Length) return a;
                if (a.PartialMatch && (best == null || a.Aid.Length > best.Aid.Length)) best = a;
            }
            return best;
        }

        /// <summary>The terminal's list of AIDs for application selection, in file order.</summary>
        public TerminalAid[] TerminalAids()
        {
            TerminalAid[] list = new TerminalAid[_aids.Length];
            for (int i = 0; i < _aids.Length; i++) list[i] = _aids[i].ToTerminalAid();
            return list;
        }

        /// <summary>
        /// Reads a configuration file (docs/kernel-config.md). Any error throws one
        /// <see cref="ConfigurationException"/> naming the line, section and key.
        /// </summary>
        public static KernelConfiguration Parse(string text)
        {
            if (text == null) throw new System.ArgumentNullException("text");
            return new ConfigurationParser().Parse(text);
        }

        /// <summary>The built-in defaults: default terminal parameters and the default AID list.</summary>
        public static KernelConfiguration CreateDefault()
        {
            return new KernelConfiguration(new TerminalParameters(), DefaultAids.Create());
        }

        internal static KernelConfiguration FromList(TerminalParameters terminal, ArrayList aids)
        {
            AidParameters[] list = new AidParameters[aids.Count];
            for (int i = 0; i < list.Length; i++) list[i] = (AidParameters)aids[i];
            return new KernelConfiguration(terminal, list);
        }
    }
}
