using Terminal.Firmware.Core.HostLink.Session;
using Terminal.Firmware.Core.HostLink.Iso8583;
using Terminal.Firmware.Core.HostLink.Security;
using Terminal.HostSimulation;

namespace Terminal.Tests.HostLink.Campaign;

/// <summary>
/// The terminal's message MAC for the campaign, dialect A: every request gets a fresh TDES DUKPT transaction key
/// (DE 53 "1000000000000000", DE 62 = KSN, the simulator's generic security layout) and a retail MAC with the MAC
/// request key; the matching answer must carry the retail MAC under that key's MAC response key. The DUKPT
/// registers are the device's secure storage: they survive the power cuts of the campaign.
/// </summary>
public sealed class DukptMacAuthenticator : IMessageAuthenticator
{
    private readonly TdesDukptTerminal _dukpt = new();
    private byte[] _responseKey;

    public DukptMacAuthenticator(HostKeys keys, int deviceId)
    {
        byte[] ksn = Convert.FromHexString("FFFF9876543210E00000");
        ksn[4] = (byte)(deviceId >> 16); ksn[5] = (byte)(deviceId >> 8); ksn[6] = (byte)deviceId;
        _dukpt.LoadInitialKey(TdesDukpt.DeriveIpek(keys.TdesBdk, ksn), ksn);
    }

    public void Sign(Iso8583Message request)
    {
        byte[] key = _dukpt.NextTransaction(out byte[] ksn);
        new GenericSecurityControl(DukptScheme.Tdes, ksn, null).WriteTo(request);
        _responseKey = TdesDukpt.MacResponseKey(key);
        MessageMacing.Sign(Generic87Dialect.Dialect.Packager, request, MessageMacAlgorithm.RetailMac, TdesDukpt.MacRequestKey(key));
    }

    public bool Verify(Iso8583Message answer) =>
        _responseKey != null && MessageMacing.Verify(Generic87Dialect.Dialect.Packager, answer, MessageMacAlgorithm.RetailMac, _responseKey);
}
