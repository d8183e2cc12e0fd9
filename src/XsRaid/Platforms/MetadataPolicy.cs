using XsRaid.Platforms.Layouts;

namespace XsRaid.Platforms;

/// <summary>
/// Which md metadata the arrays get: the root array the one the initrd can boot from (the default, or one of the
/// allowed versions given with --metadata); the other arrays <paramref name="OtherArrays"/> when the family assembles
/// them from mdadm.conf after the root is up, else the root's.
/// </summary>
public sealed record MetadataPolicy(string Default, IReadOnlyList<string> Allowed, string? OtherArrays = null)
{
    /// <summary>Every metadata version any family allows, for the command line.</summary>
    public static readonly IReadOnlyList<string> Known = ["0.90", "1.0"];

    public string For(PartitionRole role, string rootMetadata) =>
        role.Kind == RoleKind.Root || OtherArrays is null ? rootMetadata : OtherArrays;
}
