namespace XsRaid.Hosts.Parsers;

/// <summary>The assignments of a shell-sourceable file in file order; a later one for a key wins, as in the shell.</summary>
public sealed record ShellAssignments(IReadOnlyList<ShellAssignment> Items)
{
    public string? Get(string key) =>
        Items.LastOrDefault(a => string.Equals(a.Key, key, StringComparison.Ordinal))?.Value;

    public IReadOnlyDictionary<string, string> ToDictionary()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in Items)
        {
            map[item.Key] = item.Value;
        }

        return map;
    }
}
