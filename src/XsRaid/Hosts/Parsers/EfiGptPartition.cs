namespace XsRaid.Hosts.Parsers;

/// <summary>
/// The "HD(part,GPT,guid,start,size)" node of a UEFI device path: the GPT partition a boot entry loads from.
/// <see cref="PartitionGuid"/> is the partition's unique GUID (the PARTUUID) in lower case; start and size are
/// in the disk's logical sectors (efibootmgr prints them in hex).
/// </summary>
public sealed record EfiGptPartition(int Number, string PartitionGuid, long StartSector, long SizeSectors);
