namespace XsRaid.Hosts.Parsers;

/// <summary>
/// /etc/xensource-inventory, written by the XenServer installer as KEY='value' lines. The host's uuid for
/// "xe sr-create host-uuid=" is <see cref="InstallationUuid"/>; <see cref="PrimaryDisk"/> and
/// <see cref="BackupPartition"/> are /dev/disk/by-id paths on 6.x and later.
/// </summary>
public sealed record XensourceInventory(IReadOnlyDictionary<string, string> Values)
{
    public string? InstallationUuid => Get("INSTALLATION_UUID");

    public string? ControlDomainUuid => Get("CONTROL_DOMAIN_UUID");

    public string? ProductBrand => Get("PRODUCT_BRAND");

    public string? ProductVersion => Get("PRODUCT_VERSION");

    public string? PlatformVersion => Get("PLATFORM_VERSION");

    public string? BuildNumber => Get("BUILD_NUMBER");

    public string? PrimaryDisk => Get("PRIMARY_DISK");

    public string? BackupPartition => Get("BACKUP_PARTITION");

    public string? ManagementInterface => Get("MANAGEMENT_INTERFACE");

    /// <summary>"ROOT,BACKUP,LOG,BOOT,SWAP,SR" on 7.x and later; absent on 6.x.</summary>
    public IReadOnlyList<string> PartitionLayout => Get("PARTITION_LAYOUT")?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];

    public string? Get(string key) => Values.TryGetValue(key, out var value) ? value : null;
}
