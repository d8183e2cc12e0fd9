using XsRaid.Inspection;
using XsRaid.Platforms;

namespace XsRaid.Planning;

/// <summary>Everything the step builders share: the decided names, disks, arrays and platform.</summary>
public sealed record PlanContext(
    HostFacts Facts,
    IPlatform Platform,
    PlanOptions Options,
    DiskFacts Source,
    DiskFacts Target,
    RootFacts Root,
    string Metadata,
    IReadOnlyList<ArrayPlan> Arrays,
    string NewRootUuid,
    string TemporaryLabel,
    string KernelVersion)
{
    public const string NewRootMount = "/mnt/xsraid-root";

    public const string OneShotLabel = "xsraid";

    public const string OneShotInitrd = "/boot/xsraid-initrd.img";

    public ArrayPlan RootArray => Arrays[0];

    public string NewRootSpec => Platform.RootSpec(RootArray.Device, NewRootUuid);

    public string SourceDevice => Source.Disk.DevicePath;

    public string TargetDevice => Target.Disk.DevicePath;

    public string InNewRoot(string path) => NewRootMount + path;

    public string[] ArrayDevices => [.. Arrays.Select(a => a.Device)];

    public static string PartitionOf(string disk, int number) => DiskInspector.PartitionName(disk, number);
}
