namespace XsRaid.Hosts.Parsers;

/// <summary>
/// The fields of one fstab entry, octal escapes decoded. <see cref="SpecValue"/> is the spec without its
/// tag ("root-abcdefgh" for LABEL=root-abcdefgh). Freq and PassNo are null when the line leaves them out
/// (they then default to 0).
/// </summary>
public sealed record FstabEntry(
    string Spec,
    FstabSpecKind SpecKind,
    string SpecValue,
    string File,
    string VfsType,
    IReadOnlyList<string> Options,
    int? Freq,
    int? PassNo);
