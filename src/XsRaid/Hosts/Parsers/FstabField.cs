namespace XsRaid.Hosts.Parsers;

/// <summary>The six fields of an fstab line, in order (fstab(5): fs_spec ... fs_passno).</summary>
public enum FstabField
{
    Spec,
    File,
    VfsType,
    Options,
    Freq,
    PassNo,
}
