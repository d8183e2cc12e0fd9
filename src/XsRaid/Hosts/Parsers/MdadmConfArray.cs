namespace XsRaid.Hosts.Parsers;

/// <summary>
/// One ARRAY line of mdadm.conf: the device it names ("/dev/md0", "/dev/md/root", or "&lt;ignore&gt;") and the
/// identity tags it gives (UUID, name, metadata, ...), tag names lower-cased. <see cref="Uuid"/> is the UUID tag in
/// the canonical form of <see cref="MdUuids.Normalize"/>.
/// </summary>
public sealed record MdadmConfArray(int Line, string? Device, IReadOnlyDictionary<string, string> Tags)
{
    public string? Uuid => Tags.TryGetValue("uuid", out var uuid) ? MdUuids.Normalize(uuid) : null;
}
