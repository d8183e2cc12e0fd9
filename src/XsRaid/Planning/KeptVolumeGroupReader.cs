using XsRaid.Hosts.Parsers;

namespace XsRaid.Planning;

/// <summary>
/// Reads what keeping a volume group needs from the probe's LVM captures: `pvs` (PVs and their VG), `pvs-extents`
/// (extents and metadata area of each PV) and `lvs` (every LV, pvmove ones included).
/// </summary>
public static class KeptVolumeGroupReader
{
    public static readonly string[] ExtentFields =
        ["pv_name", "vg_name", "vg_extent_size", "pv_pe_count", "pv_pe_alloc_count", "pe_start", "pv_mda_size", "pv_mda_free"];

    public static readonly string[] LvFields = ["vg_name", "lv_name", "lv_attr", "copy_percent", "devices"];

    /// <summary>The VG whose PV is <paramref name="device"/>, or null when the device is no PV of a VG.</summary>
    public static KeptVolumeGroup? Read(HostFacts facts, string device)
    {
        if (facts.PhysicalVolumes.FirstOrDefault(p => p.Device == device) is not { VgName.Length: > 0 } pv)
        {
            return null;
        }

        var others = facts.PhysicalVolumes.Where(p => p.VgName == pv.VgName && p.Device != device).Select(p => p.Device).ToList();
        return new KeptVolumeGroup(pv.VgName, device, others, Extents(facts, device), MovesInProgress(facts));
    }

    private static PhysicalVolumeExtents? Extents(HostFacts facts, string device)
    {
        if (facts.Snapshot.Commands.GetValueOrDefault("pvs-extents") is not { ExitCode: 0 } capture)
        {
            return null;
        }

        var row = LvmReportParser.ParseSeparated(capture.Output, ExtentFields).Value
            .FirstOrDefault(r => r.Get("pv_name") is { } name && HostFactsReader.Resolve(facts.Snapshot, name) == device);
        if (row is null)
        {
            return null;
        }

        long? Count(string field) => TextNumbers.Long(row.Get(field));
        return (row.GetBytes("vg_extent_size"), Count("pv_pe_count"), Count("pv_pe_alloc_count"), row.GetBytes("pe_start"),
                row.GetBytes("pv_mda_size"), row.GetBytes("pv_mda_free")) is ({ } extent, { } count, { } alloc, { } start, { } mda, { } free)
                && extent > 0
            ? new PhysicalVolumeExtents(extent, count, alloc, start, mda, free)
            : null;
    }

    private static List<PvMoveInProgress> MovesInProgress(HostFacts facts)
    {
        if (facts.Snapshot.Commands.GetValueOrDefault("lvs") is not { ExitCode: 0 } capture)
        {
            return [];
        }

        return [.. LvmReportParser.ParseSeparated(capture.Output, LvFields).Value
            .Where(r => r.Get("lv_attr") is { Length: > 0 } attr && attr[0] == 'p')
            .Select(r => new PvMoveInProgress(r.Get("vg_name") ?? "", r.Get("lv_name") ?? "", r.Get("devices") ?? "", r.Get("copy_percent") is { Length: > 0 } p ? p : null))];
    }
}
