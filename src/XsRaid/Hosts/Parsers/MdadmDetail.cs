namespace XsRaid.Hosts.Parsers;

/// <summary>
/// mdadm --detail of one array. <see cref="Fields"/> keeps every "Key : value" line as printed (later
/// duplicates win); the typed properties are read from it. <see cref="State"/> is the comma-separated
/// "State" line ("clean", "degraded", "resyncing (DELAYED)"), <see cref="Name"/> and <see cref="Uuid"/> are
/// without the "(local to host ...)" note. Sizes are in KiB as mdadm prints them.
/// </summary>
public sealed record MdadmDetail
{
    public required string Device { get; init; }

    public required IReadOnlyDictionary<string, string> Fields { get; init; }

    public string? Version => Field("Version");

    public string? RaidLevel => Field("Raid Level");

    public long? ArraySizeKiB => TextNumbers.Long(FirstWord("Array Size"));

    public long? UsedDevSizeKiB => TextNumbers.Long(FirstWord("Used Dev Size"));

    public int? RaidDevices => TextNumbers.Int(Field("Raid Devices"));

    public int? TotalDevices => TextNumbers.Int(Field("Total Devices"));

    public int? ActiveDevices => TextNumbers.Int(Field("Active Devices"));

    public int? WorkingDevices => TextNumbers.Int(Field("Working Devices"));

    public int? FailedDevices => TextNumbers.Int(Field("Failed Devices"));

    public int? SpareDevices => TextNumbers.Int(Field("Spare Devices"));

    public IReadOnlyList<string> State =>
        Field("State") is { } state
            ? state.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];

    public bool HasState(string word) => State.Contains(word, StringComparer.Ordinal);

    public string? Name => FirstWord("Name");

    public string? Uuid => FirstWord("UUID");

    public string? Events => Field("Events");

    public string? IntentBitmap => Field("Intent Bitmap");

    public string? ConsistencyPolicy => Field("Consistency Policy");

    public string? Layout => Field("Layout");

    public string? ChunkSize => Field("Chunk Size");

    public required MdadmSyncStatus? Sync { get; init; }

    public required IReadOnlyList<MdadmDetailDevice> Devices { get; init; }

    public string? Field(string key) => Fields.TryGetValue(key, out var value) ? value : null;

    private string? FirstWord(string key) => Field(key) is { } value ? TextLines.Fields(value).FirstOrDefault() : null;
}
