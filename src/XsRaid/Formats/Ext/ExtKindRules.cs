namespace XsRaid.Formats.Ext;

/// <summary>
/// The TYPE blkid gives an ext superblock (libblkid superblocks/ext.c), on a system whose kernel knows ext2
/// and ext4 and not ext4dev, as every current Linux does. The rules exclude one another:
/// journal_dev is "jbd" (an external journal); any feature ext3 does not know is "ext4"; otherwise a journal
/// is "ext3"; otherwise, with only features ext2 knows, "ext2". What is left (no journal but
/// needs_recovery) gets no type from blkid: null here.
/// </summary>
public static class ExtKindRules
{
    public const string Ext2 = "ext2";
    public const string Ext3 = "ext3";
    public const string Ext4 = "ext4";
    public const string JournalDevice = "jbd";

    private const uint Ext2RoCompatKnown =
        ExtFeature.RoCompatSparseSuper | ExtFeature.RoCompatLargeFile | ExtFeature.RoCompatBtreeDir;

    private const uint Ext2IncompatKnown = ExtFeature.IncompatFiletype | ExtFeature.IncompatMetaBg;

    private const uint Ext3RoCompatKnown = Ext2RoCompatKnown;

    private const uint Ext3IncompatKnown = Ext2IncompatKnown | ExtFeature.IncompatRecover;

    public static string? Classify(uint compat, uint incompat, uint roCompat)
    {
        if ((incompat & ExtFeature.IncompatJournalDev) != 0)
        {
            return JournalDevice;
        }

        if ((roCompat & ~Ext3RoCompatKnown) != 0 || (incompat & ~Ext3IncompatKnown) != 0)
        {
            return Ext4;
        }

        if ((compat & ExtFeature.CompatHasJournal) != 0)
        {
            return Ext3;
        }

        return (roCompat & ~Ext2RoCompatKnown) == 0 && (incompat & ~Ext2IncompatKnown) == 0 ? Ext2 : null;
    }
}
