namespace XsRaid.Hosts.Parsers;

/// <summary>
/// One array of /proc/mdstat. <see cref="SuperVersion"/> is the token after "super" ("1.0", "1.2",
/// "external:imsm", "non-persistent"); the kernel prints none for 0.90, so it is null then.
/// <see cref="RaidDisks"/>/<see cref="InSyncDisks"/> are the "[n/m]" pair and <see cref="DiskStatus"/> the
/// "[UU_]" map; levels without redundancy (raid0, linear) and inactive arrays print neither.
/// <see cref="Layout"/> is what the level printed besides those ("512k chunks", "level 5, 512k chunk,
/// algorithm 2", "0k rounding").
/// </summary>
public sealed record MdstatArray
{
    public required string Name { get; init; }

    public required MdstatArrayState State { get; init; }

    public string? Level { get; init; }

    public required IReadOnlyList<MdstatMember> Members { get; init; }

    public long? Blocks { get; init; }

    public string? SuperVersion { get; init; }

    public int? RaidDisks { get; init; }

    public int? InSyncDisks { get; init; }

    public string? DiskStatus { get; init; }

    public string? Layout { get; init; }

    public MdstatBitmap? Bitmap { get; init; }

    public MdstatSyncProgress? Sync { get; init; }

    public MdResyncWait? ResyncWait { get; init; }

    public int FaultyCount => Members.Count(m => m.Faulty);

    /// <summary>Members not marked (F): the ones mdadm counts as "Working Devices".</summary>
    public int WorkingCount => Members.Count(m => !m.Faulty);

    /// <summary>
    /// mdadm's "Spare Devices": working members that are not in sync (a spare, or one being rebuilt).
    /// Null for levels that print no [n/m] count.
    /// </summary>
    public int? SpareCount => InSyncDisks is { } inSync ? WorkingCount - inSync : null;

    public bool IsDegraded => DiskStatus is { } map && map.Contains('_', StringComparison.Ordinal);
}
