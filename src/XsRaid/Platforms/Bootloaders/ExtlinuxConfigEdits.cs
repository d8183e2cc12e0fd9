using XsRaid.Hosts.Parsers;

namespace XsRaid.Platforms.Bootloaders;

/// <summary>
/// The extlinux.conf contents the plan writes, computed from the snapshot's copy: root= in every boot entry, the
/// one-shot entry, the default. Only what must change changes; every other byte stays as the host has it.
/// </summary>
public static class ExtlinuxConfigEdits
{
    /// <summary>extlinux.conf with root= set in every entry that has one.</summary>
    public static string RootEverywhere(string config, string newRoot) =>
        ExtlinuxParser.Parse(config).Value.WithRoot(null, newRoot).GetValueOrThrow().Render();

    /// <summary>
    /// Adds an entry <paramref name="label"/> that boots the default entry's kernel with root=<paramref name="newRoot"/>,
    /// <paramref name="extraArguments"/> and the initrd <paramref name="initrd"/>; DEFAULT is left as it is.
    /// </summary>
    public static string WithOneShotEntry(string config, string label, string newRoot, string initrd, string extraArguments)
    {
        var parsed = ExtlinuxParser.Parse(config).Value;
        var source = (parsed.Default is { } d ? parsed.Find(d) : null) ?? (parsed.Entries.Count > 0 ? parsed.Entries[0] : null)
            ?? throw new InvalidOperationException("the boot configuration has no entry to copy");
        var arguments = LinuxArguments(source.LinuxArguments, newRoot, extraArguments);
        var spec = source.IsMultiboot
            ? new ExtlinuxEntrySpec(label, source.Kernel ?? "mboot.c32",
                $"{Part(source.Hypervisor!)} --- {source.LinuxKernel} {arguments} --- {initrd}",
                Comment: "xsraid: boot the RAID1 mirror (armed once by extlinux --once)")
            : new ExtlinuxEntrySpec(label, source.Kernel ?? source.LinuxKernel ?? "", arguments, initrd,
                MenuLabel: source.MenuLabel is null ? null : "xsraid: RAID1 mirror",
                Comment: "xsraid: boot the RAID1 mirror (armed once by extlinux --once)");
        return parsed.WithEntry(spec).GetValueOrThrow().Render();
    }

    /// <summary>The config with DEFAULT pointing at <paramref name="label"/>.</summary>
    public static string WithDefault(string config, string label) =>
        ExtlinuxParser.Parse(config).Value.WithDefault(label).GetValueOrThrow().Render();

    private static string Part(MultibootModule module) =>
        module.Arguments.Length == 0 ? module.Path : $"{module.Path} {module.Arguments}";

    /// <summary>The Linux arguments with root= replaced, initrd= dropped and the extra arguments added.</summary>
    private static string LinuxArguments(KernelCommandLine? line, string newRoot, string extraArguments)
    {
        var kept = new List<string>();
        var hasRoot = false;
        foreach (var argument in line?.Arguments ?? [])
        {
            if (argument.Name == "initrd")
            {
                continue;
            }

            if (argument.Name == "root")
            {
                if (!hasRoot)
                {
                    kept.Add("root=" + newRoot);
                }

                hasRoot = true;
                continue;
            }

            kept.Add(line!.Text.Substring(argument.Start, argument.Length));
        }

        if (!hasRoot)
        {
            kept.Insert(0, "root=" + newRoot);
        }

        kept.Add(extraArguments);
        return string.Join(' ', kept);
    }
}
