namespace XsRaid.Formats.Ext;

/// <summary>
/// Feature names as e2fsprogs 1.47 (<c>dumpe2fs -h</c>, "Filesystem features") prints them: compat bits, then
/// incompat, then ro_compat, each from bit 0 up; a bit without a name is <c>FEATURE_C7</c>, <c>FEATURE_I11</c>, ...
/// </summary>
public static class ExtFeatureNames
{
    private static readonly string?[] Compat =
    [
        "dir_prealloc", "imagic_inodes", "has_journal", "ext_attr", "resize_inode", "dir_index", "lazy_bg", null,
        "snapshot_bitmap", "sparse_super2", "fast_commit", "stable_inodes", "orphan_file",
    ];

    private static readonly string?[] Incompat =
    [
        "compression", "filetype", "needs_recovery", "journal_dev", "meta_bg", null, "extent", "64bit",
        "mmp", "flex_bg", "ea_inode", null, "dirdata", "metadata_csum_seed", "large_dir", "inline_data",
        "encrypt", "casefold",
    ];

    private static readonly string?[] RoCompat =
    [
        "sparse_super", "large_file", null, "huge_file", "uninit_bg", "dir_nlink", "extra_isize", null,
        "quota", "bigalloc", "metadata_csum", "replica", "read-only", "project", "shared_blocks", "verity",
        "orphan_present",
    ];

    public static IReadOnlyList<string> Of(uint compat, uint incompat, uint roCompat)
    {
        var names = new List<string>();
        Add(names, compat, Compat, 'C');
        Add(names, incompat, Incompat, 'I');
        Add(names, roCompat, RoCompat, 'R');
        return names;
    }

    private static void Add(List<string> names, uint bits, string?[] table, char set)
    {
        for (var bit = 0; bit < 32; bit++)
        {
            if ((bits & (1u << bit)) != 0)
            {
                names.Add((bit < table.Length ? table[bit] : null) ?? $"FEATURE_{set}{bit}");
            }
        }
    }
}
