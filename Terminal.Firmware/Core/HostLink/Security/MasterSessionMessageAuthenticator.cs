using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.Firmware.Core.HostLink.Session;

namespace Terminal.Firmware.Core.HostLink.Security
{
    /// <summary>
    /// UnionPay dialect message security with master/session keys (docs/host-protocol.md, "UnionPay MAC"): the MAC
    /// working key installed from the sign-on answer (<see cref="MasterSessionKeys.InstallWorkingKeys"/>, check
    /// value verified) MACs every request that carries a MAC, by default with the UnionPay POS ECB MAC
    /// (<see cref="UnionPayEcbMac"/>) over the MAC scope of <see cref="MessageMacing"/>, and verifies the answer's
    /// DE 64 with the same key. Management messages (0800/0820 sign-on, sign-off, echo test and their answers) are
    /// sent and accepted without a MAC: the working keys may not exist yet.
    /// </summary>
    public sealed class MasterSessionMessageAuthenticator : IMessageAuthenticator
    {
        private readonly MasterSessionKeys _keys;
        private readonly Iso8583Packager _packager;

        /// <summary>The authenticator over the terminal's keys and the UnionPay packer; <paramref name="algorithm"/> is the host's MAC.</summary>
        public MasterSessionMessageAuthenticator(MasterSessionKeys keys, Iso8583Packager packager, MessageMacAlgorithm algorithm)
        {
            if (keys == null || packager == null) throw new System.ArgumentNullException("keys", "keys and packager are required");
            if (algorithm == MessageMacAlgorithm.AesCmac) throw new SecurityException(SecurityError.BadMacAlgorithm, "the UnionPay MAC key is a DES/TDES key");
            _keys = keys;
            _packager = packager;
            Algorithm = algorithm;
        }

        /// <summary>The MAC algorithm (default in the dialect: <see cref="MessageMacAlgorithm.UnionPayEcb"/>).</summary>
        public MessageMacAlgorithm Algorithm { get; private set; }

        /// <summary>Sets DE 64 of a request (not of a network management message). No MAC key: <see cref="SecurityException"/>.</summary>
        public void Sign(Iso8583Message request)
        {
            if (request == null) throw new System.ArgumentNullException("request");
            if (IsManagement(request.Mti)) return;
            byte[] input = MessageMacing.MacInput(_packager, request);
            byte[] mac = _keys.ComputeMac(Algorithm, input, 0, input.Length);
            request.Remove(64);
            request.Remove(128);
            request.SetBytes(MessageMacing.MacField(request), Terminal.EmvKernel.Util.Bytes.Slice(mac, 0, MessageMacing.MacLength));
            KeyBytes.Wipe(mac);
        }

        /// <summary>True when the answer's MAC verifies (network management answers need none).</summary>
        public bool Verify(Iso8583Message answer)
        {
            if (answer == null) return false;
            if (IsManagement(answer.Mti)) return true;
            int field = MessageMacing.MacField(answer);
            byte[] mac = answer.GetBytes(field);
            if (mac == null || mac.Length != MessageMacing.MacLength || !_keys.HasWorkingKeys) return false;
            byte[] input = MessageMacing.MacInput(_packager, answer);
            byte[] expected = _keys.ComputeMac(Algorithm, input, 0, input.Length);
            bool ok = Terminal.EmvKernel.Util.Bytes.FixedTimeEquals(expected, 0, mac, 0, MessageMacing.MacLength);
            KeyBytes.Wipe(expected);
            return ok;
        }

        /// <summary>True for a network management MTI (08xx): sign-on and the like, never MACed (no working keys yet).</summary>
        public static bool IsManagement(string mti)
        {
            return mti != null && mti.Length == 4 && mti[1] == '8';
        }
    }
}
