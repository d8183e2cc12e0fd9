using System.Globalization;
using System.Text;
using XsRaid.Health;

namespace XsRaid.Cli.Rendering;

/// <summary>
/// `xsraid check --prometheus FILE`: the verdict and each array's figures in the Prometheus text format that
/// node_exporter's textfile collector reads (HELP and TYPE once per metric, label values escaped).
/// </summary>
public static class CheckPrometheusRenderer
{
    public static string Render(CheckReport report)
    {
        var text = new StringBuilder();
        Family(text, "xsraid_check_state", "Verdict of xsraid check: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.",
            [("", (int)report.State)]);
        Family(text, "xsraid_check_findings", "Findings of xsraid check by state.",
            [.. Enum.GetValues<FindingState>().Select(s => (Labels(("state", s.ToString().ToLowerInvariant())), (decimal)report.Findings.Count(f => f.State == s)))]);
        if (DateTimeOffset.TryParse(report.ProbedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var probed))
        {
            Family(text, "xsraid_check_probe_timestamp_seconds", "When the probe ran on the host (its clock), Unix seconds.",
                [("", probed.ToUnixTimeSeconds())]);
        }

        var arrays = report.Arrays;
        Family(text, "xsraid_md_degraded", "1 when the array misses a member (mdstat, sysfs or mdadm --detail says so).",
            [.. arrays.Select(a => (Device(a), a.Degraded ? 1m : 0m))]);
        Family(text, "xsraid_md_raid_disks", "Members the array should have.",
            [.. arrays.Where(a => a.RaidDisks is not null).Select(a => (Device(a), (decimal)a.RaidDisks!.Value))]);
        Family(text, "xsraid_md_in_sync_disks", "Members in sync.",
            [.. arrays.Where(a => a.InSyncDisks is not null).Select(a => (Device(a), (decimal)a.InSyncDisks!.Value))]);
        Family(text, "xsraid_md_failed_disks", "Members marked faulty.",
            [.. arrays.Select(a => (Device(a), (decimal)a.FailedDisks))]);
        Family(text, "xsraid_md_sync_percent", "Progress of a running resync, recovery, check or reshape.",
            [.. arrays.Where(a => a.Health.Percent is not null).Select(a => (Labels(("device", a.Name), ("action", a.SyncAction ?? "sync")), a.Health.Percent!.Value))]);
        Family(text, "xsraid_md_mismatch_cnt", "The array's mismatch_cnt (sectors found different by the last check).",
            [.. arrays.Where(a => a.MismatchCount is not null).Select(a => (Device(a), (decimal)a.MismatchCount!.Value))]);
        Family(text, "xsraid_md_bitmap", "1 when the array has a write-intent bitmap.",
            [.. arrays.Where(a => a.HasBitmap is not null).Select(a => (Device(a), a.HasBitmap == true ? 1m : 0m))]);
        return text.ToString();
    }

    /// <summary>Writes FILE.tmp and renames it over FILE, so the collector never reads half a file.</summary>
    public static void Write(string file, CheckReport report)
    {
        var temporary = file + ".tmp";
        File.WriteAllText(temporary, Render(report), new UTF8Encoding(false));
        File.Move(temporary, file, overwrite: true);
    }

    private static string Device(ArrayCondition a) => Labels(("device", a.Name));

    private static string Labels(params (string Name, string Value)[] labels) =>
        "{" + string.Join(',', labels.Select(l => $"{l.Name}=\"{Escape(l.Value)}\"")) + "}";

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static void Family(StringBuilder text, string name, string help, IReadOnlyList<(string Labels, decimal Value)> samples)
    {
        if (samples.Count == 0)
        {
            return;
        }

        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} gauge\n");
        foreach (var (labels, value) in samples)
        {
            text.Append(CultureInfo.InvariantCulture, $"{name}{labels} {value.ToString(CultureInfo.InvariantCulture)}\n");
        }
    }
}
