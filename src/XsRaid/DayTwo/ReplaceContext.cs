using XsRaid.Planning;
using XsRaid.Platforms;

namespace XsRaid.DayTwo;

/// <summary>What the replacement's step builder works from: the decided disks and arrays and the host profile.</summary>
public sealed record ReplaceContext(
    HostFacts Facts,
    HostProfile Profile,
    ReplaceOptions Options,
    DiskFacts Survivor,
    DiskFacts NewDisk,
    DiskFacts? Failed,
    IReadOnlyList<ReplaceArray> Arrays,
    ReplaceArray RootArray)
{
    public string SurvivorDevice => Survivor.Disk.DevicePath;

    public string NewDevice => NewDisk.Disk.DevicePath;

    public string[] ArrayDevices => [.. Arrays.Select(a => a.Device)];
}
