namespace XsRaid.Planning;

/// <summary>
/// Moving a volume group off a partition onto an array while the host runs: the VG, the partition's PV it leaves
/// (<paramref name="OldDevice"/>), the array that becomes its PV (<paramref name="ArrayDevice"/>: /dev/md2 on the
/// per-partition layout, a partition of the whole-disk array on XCP-ng's), and the metadata area the new PV gets
/// (the old PV's, so the VG's metadata fits on it as before).
/// </summary>
public sealed record VolumeGroupMove(string VgName, string OldDevice, string ArrayDevice, long MetadataAreaBytes)
{
    /// <summary>The array's stable name (/dev/disk/by-id/md-name-...-partN), when it has one the kernel name is not.</summary>
    public string? StableName { get; init; }

    /// <summary>What the SR's PBD should name: the stable name, else the array's kernel name (/dev/md2 is stable).</summary>
    public string PbdDevice => StableName ?? ArrayDevice;

    /// <summary>pvcreate's --metadatasize in KiB, rounded up (LVM accepts a k suffix on every version).</summary>
    public string MetadataSizeArgument => $"--metadatasize={(MetadataAreaBytes + 1023) / 1024}k";
}
