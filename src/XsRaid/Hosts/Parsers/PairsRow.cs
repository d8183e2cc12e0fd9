namespace XsRaid.Hosts.Parsers;

/// <summary>One line of util-linux "--pairs" output: NAME="value" pairs in column order, escapes decoded.</summary>
public sealed record PairsRow(int Line, IReadOnlyList<KeyValuePair<string, string>> Pairs)
{
    public string? Get(string column)
    {
        foreach (var (key, value) in Pairs)
        {
            if (string.Equals(key, column, StringComparison.Ordinal))
            {
                return value;
            }
        }

        return null;
    }

    public long? GetLong(string column) => TextNumbers.Long(Get(column));
}
