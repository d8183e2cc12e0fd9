using System.Text.Json;
using XsRaid.Hosts.Parsers;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Hosts.Parsers;

/// <summary>The lsblk captures of outputs/: the --pairs text and the --json form of the same listing.</summary>
internal static class LsblkFixture
{
    public static IReadOnlyList<PairsRow> PairsRows()
    {
        var parsed = PairsOutputParser.Parse(Fixtures.Text("outputs/lsblk-P-b.txt"));
        parsed.Issues.ShouldBeEmpty();
        return parsed.Value;
    }

    /// <summary>lsblk -J's tree flattened in print order, each value as the text --pairs prints for it.</summary>
    public static List<Dictionary<string, string>> JsonRows(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var rows = new List<Dictionary<string, string>>();
        foreach (var device in doc.RootElement.GetProperty("blockdevices").EnumerateArray())
        {
            Flatten(device, rows);
        }

        return rows;
    }

    private static void Flatten(JsonElement device, List<Dictionary<string, string>> rows)
    {
        var row = new Dictionary<string, string>(StringComparer.Ordinal);
        rows.Add(row);
        foreach (var property in device.EnumerateObject())
        {
            if (property.Name == "children")
            {
                foreach (var child in property.Value.EnumerateArray())
                {
                    Flatten(child, rows);
                }

                continue;
            }

            row[property.Name.ToUpperInvariant()] = property.Value.ValueKind switch
            {
                JsonValueKind.Null => "",
                JsonValueKind.True => "1",
                JsonValueKind.False => "0",
                JsonValueKind.Number => property.Value.GetRawText(),
                _ => property.Value.GetString()!,
            };
        }
    }
}
