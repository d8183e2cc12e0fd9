namespace XsRaid.Hosts.Parsers;

/// <summary>
/// A new LABEL block for <see cref="ExtlinuxConfig.WithEntry"/>. <see cref="Comment"/> becomes a "# ..."
/// line under the LABEL line, as XenServer's installer writes its titles.
/// </summary>
public sealed record ExtlinuxEntrySpec(
    string Label,
    string Kernel,
    string? Append = null,
    string? Initrd = null,
    string? MenuLabel = null,
    string? Comment = null);
