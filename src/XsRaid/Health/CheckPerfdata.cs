using System.Globalization;

namespace XsRaid.Health;

/// <summary>
/// Performance data in the monitoring-plugins format, 'label'=value[UOM];[warn];[crit];[min];[max], one item per
/// array figure: members in sync (min 0, max the array's disks), failed members (CRITICAL above 0), mismatch_cnt
/// (WARNING above 0) where captured, and the progress of a running sync in percent.
/// </summary>
public static class CheckPerfdata
{
    public static string Format(CheckReport report)
    {
        var items = new List<string> { Item("arrays", report.Arrays.Count, min: "0") };
        foreach (var a in report.Arrays)
        {
            if (a.InSyncDisks is { } inSync)
            {
                items.Add(Item($"{a.Name}_in_sync", inSync, min: "0", max: Number(a.RaidDisks)));
            }

            items.Add(Item($"{a.Name}_failed", a.FailedDisks, crit: "0", min: "0"));
            if (a.MismatchCount is { } mismatches)
            {
                items.Add(Item($"{a.Name}_mismatch_cnt", mismatches, warn: "0", min: "0"));
            }

            if (a.Health.Percent is { } percent)
            {
                items.Add($"'{a.Name}_sync'={percent.ToString("0.0", CultureInfo.InvariantCulture)}%;;;0;100");
            }
        }

        return string.Join(' ', items);
    }

    private static string Item(string label, long value, string warn = "", string crit = "", string min = "", string max = "") =>
        $"'{label}'={value.ToString(CultureInfo.InvariantCulture)};{warn};{crit};{min};{max}";

    private static string Number(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "";
}
