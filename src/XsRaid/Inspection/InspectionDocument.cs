namespace XsRaid.Inspection;

/// <summary>The document `inspect --json` prints.</summary>
public sealed record InspectionDocument(IReadOnlyList<DiskReport> Disks);
