using Terminal.EmvKernel.Crypto;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.Firmware.Core.HostLink.Security;

namespace Terminal.HostSimulation
{
    public sealed partial class HostSimulator
    {
        /// <summary>
        /// 0800/0820. UnionPay sign-on (60.3 001/003/004): new PIN and MAC (and track) working keys, enciphered
        /// under the terminal master key with their check values in DE 62; sign-off (002) forgets them; echo (301).
        /// Generic: DE 70 sign-on, sign-off, key change and echo are acknowledged (DUKPT needs no key exchange).
        /// </summary>
        private byte[] NetworkManagement(RequestContext ctx)
        {
            string tid = ctx.TerminalId;
            if (!ctx.UnionPay) return ctx.Answer(HostRules.Approved);
            UnionPayField60 f60 = ctx.Field60();
            string net = f60.NetworkCode;
            if (net == UnionPayMessages.NetSignOnSingleKeys || net == UnionPayMessages.NetSignOnDoubleKeys || net == UnionPayMessages.NetSignOnWithTrackKey)
            {
                byte[] tmk = Keys.MasterKeyOf(tid);
                if (tmk == null) return ctx.Answer(HostRules.InvalidTransaction);
                int length = net == UnionPayMessages.NetSignOnSingleKeys ? 8 : 16;
                WorkingKeySet set = new WorkingKeySet();
                set.PinKey = RandomKey(length);
                set.MacKey = RandomKey(length);
                set.TrackKey = net == UnionPayMessages.NetSignOnWithTrackKey ? RandomKey(16) : null;
                set.Batch = f60.BatchNumber;
                byte[] field62 = UnionPayWorkingKeys.Compose(
                    DesCipher.Encrypt(tmk, null, set.PinKey, 0, length), MasterSessionKeys.CheckValue(set.PinKey),
                    DesCipher.Encrypt(tmk, null, set.MacKey, 0, length), MasterSessionKeys.CheckValue(set.MacKey),
                    set.TrackKey == null ? null : DesCipher.Encrypt(tmk, null, set.TrackKey, 0, 16),
                    set.TrackKey == null ? null : MasterSessionKeys.CheckValue(set.TrackKey));
                Iso8583Message response = ctx.Response(HostRules.Approved);
                response.SetString(37, NextSequence().ToString("D12"));
                response.SetBytes(62, field62);
                SetSession(tid, set);
                byte[] clean;
                return ctx.Finish(response, out clean);
            }
            if (net == UnionPayMessages.NetSignOff)
            {
                lock (_sessions) _sessions.Remove(tid);
            }
            return ctx.Answer(HostRules.Approved);
        }
    }
}
