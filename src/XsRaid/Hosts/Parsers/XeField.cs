namespace XsRaid.Hosts.Parsers;

/// <summary>One "name ( RO): value" line of xe output: the name, its kind, whether it is writable (RW), the value.</summary>
public sealed record XeField(string Name, XeFieldKind Kind, bool Writable, string Value)
{
    /// <summary>A set value split at "; " (empty for an empty set).</summary>
    public IReadOnlyList<string> Items =>
        Value.Split("; ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A map value split into its "key: value" pairs; a later duplicate key wins.</summary>
    public IReadOnlyDictionary<string, string> Map
    {
        get
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var item in Items)
            {
                var colon = item.IndexOf(": ", StringComparison.Ordinal);
                if (colon > 0)
                {
                    map[item[..colon]] = item[(colon + 2)..];
                }
                else
                {
                    map[item.TrimEnd(':')] = "";
                }
            }

            return map;
        }
    }
}
