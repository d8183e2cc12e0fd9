namespace XsRaid.Formats.Gpt;

/// <summary>
/// A GPT as read from a disk. <paramref name="InUse"/> is the header the partitions were read from: the primary
/// unless it (or its entry array) was unusable and the backup was good. <paramref name="Primary"/> /
/// <paramref name="Backup"/> are null when that header was missing or unusable (see <paramref name="Findings"/>).
/// Every problem found is a sentence in <paramref name="Findings"/>; an empty list means a clean table.
/// </summary>
public sealed record GptPartitionTable(
    GptHeader? Primary,
    GptHeader? Backup,
    Guid DiskGuid,
    IReadOnlyList<GptPartitionEntry> Partitions,
    IReadOnlyList<string> Findings,
    GptHeader InUse,
    GptIntegrity Integrity,
    int SectorSize)
{
    /// <summary>The partitions were read through the backup header (the primary copy was unusable).</summary>
    public bool ReadFromBackup => Backup is not null && ReferenceEquals(InUse, Backup);

    /// <summary>The disk GUID as sgdisk prints it (upper-case).</summary>
    public string DiskGuidText => GptTypes.Format(DiskGuid);
}
