namespace XsRaid.Planning;

/// <summary>The names of the safety rules, as refusals print them and tests refer to them.</summary>
public static class RuleIds
{
    public const string UnsupportedPlatform = "unsupported-platform";
    public const string UnsupportedBootloader = "unsupported-bootloader";
    public const string UefiNotSupported = "uefi-not-supported";
    public const string RootNotFound = "root-not-found";
    public const string AlreadyMirrored = "already-mirrored";
    public const string UnsupportedLayout = "unsupported-layout";
    public const string TargetNotFound = "target-not-found";
    public const string TargetIsSource = "target-is-source";
    public const string TargetTooSmall = "target-too-small";
    public const string SectorSizeMismatch = "sector-size-mismatch";
    public const string TargetInUse = "target-in-use";
    public const string TargetHasSignatures = "target-has-signatures";
    public const string TargetUnreadable = "target-unreadable";
    public const string StoragePartitionInUse = "storage-partition-in-use";
    public const string VolumeGroupDoesNotFit = "volume-group-does-not-fit";
    public const string VolumeGroupMetadataFull = "volume-group-metadata-full";
    public const string VolumeGroupSpansDisks = "volume-group-spans-disks";
    public const string PvMoveInProgress = "pvmove-in-progress";
    public const string ToolMissing = "tool-missing";
    public const string MetadataNotBootable = "metadata-not-bootable";
    public const string AmbiguousSuperblock = "ambiguous-superblock";
    public const string SourceUnreadable = "source-unreadable";
    public const string DosPartitionTable = "dos-partition-table";
    public const string UtilityPartition = "utility-partition";
}
