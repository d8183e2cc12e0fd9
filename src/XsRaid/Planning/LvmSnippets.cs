namespace XsRaid.Planning;

/// <summary>
/// The fixed sh snippets that move a volume group onto the mirror (<see cref="VolumeGroupMoveSteps"/>), constants as
/// <see cref="Snippets"/> are: host values only as positional arguments. LVM's own state is what they read, never a
/// file of xsraid's. They run on CentOS 5's LVM 2.02 and on current LVM (no --select, no JSON reports).
/// </summary>
public static class LvmSnippets
{
    /// <summary>$1 = device: holds when it is an LVM physical volume.</summary>
    public const string IsPhysicalVolume = "pvs --noheadings -o pv_name \"$1\" >/dev/null 2>&1";

    /// <summary>$1 = VG, $2 = device: holds when the device is a PV of that VG.</summary>
    public const string InVolumeGroup = "[ \"$(pvs --noheadings -o vg_name \"$2\" 2>/dev/null | tr -d ' ')\" = \"$1\" ]";

    /// <summary>
    /// $1 = VG, $2 = old device: holds when no pvmove of the VG is in progress and nothing of the VG is left on the
    /// old device (it is no PV any more, a PV of no or another VG, or one with no allocated extent).
    /// </summary>
    public const string NothingLeftOn =
        "lvs -a --noheadings -o lv_attr \"$1\" 2>/dev/null | grep -q '^ *p' && exit 1; " +
        "r=$(pvs --noheadings -o vg_name,pv_pe_alloc_count --separator '|' \"$2\" 2>/dev/null) || exit 0; r=$(echo \"$r\" | tr -d ' '); " +
        "[ \"${r%%|*}\" != \"$1\" ] || [ \"${r##*|}\" = 0 ]";

    /// <summary>
    /// $1 = VG, $2 = old device, $3 = new device: moves every extent of the VG off $2 onto $3, pvmove checking (and
    /// printing) its progress every 10 s. An interrupted move (LVM keeps it in the VG's metadata as the pvmove LV) is
    /// resumed by a plain `pvmove`, which continues from LVM's last checkpoint, never restarted or aborted. The
    /// interval is also how late pvmove notices that the move has ended: with 60 s the lab's 68 MiB move held its
    /// step for 3 minutes (xsraid shows the progress itself, from lvs).
    /// </summary>
    public const string MoveExtents =
        "if lvs -a --noheadings -o lv_attr \"$1\" 2>/dev/null | grep -q '^ *p'; then pvmove -i 10; " +
        "else pvmove -i 10 \"$2\" \"$3\"; fi";

    /// <summary>$1 = VG, $2 = device: holds when the VG has exactly one PV and it is that device.</summary>
    public const string OnlyOn =
        "[ \"$(pvs --noheadings -o pv_name,vg_name --separator '|' 2>/dev/null | tr -d ' ' | awk -F'|' -v vg=\"$1\" '$2 == vg {print $1}')\" = \"$2\" ]";
}
