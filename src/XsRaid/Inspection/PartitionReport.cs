namespace XsRaid.Inspection;

public sealed record PartitionReport(
    int Number,
    long FirstLba,
    long LastLba,
    long SizeBytes,
    string? TypeGuid,
    string TypeCode,
    string TypeName,
    string? UniqueGuid,
    string Name,
    bool LegacyBiosBootable,
    ContentReport Content);
