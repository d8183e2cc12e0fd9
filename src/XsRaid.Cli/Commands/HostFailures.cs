using XsRaid.Hosts;

namespace XsRaid.Cli.Commands;

/// <summary>The exit code for a host that cannot be reached: 3 when its key is refused (a safety rule), 1 otherwise.</summary>
public static class HostFailures
{
    public static int ExitCodeFor(HostConnectionException e) =>
        e is HostKeyChangedException or HostKeyUnknownException or HostKeyRevokedException ? ExitCodes.Refused : ExitCodes.Failure;
}
