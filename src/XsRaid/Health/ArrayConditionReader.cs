using System.Globalization;
using XsRaid.Execution;
using XsRaid.Hosts.Parsers;
using XsRaid.Hosts.Snapshot;

namespace XsRaid.Health;

/// <summary>
/// Reads each array's condition from a snapshot: /proc/mdstat first (the kernel's own view), then the probe's
/// /sys/block/mdN/md files and `mdadm --detail` where they were captured. Any source that says degraded or failed
/// counts: the sources are combined so that none can hide a degraded array (mdadm has returned "clean" for
/// degraded arrays in the past).
/// </summary>
public static class ArrayConditionReader
{
    private static readonly string[] RedundantLevels = ["raid1", "raid4", "raid5", "raid6", "raid10"];

    public static ArrayCondition Read(HostSnapshot snapshot, MdstatArray array)
    {
        var health = ArrayHealth.From(array);
        var detail = Detail(snapshot, array.Name);
        var sysDegraded = SysLong(snapshot, array.Name, "degraded");
        var syncAction = SysText(snapshot, array.Name, "sync_action");
        var degraded = array.IsDegraded
            || (array.InSyncDisks is { } inSync && array.RaidDisks is { } raid && inSync < raid)
            || sysDegraded > 0
            || detail?.HasState("degraded") == true;
        var failed = Math.Max(array.FaultyCount, detail?.FailedDevices ?? 0);
        var redundant = array.Level is { } level && RedundantLevels.Contains(level, StringComparer.Ordinal);
        var action = array.Sync?.Action.ToString().ToLowerInvariant()
            ?? (array.ResyncWait is { } wait ? "resync-" + wait.ToString().ToLowerInvariant() : null)
            ?? (syncAction is not null and not "idle" ? syncAction : null);
        return new ArrayCondition(
            health,
            array.RaidDisks,
            array.InSyncDisks,
            failed,
            array.SpareCount,
            degraded,
            redundant,
            action,
            SysLong(snapshot, array.Name, "mismatch_cnt"),
            redundant && array.State != MdstatArrayState.Inactive ? array.Bitmap is not null : null,
            Uuid(snapshot, array.Name, detail));
    }

    /// <summary>`mdadm --detail /dev/mdN` as the probe captured it (command mdadm-detail-mdN), or null.</summary>
    public static MdadmDetail? Detail(HostSnapshot snapshot, string name) =>
        snapshot.Commands.GetValueOrDefault("mdadm-detail-" + name) is { Output.Length: > 0 } capture
            ? MdadmDetailParser.Parse(capture.Output).Value
            : null;

    /// <summary>A /sys/block/mdN/md/ATTRIBUTE file's text, trimmed, or null when it was not captured.</summary>
    public static string? SysText(HostSnapshot snapshot, string name, string attribute) =>
        snapshot.File($"/sys/block/{name}/md/{attribute}")?.Trim();

    private static long? SysLong(HostSnapshot snapshot, string name, string attribute) =>
        long.TryParse(SysText(snapshot, name, attribute), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The array's UUID from its mdadm --detail, else from `mdadm --detail --scan`.</summary>
    private static string? Uuid(HostSnapshot snapshot, string name, MdadmDetail? detail)
    {
        if (detail?.Uuid is { } uuid && MdUuids.Normalize(uuid) is { } normalized)
        {
            return normalized;
        }

        if (snapshot.Commands.GetValueOrDefault("mdadm-detail-scan") is not { } scan)
        {
            return null;
        }

        var conf = MdadmConfParser.Parse(scan.Output).Value;
        return conf.Arrays.FirstOrDefault(a => a.Device is { } device && MdDeviceNames.SameArray(device, name))?.Uuid;
    }
}
