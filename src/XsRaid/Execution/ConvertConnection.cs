using XsRaid.Hosts;

namespace XsRaid.Execution;

/// <summary>
/// The host a conversion drives and how to reach it again after the reboot: <see cref="ReconnectAsync"/> waits up
/// to the given time for SSH to answer with the same host key (null for the machine xsraid itself runs on, which
/// the reboot ends).
/// </summary>
public sealed record ConvertConnection(IHost Host, Func<TimeSpan, CancellationToken, Task>? ReconnectAsync)
{
    /// <summary>An SSH host reconnects with <see cref="SshHost.ReconnectAsync"/> (never accepting a new key); commands go through <paramref name="commands"/> if given (a logging wrapper).</summary>
    public static ConvertConnection For(IHost host, IHost? commands = null) =>
        new(commands ?? host, host is SshHost ssh ? ssh.ReconnectAsync : null);
}
