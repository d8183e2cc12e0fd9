namespace XsRaid.Hosts;

/// <summary>A machine xsraid runs commands on: the local one or one reached over SSH.</summary>
public interface IHost : IDisposable
{
    /// <summary>"root@10.0.0.5:22" for an SSH host, "local" for this machine.</summary>
    string Name { get; }

    /// <summary>
    /// Runs one command given as an argv list (never a shell string). A non-zero exit is DATA (a
    /// <see cref="CommandResult"/>); transport failures are exceptions (<see cref="HostConnectionException"/> and
    /// its subclasses); a command that outlives its timeout throws <see cref="CommandTimeoutException"/>.
    /// Cancelling <paramref name="ct"/> throws <see cref="OperationCanceledException"/>.
    /// </summary>
    Task<CommandResult> RunAsync(IReadOnlyList<string> argv, CommandOptions? options = null, CancellationToken ct = default);
}
