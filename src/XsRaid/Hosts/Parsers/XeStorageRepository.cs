namespace XsRaid.Hosts.Parsers;

/// <summary>An SR record of "xe sr-list" (default fields, or params=all for shared, PBDs and sm-config).</summary>
public sealed record XeStorageRepository(
    string Uuid,
    string? NameLabel,
    string? Type,
    string? ContentType,
    string? Host,
    bool? Shared,
    IReadOnlyList<string> Pbds,
    IReadOnlyDictionary<string, string> SmConfig)
{
    public static XeStorageRepository? From(XeRecord record) =>
        record.Get("uuid") is { Length: > 0 } uuid
            ? new XeStorageRepository(
                uuid,
                record.Get("name-label"),
                record.Get("type"),
                record.Get("content-type"),
                record.Get("host"),
                record.GetBool("shared"),
                record.GetSet("PBDs"),
                record.GetMap("sm-config"))
            : null;
}
