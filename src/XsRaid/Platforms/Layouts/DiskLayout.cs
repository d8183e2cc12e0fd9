namespace XsRaid.Platforms.Layouts;

/// <summary>
/// A system disk layout as data: its partition table type, roles, mirror scope, the sgdisk type code that marks md
/// members, and how refusals describe it; a whole-disk layout also names its one array.
/// </summary>
public sealed record DiskLayout(
    string Description,
    string TableType,
    MirrorScope Scope,
    string MemberTypeCode,
    IReadOnlyList<PartitionRole> Roles,
    WholeDiskArray? Array = null)
{
    public PartitionRole Root => Roles.Single(r => r.Kind == RoleKind.Root);

    public PartitionRole? Role(string name) => Roles.FirstOrDefault(r => r.Name == name);

    public PartitionRole? RoleAt(int number) => Roles.FirstOrDefault(r => r.Number == number);

    public PartitionRole? FirstOf(RoleHandling handling) => Roles.FirstOrDefault(r => r.Handling == handling);

    /// <summary>True when every partition of the table sits where a role of this layout is, with the role's type code.</summary>
    public bool Fits(IEnumerable<(int Number, string TypeCode)> partitions) =>
        partitions.All(p => RoleAt(p.Number) is { } r && (r.GptTypeCode is null || string.Equals(r.GptTypeCode, p.TypeCode, StringComparison.OrdinalIgnoreCase)));
}
