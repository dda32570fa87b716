using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.Firmware.Core.HostLink.Transport;

namespace Terminal.Firmware.Core.SelfTest
{
    /// <summary>
    /// The self-test's host link: an in-memory <see cref="IHostConnection"/> whose other end is a
    /// <see cref="SelfTestAcquirer"/>. Bytes sent are cut into length-prefixed frames (<see cref="LengthPrefixFrame"/>)
    /// and answered frame by frame; answers wait to be received. With nothing to receive the wait is the whole
    /// timeout on the <see cref="SelfTestClock"/> and ends in <see cref="HostLinkError.Timeout"/>, as a real link
    /// does when the host says nothing.
    /// </summary>
    public sealed class SelfTestHostConnection : IHostConnection
    {
        private readonly SelfTestAcquirer _acquirer;
        private readonly SelfTestClock _clock;
        private byte[] _inbound = new byte[0];
        private byte[] _outbound = new byte[0];

        /// <summary>A link to <paramref name="acquirer"/> whose waits pass on <paramref name="clock"/>.</summary>
        public SelfTestHostConnection(SelfTestAcquirer acquirer, SelfTestClock clock)
        {
            if (acquirer == null || clock == null) throw new System.ArgumentNullException("acquirer", "acquirer and clock are required");
            _acquirer = acquirer;
            _clock = clock;
        }

        /// <summary>Successful connects.</summary>
        public int Connects { get; private set; }

        /// <inheritdoc />
        public bool IsConnected { get; private set; }

        /// <inheritdoc />
        public void Connect(int timeoutMs)
        {
            if (!_acquirer.Reachable)
            {
                _clock.Advance(timeoutMs);
                throw new HostLinkException(HostLinkError.ConnectFailed, "self-test host unreachable");
            }
            IsConnected = true;
            Connects++;
        }

        /// <inheritdoc />
        public void Send(byte[] data, int offset, int count)
        {
            if (!IsConnected) throw new HostLinkException(HostLinkError.Disconnected, "not connected");
            if (data == null || offset < 0 || count < 0 || offset > data.Length - count)
                throw new HostLinkException(HostLinkError.Disconnected, "bad send range");
            _inbound = Bytes.Concat(_inbound, Bytes.Slice(data, offset, count));
            while (_inbound.Length >= LengthPrefixFrame.HeaderLength)
            {
                int length;
                try
                {
                    length = LengthPrefixFrame.ReadLength(_inbound, 0);
                }
                catch (Iso8583Exception)
                {
                    _inbound = new byte[0];
                    return;
                }
                if (_inbound.Length < LengthPrefixFrame.HeaderLength + length) return;
                byte[] payload = Bytes.Slice(_inbound, LengthPrefixFrame.HeaderLength, length);
                int used = LengthPrefixFrame.HeaderLength + length;
                _inbound = Bytes.Slice(_inbound, used, _inbound.Length - used);
                byte[] answer = _acquirer.Answer(payload);
                if (answer != null)
                {
                    _outbound = Bytes.Concat(_outbound, LengthPrefixFrame.Wrap(answer));
                }
            }
        }

        /// <inheritdoc />
        public int Receive(byte[] buffer, int offset, int count, int timeoutMs)
        {
            if (!IsConnected) throw new HostLinkException(HostLinkError.Disconnected, "not connected");
            if (_outbound.Length == 0)
            {
                _clock.Advance(timeoutMs);
                throw new HostLinkException(HostLinkError.Timeout, "no answer from the self-test host");
            }
            int n = count < _outbound.Length ? count : _outbound.Length;
            System.Array.Copy(_outbound, 0, buffer, offset, n);
            _outbound = Bytes.Slice(_outbound, n, _outbound.Length - n);
            return n;
        }

        /// <inheritdoc />
        public void Close()
        {
            IsConnected = false;
            _inbound = new byte[0];
            _outbound = new byte[0];
        }
    }
}
