namespace XsRaid.Hosts.Parsers;

/// <summary>An LV from "lvs -o lv_name,vg_name,lv_uuid,lv_size,lv_attr,lv_path,lv_dm_path".</summary>
public sealed record LvmLogicalVolume(
    string Name,
    string VgName,
    string? Uuid,
    long? SizeBytes,
    string? Attributes,
    string? Path,
    string? DmPath)
{
    /// <summary>The fifth lv_attr character is 'a' when the LV is active (has a device-mapper node).</summary>
    public bool IsActive => Attributes is { Length: > 4 } attr && attr[4] == 'a';

    public static LvmLogicalVolume? From(LvmReportRow row) =>
        row.Get("lv_name") is { Length: > 0 } name
            ? new LvmLogicalVolume(
                name,
                row.Get("vg_name") ?? "",
                row.Get("lv_uuid"),
                row.GetBytes("lv_size"),
                row.Get("lv_attr"),
                row.Get("lv_path"),
                row.Get("lv_dm_path"))
            : null;
}
