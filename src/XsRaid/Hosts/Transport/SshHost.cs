using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace XsRaid.Hosts;

/// <summary>
/// A host driven over SSH (SSH.NET). Each command is <see cref="ShellQuote.RemoteCommand"/> of its argv, run by the
/// login shell of the target user; stdout is streamed into bytes, stdin is closed after <see cref="CommandOptions.Stdin"/>.
/// </summary>
public sealed class SshHost : IHost
{
    private static readonly TimeSpan CancelGrace = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(2);

    private readonly IReadOnlyList<LoadedIdentity> _identities;
    private SshConnector.Connection _connection;
    private bool _disposed;

    private SshHost(SshOptions options, IReadOnlyList<LoadedIdentity> identities, SshConnector.Connection connection)
    {
        Options = options;
        _identities = identities;
        _connection = connection;
        RecordedHostKey = connection.RecordedLine;
    }

    public SshOptions Options { get; }

    public string Name => Options.Target.ToString();

    /// <summary>"SHA256:..." of the host key of the current connection.</summary>
    public string HostKeyFingerprint => _connection.HostKey.Fingerprint;

    /// <summary>The known_hosts line written because of <see cref="SshOptions.AcceptNewHostKey"/>, if one was.</summary>
    public KnownHostsEntry? RecordedHostKey { get; }

    public bool IsConnected => IsOpen(_connection.Client);

    /// <summary>Connects and logs in; throws <see cref="HostConnectionException"/> (or a subclass) on any failure.</summary>
    public static async Task<SshHost> ConnectAsync(SshOptions options, CancellationToken ct)
    {
        var identities = IdentityFiles.Load(options.Target.ToString(), options.IdentityFile, IdentityFiles.CurrentHomeDirectory);
        try
        {
            var connection = await SshConnector.ConnectAsync(options, identities, options.AcceptNewHostKey, ct).ConfigureAwait(false);
            return new SshHost(options, identities, connection);
        }
        catch
        {
            foreach (var identity in identities)
            {
                identity.Dispose();
            }

            throw;
        }
    }

    /// <summary>
    /// Drops the current connection and connects again, e.g. after a reboot. A new host key is never accepted
    /// here, whatever <see cref="SshOptions.AcceptNewHostKey"/> says: the host must present the key it had. While
    /// the host is unreachable (refused, timed out) it retries every 2 s for up to <paramref name="waitForHost"/>.
    /// </summary>
    public async Task ReconnectAsync(TimeSpan waitForHost, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _connection.Client.Dispose();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                _connection = await SshConnector.ConnectAsync(Options, _identities, acceptNew: false, ct).ConfigureAwait(false);
                return;
            }
            catch (HostConnectionException ex) when (ex.GetType() == typeof(HostConnectionException) && deadline.Elapsed + RetryPause < waitForHost)
            {
                await Task.Delay(RetryPause, ct).ConfigureAwait(false);
            }
        }
    }

    public async Task<CommandResult> RunAsync(IReadOnlyList<string> argv, CommandOptions? options = null, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var commandLine = ShellQuote.Join(argv);
        var client = _connection.Client;
        if (!IsOpen(client))
        {
            throw new ConnectionLostException(Name, $"not connected (the connection was lost earlier), so `{commandLine}` was not run; reconnect first.");
        }

        var timeout = options?.Timeout ?? Options.DefaultCommandTimeout;
        using var timeoutCts = new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeoutCts.Token);
        var watch = Stopwatch.StartNew();
        // SSH.NET sends no EOF for an input stream nothing was written to, so an empty stdin is /dev/null instead.
        var stdinBytes = options?.Stdin is { Length: > 0 } bytes ? bytes : null;
        using var command = client.CreateCommand(ShellQuote.RemoteCommand(argv, stdinFromDevNull: stdinBytes is null));
        Task execution;
        try
        {
            execution = command.ExecuteAsync(linked.Token);
        }
        catch (Exception ex) when (IsTransportFailure(ex))
        {
            throw new ConnectionLostException(Name, $"`{commandLine}` could not be started ({ex.Message}); reconnect and retry.", ex);
        }

        var outputLimit = (options ?? new CommandOptions()).OutputLimit;
        var stdout = StreamDrain.ReadAllAsync(command.OutputStream, outputLimit, CancellationToken.None);
        var stderr = StreamDrain.ReadAllAsync(command.ExtendedOutputStream, outputLimit, CancellationToken.None);
        StreamDrain.CancelOnFailure(stdout, linked);
        StreamDrain.CancelOnFailure(stderr, linked);
        var stdin = stdinBytes is null ? Task.CompletedTask : SendStdin(command, stdinBytes);
        try
        {
            // SSH.NET closes the channel itself when the timeout cancels it; the grace only guards against a hang there.
            var limit = timeout == Timeout.InfiniteTimeSpan ? Timeout.InfiniteTimeSpan : timeout + CancelGrace;
            await execution.WaitAsync(limit, ct).ConfigureAwait(false);
            var exitCode = ExitCodeOf(command, commandLine);
            return new CommandResult(exitCode, await stdout.ConfigureAwait(false), Encoding.UTF8.GetString(await stderr.ConfigureAwait(false)), watch.Elapsed);
        }
        catch (Exception) when (StreamDrain.Overflowed(stdout, stderr) && !ct.IsCancellationRequested)
        {
            throw new CommandOutputTooLargeException(Name, commandLine, outputLimit);
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException && timeoutCts.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw new CommandTimeoutException(Name, commandLine, timeout,
                "its channel was closed (the process may run on until it next writes output); the connection stays usable.");
        }
        catch (Exception ex) when (IsTransportFailure(ex))
        {
            throw new ConnectionLostException(Name,
                $"the connection was lost while `{commandLine}` ran ({ex.Message}); whether it finished on the host is unknown. "
                + "Check the host (it may be rebooting), reconnect, and check its state before going on.", ex);
        }
        finally
        {
            stdin.Observe();
            stdout.Observe();
            stderr.Observe();
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _connection.Client.Dispose();
        foreach (var identity in _identities)
        {
            identity.Dispose();
        }
    }

    private static Task SendStdin(SshCommand command, byte[] stdin)
    {
        var input = command.CreateInputStream();
        return Task.Run(() =>
        {
            using (input)
            {
                input.Write(stdin); // disposing after a write sends EOF
            }
        });
    }

    private int ExitCodeOf(SshCommand command, string commandLine) =>
        command.ExitStatus
        ?? (command.ExitSignal is { } signal ? SignalExitCode.For(signal) : throw new ConnectionLostException(Name,
            $"the host closed the channel of `{commandLine}` without an exit status; whether it finished is unknown."));

    private static bool IsTransportFailure(Exception ex) =>
        ex is SshException or SocketException or IOException or ObjectDisposedException;

    // A client disposed by a failed reconnect is as closed as a lost one (its IsConnected would throw).
    private static bool IsOpen(SshClient client)
    {
        try
        {
            return client.IsConnected;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }
}
