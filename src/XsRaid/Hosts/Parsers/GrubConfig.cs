namespace XsRaid.Hosts.Parsers;

/// <summary>What a grub.cfg boots: its menu entries in order, "set default=" and "set timeout=" as written.</summary>
public sealed record GrubConfig(IReadOnlyList<GrubMenuEntry> Entries, string? Default, string? Timeout)
{
    /// <summary>The entry "set default=" names: by index ("0"), by title, or by "submenu&gt;title".</summary>
    public GrubMenuEntry? DefaultEntry
    {
        get
        {
            if (Default is null)
            {
                return Entries.Count > 0 ? Entries[0] : null;
            }

            if (TextNumbers.Int(Default) is { } index)
            {
                return index < Entries.Count ? Entries[index] : null;
            }

            return Entries.FirstOrDefault(e => string.Join('>', e.Submenus.Append(e.Title)) == Default || e.Title == Default);
        }
    }
}
