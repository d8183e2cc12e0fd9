namespace XsRaid.Hosts.Parsers;

/// <summary>
/// A PBD record of "xe pbd-list": how one host reaches one SR. For a local LVM SR, DeviceConfig["device"]
/// is the partition (a /dev/disk/by-id path on current installs) that holds the SR's volume group.
/// </summary>
public sealed record XePhysicalBlockDevice(
    string Uuid,
    string? HostUuid,
    string? SrUuid,
    IReadOnlyDictionary<string, string> DeviceConfig,
    bool? CurrentlyAttached)
{
    public static XePhysicalBlockDevice? From(XeRecord record) =>
        record.Get("uuid") is { Length: > 0 } uuid
            ? new XePhysicalBlockDevice(
                uuid,
                record.Get("host-uuid"),
                record.Get("sr-uuid"),
                record.GetMap("device-config"),
                record.GetBool("currently-attached"))
            : null;
}
