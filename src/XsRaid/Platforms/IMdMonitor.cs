using XsRaid.Planning;

namespace XsRaid.Platforms;

/// <summary>
/// The service that runs `mdadm --monitor` on a platform (it mails MAILADDR / runs PROGRAM when a disk fails): how
/// to enable it at boot, (re)start it so it reads mdadm.conf again, and the checks that it is enabled and running.
/// </summary>
public interface IMdMonitor
{
    /// <summary>The service's name ("mdmonitor").</summary>
    string Name { get; }

    HostCommand Enable { get; }

    HostCommand Restart { get; }

    HostCheck Enabled { get; }

    HostCheck Running { get; }
}
