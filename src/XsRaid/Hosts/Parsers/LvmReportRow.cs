namespace XsRaid.Hosts.Parsers;

/// <summary>One row of an LVM report (pvs, vgs, lvs): field name (as given to -o) to value as printed.</summary>
public sealed record LvmReportRow(IReadOnlyDictionary<string, string> Values)
{
    public string? Get(string field) => Values.TryGetValue(field, out var value) ? value : null;

    /// <summary>
    /// A size printed in bytes: "1069547520" (--units b --nosuffix) or "1069547520B" (--units b). Null for
    /// sizes in other units ("1020.00m"), which are rounded and cannot be trusted to the byte.
    /// </summary>
    public long? GetBytes(string field)
    {
        var value = Get(field);
        if (value is { Length: > 1 } && value[^1] == 'B')
        {
            value = value[..^1];
        }

        return TextNumbers.Long(value);
    }
}
