using XsRaid.Platforms.Layouts;

namespace XsRaid.Planning;

/// <summary>
/// What a whole-disk conversion decided: the one array, the GPT written inside it (on-disk order, as the installer
/// writes it) and the volumes that get a filesystem or swap with a temporary label until the old disk is gone.
/// </summary>
public sealed record WholeDiskPlan(WholeDiskArray Array, IReadOnlyList<InnerPartition> Table, IReadOnlyList<LabelledVolume> Volumes)
{
    public LabelledVolume Root => Volumes.Single(v => v.Role.Kind == RoleKind.Root);

    /// <summary>The storage partition inside the array (existing or created with --create-sr), by its stable name.</summary>
    public string? StorageDevice => Table.FirstOrDefault(p => p.Role.Handling == RoleHandling.Storage) is { } s ? Array.StableName(s.Number) : null;
}

/// <summary>
/// One partition of the GPT inside the array: the source's number, start, type and legacy-BIOS-bootable bit, and its
/// end, or null when it ends at the array's last usable sector (the source's last partition, shrunk to what the
/// array holds; or the storage partition --create-sr adds).
/// </summary>
public sealed record InnerPartition(int Number, long FirstLba, long? LastLba, string TypeCode, bool LegacyBiosBootable, PartitionRole Role, bool Created);

/// <summary>
/// A partition inside the array that gets a new filesystem or swap (root, logs, swap): made with
/// <paramref name="TemporaryLabel"/> so no label exists twice while the old disk lives, given
/// <paramref name="Label"/> (the original) back in phase 2.
/// </summary>
public sealed record LabelledVolume(PartitionRole Role, string Device, string SourcePartition, string Label, string TemporaryLabel, string FsType)
{
    public bool IsSwap => Role.Handling == RoleHandling.Swap;
}
