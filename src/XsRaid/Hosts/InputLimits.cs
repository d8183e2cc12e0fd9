using System.Globalization;

namespace XsRaid.Hosts;

/// <summary>
/// The one policy on how much xsraid reads from a host or a snapshot, and for how long. Every limit is far above
/// what a real host gives (a probe of eight disks prints about 80 MiB) and is named in the error that enforces it.
/// </summary>
public static class InputLimits
{
    /// <summary>The probe's output, over SSH or from --probe-output.</summary>
    public const long ProbeOutputBytes = 256L << 20;

    /// <summary>Any other command's output (stdout and stderr each).</summary>
    public const long CommandOutputBytes = 256L << 20;

    /// <summary>One file of a snapshot directory, as stored (compressed or not).</summary>
    public const long SnapshotFileBytes = 64L << 20;

    /// <summary>One captured region, once decompressed (the probe captures at most 1 MiB).</summary>
    public const long RegionBytes = 16L << 20;

    /// <summary>Everything a snapshot directory holds, decompressed regions included.</summary>
    public const long SnapshotTotalBytes = 512L << 20;

    /// <summary>Files and directories in a snapshot directory.</summary>
    public const int SnapshotEntries = 20_000;

    /// <summary>Directory depth inside a snapshot directory.</summary>
    public const int SnapshotDepth = 32;

    /// <summary>How long the probe may run on a host.</summary>
    public static readonly TimeSpan ProbeTime = TimeSpan.FromMinutes(5);

    /// <summary>After this long a probe still running is announced on stderr.</summary>
    public static readonly TimeSpan SlowProbeNotice = TimeSpan.FromSeconds(5);

    /// <summary>"64 MiB" for a limit given in bytes.</summary>
    public static string Describe(long bytes) =>
        bytes % (1L << 20) == 0
            ? (bytes >> 20).ToString(CultureInfo.InvariantCulture) + " MiB"
            : bytes.ToString(CultureInfo.InvariantCulture) + " bytes";
}
