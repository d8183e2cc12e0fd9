namespace XsRaid.Hosts.Parsers;

/// <summary>A VG from "vgs -o vg_name,vg_uuid,vg_size,vg_free,pv_count,lv_count,vg_extent_size".</summary>
public sealed record LvmVolumeGroup(
    string Name,
    string? Uuid,
    long? SizeBytes,
    long? FreeBytes,
    int? PvCount,
    int? LvCount,
    long? ExtentSizeBytes)
{
    /// <summary>A XenServer LVM SR's VG is "VG_XenStorage-" + the SR's uuid.</summary>
    public const string XenStoragePrefix = "VG_XenStorage-";

    public string? XenStorageSrUuid =>
        Name.StartsWith(XenStoragePrefix, StringComparison.Ordinal) ? Name[XenStoragePrefix.Length..] : null;

    public static LvmVolumeGroup? From(LvmReportRow row) =>
        row.Get("vg_name") is { Length: > 0 } name
            ? new LvmVolumeGroup(
                name,
                row.Get("vg_uuid"),
                row.GetBytes("vg_size"),
                row.GetBytes("vg_free"),
                TextNumbers.Int(row.Get("pv_count")),
                TextNumbers.Int(row.Get("lv_count")),
                row.GetBytes("vg_extent_size"))
            : null;
}
