using Terminal.EmvKernel.Tlv;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.Firmware.Core.HostLink.Session;

namespace Terminal.Firmware.Core.SelfTest
{
    /// <summary>How the self-test's acquirer behaves for a scenario (<see cref="SelfTestScenario.Host"/>).</summary>
    public static class SelfTestHostMode
    {
        /// <summary>Answers every message; approves an authorisation whose ARQC verifies ("00").</summary>
        public const string Approve = "approve";
        /// <summary>Answers every message; declines authorisations with the scenario's response code.</summary>
        public const string Decline = "decline";
        /// <summary>The connection opens and messages go out, but no answer ever comes (the link times out).</summary>
        public const string Down = "down";
        /// <summary>The connection cannot be opened: nothing is sent.</summary>
        public const string Unreachable = "unreachable";

        /// <summary>True for the four modes above.</summary>
        public static bool IsDefined(string mode)
        {
            return mode == Approve || mode == Decline || mode == Down || mode == Unreachable;
        }
    }

    /// <summary>
    /// The acquirer at the other end of the self-test's host link, in dialect A (generic ISO 8583:1987,
    /// docs/host-protocol.md): it parses each request with the project's packager and answers as the real host
    /// would - 0210/0110 with DE 39, DE 37 and DE 38 on approval and DE 55 '91' (ARPC from <see cref="SelfTestIssuer"/>)
    /// for chip requests; 0410 to reversals (0400/0401); 0230 to advices (0220/0221); 0510 "00" to a reconciliation.
    /// In <see cref="SelfTestHostMode.Down"/> it answers nothing. Portable: it runs on the device as on a PC.
    /// </summary>
    public sealed class SelfTestAcquirer
    {
        private readonly Iso8583Dialect _dialect = Generic87SessionMessages.Instance.Dialect;
        private readonly string _mode;
        private readonly string _declineCode;
        private readonly SelfTestIssuer _issuer;
        private int _approvals;

        /// <summary>
        /// An acquirer in <paramref name="mode"/> (<see cref="SelfTestHostMode"/>), declining with
        /// <paramref name="declineCode"/>, whose issuer is <paramref name="issuer"/> (null: a card without chip data).
        /// </summary>
        public SelfTestAcquirer(string mode, string declineCode, SelfTestIssuer issuer)
        {
            if (!SelfTestHostMode.IsDefined(mode)) throw new System.ArgumentException("unknown host mode", "mode");
            if (declineCode == null || declineCode.Length != 2) throw new System.ArgumentException("a 2-character response code is required", "declineCode");
            _mode = mode;
            _declineCode = declineCode;
            _issuer = issuer;
        }

        /// <summary>The host mode.</summary>
        public string Mode
        {
            get { return _mode; }
        }

        /// <summary>True when a connection can be opened.</summary>
        public bool Reachable
        {
            get { return _mode != SelfTestHostMode.Unreachable; }
        }

        /// <summary>Authorisation requests (0100/0200) received.</summary>
        public int Authorisations { get; private set; }

        /// <summary>Reversals (0400/0401) received.</summary>
        public int Reversals { get; private set; }

        /// <summary>Advices (0220/0221) received.</summary>
        public int Advices { get; private set; }

        /// <summary>Messages left unanswered (host down).</summary>
        public int Unanswered { get; private set; }

        /// <summary>DE 39 of the last authorisation answered, or null.</summary>
        public string LastResponseCode { get; private set; }

        /// <summary>
        /// One request payload (without the length prefix) in, its answer payload out, or null when no answer is given
        /// (host down, or a message that does not parse).
        /// </summary>
        public byte[] Answer(byte[] payload)
        {
            Iso8583Message request;
            try
            {
                request = _dialect.Parse(payload);
            }
            catch (Iso8583Exception)
            {
                Unanswered++;
                return null;
            }
            string mti = request.Mti;
            bool authorisation = mti == "0100" || mti == "0200";
            if (authorisation) Authorisations++;
            else if (mti == "0400" || mti == "0401") Reversals++;
            else if (mti == "0220" || mti == "0221") Advices++;
            if (_mode == SelfTestHostMode.Down)
            {
                Unanswered++;
                return null;
            }
            Iso8583Message response = authorisation ? Authorise(request) : Generic87Messages.Response(request, "00");
            return _dialect.Pack(response);
        }

        private Iso8583Message Authorise(Iso8583Message request)
        {
            string wanted = _mode == SelfTestHostMode.Approve ? "00" : _declineCode;
            string code = wanted;
            byte[] iad = null;
            byte[] icc = request.GetBytes(55);
            if (icc != null)
            {
                try
                {
                    code = _issuer == null ? SelfTestIssuer.ArqcFailedCode : _issuer.Decide(icc, wanted, out iad);
                }
                catch (System.ArgumentException)
                {
                    code = "30";                              // format error: DE 55 lacks what the ARQC check needs
                }
                catch (TlvException)
                {
                    code = "30";
                }
            }
            LastResponseCode = code;
            Iso8583Message response = Generic87Messages.Response(request, code);
            if (code == "00")
            {
                _approvals++;
                response.SetString(37, "SELFTEST" + Digits.Pad(_approvals, 4, 37));
                response.SetString(38, "ST" + Digits.Pad(_approvals, 4, 38));
            }
            if (iad != null)
            {
                TlvWriter w = new TlvWriter();
                w.Write(0x91, iad);
                response.SetBytes(55, w.ToArray());
            }
            return response;
        }
    }
}
