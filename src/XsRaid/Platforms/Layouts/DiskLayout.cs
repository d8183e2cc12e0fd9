namespace XsRaid.Platforms.Layouts;

/// <summary>
/// A system disk layout as data: its partition table type, roles, mirror scope, the sgdisk type code that marks md
/// members, and how refusals describe it.
/// </summary>
public sealed record DiskLayout(
    string Description,
    string TableType,
    MirrorScope Scope,
    string MemberTypeCode,
    IReadOnlyList<PartitionRole> Roles)
{
    public PartitionRole Root => Roles.Single(r => r.Kind == RoleKind.Root);

    public PartitionRole? Role(string name) => Roles.FirstOrDefault(r => r.Name == name);

    public PartitionRole? RoleAt(int number) => Roles.FirstOrDefault(r => r.Number == number);

    public PartitionRole? FirstOf(RoleHandling handling) => Roles.FirstOrDefault(r => r.Handling == handling);
}
