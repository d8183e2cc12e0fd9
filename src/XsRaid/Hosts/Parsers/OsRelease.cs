namespace XsRaid.Hosts.Parsers;

/// <summary>/etc/os-release (os-release(5)): the identifying fields, plus every assignment in <see cref="Values"/>.</summary>
public sealed record OsRelease(IReadOnlyDictionary<string, string> Values)
{
    /// <summary>"debian", "centos", "xenenterprise" (XenServer 7+/XCP-ng); "linux" when unset, per os-release(5).</summary>
    public string Id => Get("ID") ?? "linux";

    public IReadOnlyList<string> IdLike => Get("ID_LIKE")?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];

    public string? Name => Get("NAME");

    public string? PrettyName => Get("PRETTY_NAME");

    public string? VersionId => Get("VERSION_ID");

    public string? Version => Get("VERSION");

    public string? VersionCodename => Get("VERSION_CODENAME");

    public string? Get(string key) => Values.TryGetValue(key, out var value) ? value : null;
}
