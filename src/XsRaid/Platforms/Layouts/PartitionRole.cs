namespace XsRaid.Platforms.Layouts;

/// <summary>
/// One role of a disk layout: where the layout has it (<paramref name="Number"/>), what it holds (a mount point, a
/// GPT type code, a filesystem label prefix, or active swap) and what the conversion does with it; its array's md
/// device and name come from the role.
/// </summary>
public sealed record PartitionRole(
    RoleKind Kind,
    string Name,
    int Number,
    RoleHandling Handling,
    string? MdDevice,
    bool Optional = false,
    string? MountPoint = null,
    string? GptTypeCode = null,
    string? LabelPrefix = null)
{
    public bool IsMirrored => Handling != RoleHandling.PerDisk;
}
