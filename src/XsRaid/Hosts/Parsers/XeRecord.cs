namespace XsRaid.Hosts.Parsers;

/// <summary>One object of an "xe *-list" listing: its fields in print order.</summary>
public sealed record XeRecord(IReadOnlyList<XeField> Fields)
{
    public XeField? Field(string name) => Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));

    public string? Get(string name) => Field(name)?.Value;

    public bool? GetBool(string name) => Get(name) switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };

    public IReadOnlyDictionary<string, string> GetMap(string name) =>
        Field(name)?.Map ?? new Dictionary<string, string>(StringComparer.Ordinal);

    public IReadOnlyList<string> GetSet(string name) => Field(name)?.Items ?? [];
}
