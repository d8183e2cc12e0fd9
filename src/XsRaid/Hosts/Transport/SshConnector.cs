using System.Net.Sockets;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace XsRaid.Hosts;

/// <summary>
/// Opens one authenticated SSH.NET client: known_hosts check, key login, connect timeout, and every failure
/// turned into a <see cref="HostConnectionException"/> that says what failed and what to do.
/// </summary>
internal static class SshConnector
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(30);

    internal sealed record Connection(SshClient Client, SshPublicKey HostKey, KnownHostsEntry? RecordedLine);

    public static async Task<Connection> ConnectAsync(SshOptions options, IReadOnlyList<LoadedIdentity> identities, bool acceptNew, CancellationToken ct)
    {
        var target = options.Target;
        var knownHosts = LoadKnownHosts(options);
        var verifier = new HostKeyVerifier(target, knownHosts, acceptNew);
        var login = new PrivateKeyAuthenticationMethod(target.User, identities.Select(i => (IPrivateKeySource)i.Key).ToArray());
        var connection = new ConnectionInfo(target.Host, target.Port, target.User, login) { Timeout = options.ConnectTimeout };
        verifier.PreferKnownKinds(connection);

        var client = new SshClient(connection) { KeepAliveInterval = KeepAlive };
        client.HostKeyReceived += verifier.OnHostKeyReceived;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(options.ConnectTimeout);
        try
        {
            await client.ConnectAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested || verifier.Refusal is not null)
        {
            client.Dispose();
            throw verifier.Refusal ?? Translate(ex, options, identities);
        }
        catch
        {
            client.Dispose();
            throw;
        }

        var hostKey = verifier.Presented!;
        return new Connection(client, hostKey, verifier.IsNew ? Record(client, knownHosts, options, hostKey) : null);
    }

    private static KnownHosts LoadKnownHosts(SshOptions options)
    {
        try
        {
            return KnownHosts.Load(options.KnownHostsFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new HostConnectionException(options.Target.ToString(),
                $"cannot read the known hosts file {options.KnownHostsFile} ({ex.Message}); fix its permissions or pass another file.", ex);
        }
    }

    private static KnownHostsEntry Record(SshClient client, KnownHosts knownHosts, SshOptions options, SshPublicKey hostKey)
    {
        try
        {
            return knownHosts.Add(options.Target.Host, options.Target.Port, hostKey, options.HashKnownHosts);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            client.Dispose();
            throw new HostConnectionException(options.Target.ToString(),
                $"the new host key {hostKey.Fingerprint} was accepted but cannot be written to {options.KnownHostsFile} ({ex.Message}); "
                + "fix the file's permissions or add the key with ssh-keyscan.", ex);
        }
    }

    private static HostConnectionException Translate(Exception ex, SshOptions options, IReadOnlyList<LoadedIdentity> identities)
    {
        var target = options.Target;
        var host = target.ToString();
        return ex switch
        {
            SshAuthenticationException => new HostAuthenticationException(host,
                $"logging in as {target.User} failed: the host accepted none of the keys {string.Join(", ", identities)}. "
                + $"Add the public key to ~{target.User}/.ssh/authorized_keys on the host, or pass the right key with --identity.", ex),
            OperationCanceledException or SshOperationTimeoutException => new HostConnectionException(host,
                $"no SSH session within {options.ConnectTimeout.TotalSeconds:0.#} s; check the address and port, that the host is up "
                + "and that no firewall drops the connection.", ex),
            SocketException socket => new HostConnectionException(host,
                $"cannot connect ({socket.SocketErrorCode}: {socket.Message}); check the host is up and sshd listens on port {target.Port}.", ex),
            _ => new HostConnectionException(host,
                $"the SSH handshake failed ({ex.GetType().Name}: {ex.Message}); check that port {target.Port} is an SSH server.", ex),
        };
    }
}
