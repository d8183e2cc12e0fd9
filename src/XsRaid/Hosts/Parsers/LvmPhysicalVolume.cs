namespace XsRaid.Hosts.Parsers;

/// <summary>
/// A PV from "pvs -o pv_name,vg_name,pv_fmt,pv_attr,pv_size,pv_free,pv_uuid,dev_size,pe_start". Fields not
/// requested are null; <see cref="VgName"/> is empty for a PV in no VG. Sizes are null unless printed in bytes.
/// </summary>
public sealed record LvmPhysicalVolume(
    string Name,
    string VgName,
    string? Format,
    string? Attributes,
    long? SizeBytes,
    long? FreeBytes,
    string? Uuid,
    long? DeviceSizeBytes,
    long? PeStartBytes)
{
    public static LvmPhysicalVolume? From(LvmReportRow row) =>
        row.Get("pv_name") is { Length: > 0 } name
            ? new LvmPhysicalVolume(
                name,
                row.Get("vg_name") ?? "",
                row.Get("pv_fmt"),
                row.Get("pv_attr"),
                row.GetBytes("pv_size"),
                row.GetBytes("pv_free"),
                row.Get("pv_uuid"),
                row.GetBytes("dev_size"),
                row.GetBytes("pe_start"))
            : null;
}
