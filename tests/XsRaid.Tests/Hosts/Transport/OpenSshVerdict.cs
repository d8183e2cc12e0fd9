using XsRaid.Hosts;
using XsRaid.Tests.Support;
using XsRaid.Tests.Support.Sshd;

namespace XsRaid.Tests.Hosts.Transport;

/// <summary>
/// What the real OpenSSH client decides about a server's host key with a given known_hosts file
/// (StrictHostKeyChecking=yes, batch mode), and what xsraid's <see cref="SshHost"/> decides, in the same terms.
/// </summary>
internal static class OpenSshVerdict
{
    public static HostKeyStatus OfOpenSsh(SshdServer server, string knownHostsFile)
    {
        var result = Tool.Run("ssh",
        [
            "-F", "/dev/null", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes",
            "-o", $"UserKnownHostsFile={knownHostsFile}", "-o", "GlobalKnownHostsFile=/dev/null", "-o", "ConnectTimeout=10",
            "-i", server.ClientKey, "-p", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "root@127.0.0.1", "true",
        ], check: false);
        return result switch
        {
            { ExitCode: 0 } => HostKeyStatus.Known,
            _ when result.Stderr.Contains("REVOKED HOST KEY", StringComparison.Ordinal) => HostKeyStatus.Revoked,
            _ when result.Stderr.Contains("REMOTE HOST IDENTIFICATION HAS CHANGED", StringComparison.Ordinal) => HostKeyStatus.Changed,
            _ when result.Stderr.Contains("host key is known for", StringComparison.Ordinal) => HostKeyStatus.Unknown,
            _ => throw new InvalidOperationException($"ssh exited {result.ExitCode} for an unexpected reason: {result.Stderr}"),
        };
    }

    public static async Task<HostKeyStatus> OfXsraid(SshdServer server, string knownHostsFile)
    {
        try
        {
            using var host = await SshHost.ConnectAsync(server.Options(knownHostsFile), CancellationToken.None);
            return HostKeyStatus.Known;
        }
        catch (HostKeyUnknownException)
        {
            return HostKeyStatus.Unknown;
        }
        catch (HostKeyChangedException)
        {
            return HostKeyStatus.Changed;
        }
        catch (HostKeyRevokedException)
        {
            return HostKeyStatus.Revoked;
        }
    }
}
