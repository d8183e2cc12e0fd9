using XsRaid.Hosts.Snapshot;

namespace XsRaid.Health;

/// <summary>
/// Whether the running kernel's initrd can start the root array, from the probe's listing of it (command
/// initrd-md: "initrd=PATH", "lister=TOOL", "entries=N", "init-raidautorun=yes", then the md-related paths). An
/// mdadm initrd (initramfs-tools, dracut) needs mdadm and mdadm.conf; a nash initrd (CentOS 5 mkinitrd) raid1.ko
/// and raidautorun in its init. Missing = WARNING (the next boot may not find /).
/// </summary>
public static class InitrdVerdicts
{
    public const string CommandName = "initrd-md";

    public static CheckFinding For(HostSnapshot snapshot)
    {
        if (snapshot.Commands.GetValueOrDefault(CommandName) is not { } capture)
        {
            return ArrayVerdicts.NotCaptured("initrd", "initrd listing", "the probe's initrd-md listing");
        }

        var lines = capture.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string? Value(string key) => lines.FirstOrDefault(l => l.StartsWith(key + "=", StringComparison.Ordinal))?[(key.Length + 1)..];
        var path = Value("initrd");
        if (path is null || path.StartsWith("none", StringComparison.Ordinal))
        {
            return new(FindingState.Note, "initrd-not-found", "initrd", "initrd not found",
                $"no initrd of the running kernel was found ({path ?? capture.Output.Trim()}): not checked");
        }

        if (Value("entries") is null or "0")
        {
            return new(FindingState.Note, "initrd-not-listed", "initrd", "initrd not listed",
                $"{path} could not be listed with {Value("lister") ?? "any tool"}: not checked");
        }

        string[] keys = ["initrd=", "lister=", "entries=", "init-raidautorun="];
        var paths = lines.Where(l => !keys.Any(k => l.StartsWith(k, StringComparison.Ordinal))).ToList();
        var hasMdadm = paths.Any(l => l.Contains("bin/mdadm", StringComparison.Ordinal));
        var hasConf = paths.Any(l => l.Contains("mdadm.conf", StringComparison.Ordinal));
        var hasRaid1 = paths.Any(l => l.Contains("raid1.ko", StringComparison.Ordinal));
        var autorun = Value("init-raidautorun") == "yes";
        if (hasMdadm && hasConf)
        {
            return new(FindingState.Ok, "initrd-md", "initrd", "initrd has mdadm", $"{path} holds mdadm and mdadm.conf");
        }

        if (!hasMdadm && autorun && hasRaid1)
        {
            return new(FindingState.Ok, "initrd-md", "initrd", "initrd starts the arrays", $"{path} holds raid1.ko and its init runs raidautorun");
        }

        var missing = hasMdadm ? "mdadm.conf" : autorun ? "raid1.ko" : "mdadm (and mdadm.conf)";
        return new(FindingState.Warning, "initrd-no-md", "initrd", $"initrd lacks {missing}",
            $"{path} does not hold {missing}: the next boot may not assemble the root array; rebuild the initrd");
    }
}
