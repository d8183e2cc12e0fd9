namespace XsRaid.Inspection;

/// <summary>
/// What one device holds. <see cref="Type"/> is one of <see cref="ContentType"/>; the md fields are set for md members,
/// and <see cref="Inner"/> is what an md 0.90/1.0 member also shows at its start (the array's filesystem).
/// </summary>
public sealed record ContentReport(string Type)
{
    public string? Label { get; init; }

    public string? Uuid { get; init; }

    public string? MdVersion { get; init; }

    public string? ArrayUuid { get; init; }

    public string? Name { get; init; }

    public string? Level { get; init; }

    public int? RaidDevices { get; init; }

    public int? Role { get; init; }

    public ulong? Events { get; init; }

    public bool? Clean { get; init; }

    public bool? Bitmap { get; init; }

    public long? SuperblockOffset { get; init; }

    /// <summary>ext: block size; swap: page size.</summary>
    public int? BlockSize { get; init; }

    public ulong? BlockCount { get; init; }

    public ulong? FreeBlocks { get; init; }

    public bool? Journal { get; init; }

    public IReadOnlyList<string>? Features { get; init; }

    /// <summary>LVM: the volume group named in the PV's metadata, when it was within what was read.</summary>
    public string? VgName { get; init; }

    public ulong? DeviceSizeBytes { get; init; }

    public ContentReport? Inner { get; init; }

    /// <summary>Problems found while reading (bad checksum, a second stale signature, an unreadable region).</summary>
    public IReadOnlyList<string> Findings { get; init; } = [];

    public static ContentReport Empty { get; } = new(ContentType.Empty);
}
