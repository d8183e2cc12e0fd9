using Renci.SshNet;
using Renci.SshNet.Common;

namespace XsRaid.Hosts;

/// <summary>
/// Decides, during one SSH handshake, whether the host key is trusted: Known is accepted; Unknown only when new
/// keys may be accepted (then <see cref="IsNew"/> asks the caller to record it once logged in); Changed and
/// Revoked never. A refusal is kept as the exception to throw, since SSH.NET only reports "not verifiable".
/// </summary>
internal sealed class HostKeyVerifier
{
    private readonly SshTarget _target;
    private readonly KnownHosts _knownHosts;
    private readonly bool _acceptNew;

    public HostKeyVerifier(SshTarget target, KnownHosts knownHosts, bool acceptNew)
    {
        _target = target;
        _knownHosts = knownHosts;
        _acceptNew = acceptNew;
    }

    public SshPublicKey? Presented { get; private set; }

    public HostConnectionException? Refusal { get; private set; }

    public bool IsNew { get; private set; }

    /// <summary>
    /// Offers the kinds of host key the known_hosts file holds for this host first (as OpenSSH does), so a host
    /// with several keys presents one that can be checked; host certificates are not offered (not supported).
    /// </summary>
    public void PreferKnownKinds(ConnectionInfo connection)
    {
        var known = _knownHosts.KnownKeyTypes(_target.Host, _target.Port);
        var algorithms = connection.HostKeyAlgorithms.ToList();
        connection.HostKeyAlgorithms.Clear();
        var ordered = algorithms
            .Where(a => !a.Key.Contains("-cert-", StringComparison.Ordinal))
            .OrderBy(a => known.Contains(SshPublicKey.KeyTypeOfAlgorithm(a.Key)) ? 0 : 1);
        foreach (var algorithm in ordered)
        {
            connection.HostKeyAlgorithms.Add(algorithm);
        }
    }

    public void OnHostKeyReceived(object? sender, HostKeyEventArgs e)
    {
        var key = SshPublicKey.FromBlob(e.HostKey);
        if (key is null)
        {
            Refuse(e, new HostConnectionException(_target.ToString(), $"the host sent a {e.HostKeyName} host key xsraid cannot read; refusing it."));
            return;
        }

        Presented = key;
        var check = _knownHosts.Lookup(_target.Host, _target.Port, key);
        switch (check.Status)
        {
            case HostKeyStatus.Known:
                e.CanTrust = true;
                break;
            case HostKeyStatus.Unknown when _acceptNew:
                IsNew = true;
                e.CanTrust = true;
                break;
            case HostKeyStatus.Unknown:
                Refuse(e, new HostKeyUnknownException(_target, check));
                break;
            case HostKeyStatus.Changed:
                Refuse(e, new HostKeyChangedException(_target, check));
                break;
            default:
                Refuse(e, new HostKeyRevokedException(_target, check));
                break;
        }
    }

    private void Refuse(HostKeyEventArgs e, HostConnectionException refusal)
    {
        Refusal = refusal;
        e.CanTrust = false;
    }
}
