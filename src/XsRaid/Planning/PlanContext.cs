using XsRaid.Inspection;
using XsRaid.Platforms;
using XsRaid.Platforms.Layouts;

namespace XsRaid.Planning;

/// <summary>Everything the step builders share: the decided names, disks, arrays and the host profile.</summary>
public sealed record PlanContext(
    HostFacts Facts,
    HostProfile Profile,
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

    /// <summary>The volume group on the old storage partition that moves onto the storage array in phase 2, or null.</summary>
    public VolumeGroupMove? VolumeGroupMove { get; init; }

    public IOsFamily Os => Profile.Os;

    public IBootloader Boot => Profile.Boot;

    public DiskLayout Layout => Profile.Layout;

    /// <summary>The array of the layout's root role.</summary>
    public ArrayPlan RootArray => Arrays.Single(a => a.Role == Layout.Root.Name);

    public string NewRootSpec => Os.RootSpec(RootArray.Device, NewRootUuid);

    public string SourceDevice => Source.Disk.DevicePath;

    public string TargetDevice => Target.Disk.DevicePath;

    public string InNewRoot(string path) => NewRootMount + path;

    public string[] ArrayDevices => [.. Arrays.Select(a => a.Device)];

    /// <summary>The arrays whose role is handled as <paramref name="handling"/>.</summary>
    public IEnumerable<ArrayPlan> ArraysHandled(RoleHandling handling) => Arrays.Where(a => Layout.Role(a.Role)?.Handling == handling);

    public static string PartitionOf(string disk, int number) => DiskInspector.PartitionName(disk, number);
}
