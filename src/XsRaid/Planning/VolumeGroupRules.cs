namespace XsRaid.Planning;

/// <summary>
/// The rules for keeping a volume group by moving it onto the storage array, all checked before anything is written:
/// the snapshot shows its extents, it lives on the storage partition alone, no pvmove is in progress, its allocated
/// extents fit on the array (which is smaller than the partition: md metadata), its metadata area has room for
/// pvmove's temporary volume, and the host has the LVM tools the move runs.
/// </summary>
public static class VolumeGroupRules
{
    /// <summary>The LVM tools the move runs (and its checks read).</summary>
    public static readonly string[] Tools = ["pvs", "lvs", "pvcreate", "vgextend", "pvmove", "vgreduce", "pvremove"];

    private const long MiB = 1024 * 1024;

    public static IReadOnlyList<Refusal> Check(HostFacts facts, KeptVolumeGroup vg, long arrayBytes, PlanOptions options)
    {
        var refusals = new List<Refusal>();
        var missing = Tools.Where(t => !facts.Snapshot.HasTool(t)).ToList();
        if (missing.Count > 0)
        {
            refusals.Add(new Refusal(RuleIds.ToolMissing,
                $"the host lacks {string.Join(", ", missing)}, which moving the volume group {vg.Name} onto the mirror runs.",
                "Install them from the platform's own LVM package (xsraid never installs anything on the host) and plan again."));
        }

        if (options.CreateSr)
        {
            refusals.Add(new Refusal(RuleIds.StoragePartitionInUse,
                $"{vg.Device} holds the volume group {vg.Name}, which the plan keeps on the mirror's storage array; --create-sr would make a second one there.",
                "Plan without --create-sr: the existing storage is kept."));
        }

        if (vg.OtherPhysicalVolumes.Count > 0)
        {
            refusals.Add(new Refusal(RuleIds.VolumeGroupSpansDisks,
                $"the volume group {vg.Name} on {vg.Device} also spans {string.Join(", ", vg.OtherPhysicalVolumes)}; xsraid moves a volume group that lives on the storage partition alone.",
                $"Move its extents onto {vg.Device} (pvmove) or split the volume group (vgsplit), then plan again."));
        }

        if (vg.MovesInProgress.Count > 0)
        {
            refusals.Add(new Refusal(RuleIds.PvMoveInProgress,
                $"a pvmove is in progress on the host ({string.Join("; ", vg.MovesInProgress.Select(m => $"{m.VgName}/{m.LvName} from {m.Devices}{(m.CopyPercent is { } p ? $" at {p}%" : "")}"))}).",
                "Let it finish (`pvmove` with no arguments continues it, `lvs -a` shows it), then plan again."));
        }

        if (vg.Extents is not { } e)
        {
            refusals.Add(new Refusal(RuleIds.StoragePartitionInUse,
                $"{vg.Device} holds the volume group {vg.Name}, and the snapshot has no extent report of it (pvs-extents, lvs), so xsraid cannot tell whether it fits on the mirror.",
                "Take a new snapshot with this xsraid (its probe reports them) and plan again."));
            return refusals;
        }

        var newDataStart = Math.Max(e.DataStartBytes, RoundUp(4096 + e.MetadataAreaBytes, MiB));
        var newExtents = Math.Max(0, (arrayBytes - newDataStart) / e.ExtentBytes);
        if (e.AllocatedExtents > newExtents)
        {
            refusals.Add(new Refusal(RuleIds.VolumeGroupDoesNotFit,
                $"{vg.Name} has {e.AllocatedExtents} extents of {e.ExtentBytes} bytes allocated on {vg.Device}; the storage array will hold at most {newExtents} (md's metadata takes room at the end, the PV its first {newDataStart} bytes).",
                $"Free {e.AllocatedExtents - newExtents} extent(s) or more (delete a VDI or snapshot you do not need), then plan again."));
        }

        if (e.MetadataFreeBytes < e.MetadataUsedBytes)
        {
            refusals.Add(new Refusal(RuleIds.VolumeGroupMetadataFull,
                $"the metadata area of {vg.Name} on {vg.Device} has {e.MetadataFreeBytes} bytes free for about {e.MetadataUsedBytes} bytes of metadata; pvmove's temporary volume describes every moved segment again, which can double it.",
                "Remove volumes you do not need (old snapshots) so the metadata shrinks, then plan again."));
        }

        return refusals;
    }

    private static long RoundUp(long value, long unit) => (value + unit - 1) / unit * unit;
}
