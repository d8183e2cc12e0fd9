namespace XsRaid.Formats.Ext;

/// <summary>The ext feature bits this reader acts on (the full name table is <see cref="ExtFeatureNames"/>).</summary>
public static class ExtFeature
{
    public const uint CompatHasJournal = 0x0004;

    public const uint IncompatFiletype = 0x0002;
    public const uint IncompatRecover = 0x0004;
    public const uint IncompatJournalDev = 0x0008;
    public const uint IncompatMetaBg = 0x0010;
    public const uint Incompat64Bit = 0x0080;

    public const uint RoCompatSparseSuper = 0x0001;
    public const uint RoCompatLargeFile = 0x0002;
    public const uint RoCompatBtreeDir = 0x0004;
    public const uint RoCompatMetadataCsum = 0x0400;
}
