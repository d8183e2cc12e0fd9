namespace XsRaid.Hosts.Parsers;

/// <summary>One line of util-linux "--pairs" output: NAME="value" pairs in column order, escapes decoded.</summary>
public sealed record PairsRow(int Line, IReadOnlyList<KeyValuePair<string, string>> Pairs)
{
    public string? Get(string column) =>
        Pairs.FirstOrDefault(p => string.Equals(p.Key, column, StringComparison.Ordinal)) is { Key: not null } pair
            ? pair.Value
            : null;

    public long? GetLong(string column) => TextNumbers.Long(Get(column));
}
