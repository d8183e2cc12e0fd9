namespace XsRaid.Hosts.Parsers;

/// <summary>
/// One "BootXXXX[*] label&lt;TAB&gt;device-path" line of efibootmgr. <see cref="Id"/> is the 4 hex digits in
/// upper case ("0003"); <see cref="Active"/> is the '*'. <see cref="DevicePath"/> is everything after the
/// separator as printed, null when nothing was: efibootmgr appends the entry's optional data right after the path
/// with no separator ("..BO", "RC", hex), so it is kept whole. <see cref="Partition"/> is its HD(...,GPT,...)
/// node and <see cref="LoaderPath"/> the file it loads ("\EFI\xenserver\grubx64.efi", from "File(...)" or from a
/// bare "HD(...)/\EFI\...efi"), each null when the path has none.
/// </summary>
public sealed record EfiBootEntry(
    string Id,
    bool Active,
    string Label,
    string? DevicePath,
    EfiGptPartition? Partition,
    string? LoaderPath);
