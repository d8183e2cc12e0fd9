using XsRaid.Hosts.Parsers;

namespace XsRaid.Planning;

/// <summary>
/// The fstab the plan writes, computed from the snapshot's copy: only the root line changes; every other byte stays
/// as the host has it. (Boot config edits belong to each bootloader.)
/// </summary>
public static class ConfigRewrites
{
    /// <summary>fstab with the device of the "/" line replaced (other LABEL=/UUID= lines untouched).</summary>
    public static string Fstab(string fstab, string newRootSpec)
    {
        var parsed = FstabParser.Parse(fstab).Value;
        return parsed.ForMountPoint("/") is { } line
            ? parsed.WithField(line.Number, FstabField.Spec, newRootSpec).GetValueOrThrow().Render()
            : fstab;
    }
}
