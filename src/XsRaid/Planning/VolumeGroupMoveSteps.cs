namespace XsRaid.Planning;

/// <summary>
/// Keeps a volume group (a XenServer local SR) by moving it, online, off the old partition onto the storage array:
/// the array becomes a PV, joins the VG, pvmove moves every extent, the old PV leaves the VG and loses its label.
/// Only then may the old partition join the array. The steps take their devices as data (<see cref="VolumeGroupMove"/>),
/// so any layout can use them.
/// </summary>
public static class VolumeGroupMoveSteps
{
    public static IEnumerable<PlanStep> Create(VolumeGroupMove m, PlanPhase phase)
    {
        var isPv = new HostCheck($"{m.ArrayDevice} is an LVM physical volume", HostCommand.Sh(LvmSnippets.IsPhysicalVolume, m.ArrayDevice));
        yield return new PlanStep("pv-create-storage", phase, $"Make {m.ArrayDevice} an LVM physical volume",
            $"It takes the volume group {m.VgName}; its metadata area is as large as the old PV's, so the VG's metadata fits on it.",
            [HostCommand.Of("pvcreate", m.MetadataSizeArgument, m.ArrayDevice)], m.ArrayDevice, isPv, isPv);

        var extended = new HostCheck($"{m.ArrayDevice} is a physical volume of {m.VgName}", HostCommand.Sh(LvmSnippets.InVolumeGroup, m.VgName, m.ArrayDevice));
        yield return new PlanStep("vg-extend-storage", phase, $"Add {m.ArrayDevice} to the volume group {m.VgName}",
            "pvmove moves extents only between PVs of the same volume group.",
            [HostCommand.Of("vgextend", m.VgName, m.ArrayDevice)], m.ArrayDevice, extended, extended);

        var moved = new HostCheck($"nothing of {m.VgName} is left on {m.OldDevice} and no pvmove is in progress",
            HostCommand.Sh(LvmSnippets.NothingLeftOn, m.VgName, m.OldDevice));
        yield return new PlanStep("pv-move-storage", phase, $"Move {m.VgName} from {m.OldDevice} to {m.ArrayDevice} (pvmove, online)",
            "LVM mirrors each segment to the array and switches it over while the VMs keep running; xsraid shows its progress (lvs copy_percent). " +
            "Meanwhile LVM refuses to resize or snapshot a volume being moved: leave VDI snapshots and resizes until it is done. " +
            "LVM records the move in the VG's metadata: after an interruption (a killed run, a reboot) the step runs plain `pvmove`, " +
            "which continues from LVM's last checkpoint; it is never restarted or aborted (an abort would leave the VG split over both PVs).",
            [HostCommand.Sh(LvmSnippets.MoveExtents, m.VgName, m.OldDevice, m.ArrayDevice)], m.ArrayDevice, moved, moved) { Kind = StepKind.VolumeMove };

        var reduced = new HostCheck($"{m.VgName} is only on {m.ArrayDevice}", HostCommand.Sh(LvmSnippets.OnlyOn, m.VgName, m.ArrayDevice));
        yield return new PlanStep("vg-reduce-storage", phase, $"Take {m.OldDevice} out of the volume group {m.VgName}",
            "It holds no extent any more; the VG then lives on the mirror alone.",
            [HostCommand.Of("vgreduce", m.VgName, m.OldDevice)], m.OldDevice, reduced, reduced);

        var removed = new HostCheck($"{m.OldDevice} is no LVM physical volume", HostCommand.Sh("! " + LvmSnippets.IsPhysicalVolume, m.OldDevice));
        yield return new PlanStep("pv-remove-storage", phase, $"Remove the LVM label from {m.OldDevice}",
            "No stale copy of the PV may be found when the partition joins the array (it is wiped there too).",
            [HostCommand.Of("pvremove", m.OldDevice)], m.OldDevice, removed, removed);
    }
}
