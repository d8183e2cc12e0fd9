using System.Text.Json;

namespace XsRaid.Hosts.Parsers;

/// <summary>
/// Reads LVM reports in the two machine-readable forms: "--noheadings --separator '|' -o f1,f2,..." (every
/// LVM version, CentOS 5's included; the caller passes the -o field list since the output does not name its
/// columns) and "--reportformat json" (LVM 2.02.158 and later).
/// </summary>
public static class LvmReportParser
{
    public static Parsed<IReadOnlyList<LvmReportRow>> ParseSeparated(string text, IReadOnlyList<string> fields, char separator = '|')
    {
        var issues = new List<ParseIssue>();
        var rows = new List<LvmReportRow>();
        foreach (var line in TextLines.Usable(text, issues))
        {
            var t = line.Text.Trim();
            if (t.Length == 0)
            {
                continue;
            }

            var values = t.Split(separator);
            if (values.Length != fields.Count)
            {
                issues.Add(ParseIssue.At(line.Number, line.Text, $"{values.Length} values for {fields.Count} fields"));
                continue;
            }

            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < fields.Count; i++)
            {
                row[fields[i]] = values[i];
            }

            rows.Add(new LvmReportRow(row));
        }

        return new Parsed<IReadOnlyList<LvmReportRow>>(rows, issues);
    }

    /// <summary>The rows of report <paramref name="kind"/> ("pv", "vg", "lv", "seg") of a JSON report.</summary>
    public static Parsed<IReadOnlyList<LvmReportRow>> ParseJson(string json, string kind)
    {
        var issues = new List<ParseIssue>();
        var rows = new List<LvmReportRow>();
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object
                || !doc.RootElement.TryGetProperty("report", out var reports)
                || reports.ValueKind != JsonValueKind.Array)
            {
                issues.Add(ParseIssue.At(0, "", "no \"report\" array"));
                return new Parsed<IReadOnlyList<LvmReportRow>>(rows, issues);
            }

            foreach (var report in reports.EnumerateArray())
            {
                if (report.ValueKind == JsonValueKind.Object && report.TryGetProperty(kind, out var items) && items.ValueKind == JsonValueKind.Array)
                {
                    rows.AddRange(items.EnumerateArray().Select(item => ReadItem(item, issues)).OfType<LvmReportRow>());
                }
            }
        }
        catch (JsonException e)
        {
            var line = (int)Math.Min(int.MaxValue, (e.LineNumber ?? -1) + 1);
            issues.Add(ParseIssue.At(line, "", "not valid JSON: " + e.Message));
        }

        return new Parsed<IReadOnlyList<LvmReportRow>>(rows, issues);
    }

    public static IReadOnlyList<LvmPhysicalVolume> PhysicalVolumes(IEnumerable<LvmReportRow> rows) =>
        rows.Select(LvmPhysicalVolume.From).OfType<LvmPhysicalVolume>().ToList();

    public static IReadOnlyList<LvmVolumeGroup> VolumeGroups(IEnumerable<LvmReportRow> rows) =>
        rows.Select(LvmVolumeGroup.From).OfType<LvmVolumeGroup>().ToList();

    public static IReadOnlyList<LvmLogicalVolume> LogicalVolumes(IEnumerable<LvmReportRow> rows) =>
        rows.Select(LvmLogicalVolume.From).OfType<LvmLogicalVolume>().ToList();

    private static LvmReportRow? ReadItem(JsonElement item, List<ParseIssue> issues)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            issues.Add(ParseIssue.At(0, item.GetRawText(), "report item is not an object"));
            return null;
        }

        var row = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in item.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                issues.Add(ParseIssue.At(0, property.Value.GetRawText(), $"field {property.Name} is not a string"));
                continue;
            }

            row[property.Name] = property.Value.GetString()!;
        }

        return new LvmReportRow(row);
    }
}
