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

    /// <summary>What a whole-disk conversion decided (the table inside the array, the labelled volumes), or null.</summary>
    public WholeDiskPlan? WholeDisk { get; init; }

    /// <summary>The array of the layout's root role (a whole-disk conversion has one array).</summary>
    public ArrayPlan RootArray => WholeDisk is null ? Arrays.Single(a => a.Role == Layout.Root.Name) : Arrays.Single();

    /// <summary>The block device the new root filesystem is made on (the root array, or its partition inside a whole-disk array).</summary>
    public string NewRootDevice => WholeDisk?.Root.Device ?? RootArray.Device;

    public string NewRootSpec => WholeDisk is null ? Os.RootSpec(RootArray.Device, NewRootUuid) : "LABEL=" + TemporaryLabel;

    /// <summary>Where the local storage goes with --create-sr: the storage array, or the storage partition inside the whole-disk array.</summary>
    public string? StorageDevice => WholeDisk is null ? ArraysHandled(RoleHandling.Storage).FirstOrDefault()?.Device : WholeDisk.StorageDevice;

    public string SourceDevice => Source.Disk.DevicePath;

    public string TargetDevice => Target.Disk.DevicePath;

    public string InNewRoot(string path) => NewRootMount + path;

    public string[] ArrayDevices => [.. Arrays.Select(a => a.Device)];

    /// <summary>The arrays whose role is handled as <paramref name="handling"/>.</summary>
    public IEnumerable<ArrayPlan> ArraysHandled(RoleHandling handling) => Arrays.Where(a => Layout.Role(a.Role)?.Handling == handling);

    public static string PartitionOf(string disk, int number) => DiskInspector.PartitionName(disk, number);
}
