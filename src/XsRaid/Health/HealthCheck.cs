using XsRaid.Hosts.Parsers;
using XsRaid.Hosts.Snapshot;
using XsRaid.Planning;

namespace XsRaid.Health;

/// <summary>
/// `xsraid check`: the verdict on one snapshot (one probe), pure. Every array's findings (<see cref="ArrayVerdicts"/>),
/// then, when arrays run, mdadm.conf, boot code on the disks under / and the initrd. The verdict is the worst finding
/// (CRITICAL over UNKNOWN over WARNING over OK; notes do not count); no arrays is UNKNOWN unless none are expected.
/// </summary>
public static class HealthCheck
{
    public static CheckReport Check(HostSnapshot snapshot, CheckOptions options)
    {
        var findings = new List<CheckFinding>();
        var arrays = new List<ArrayCondition>();
        if (snapshot.File("/proc/mdstat") is not { } mdstatText)
        {
            findings.Add(options.ExpectNone
                ? new(FindingState.Ok, "mdstat-missing", "host", "md not loaded (no arrays, as expected)",
                    "/proc/mdstat was not captured: the md driver is not loaded, so no arrays run, as --expect-none says")
                : new(FindingState.Unknown, "mdstat-missing", "host", "no /proc/mdstat",
                    "/proc/mdstat was not captured: the md driver is not loaded (or the probe could not read it)"));
        }
        else
        {
            var mdstat = MdstatParser.Parse(mdstatText);
            foreach (var issue in mdstat.Issues)
            {
                findings.Add(new(FindingState.Unknown, "mdstat-unreadable", "host", "/proc/mdstat not understood", $"/proc/mdstat {issue}"));
            }

            foreach (var array in mdstat.Value.Arrays)
            {
                var condition = ArrayConditionReader.Read(snapshot, array);
                arrays.Add(condition);
                findings.AddRange(ArrayVerdicts.For(condition));
            }
        }

        if (arrays.Count == 0 && snapshot.File("/proc/mdstat") is not null)
        {
            findings.Add(options.ExpectNone
                ? new(FindingState.Ok, "no-arrays", "host", "no md arrays (as expected)", "no md arrays run on this host, as --expect-none says")
                : new(FindingState.Unknown, "no-arrays", "host", "no md arrays", "no md arrays run on this host (--expect-none if that is expected)"));
        }

        if (arrays.Count > 0)
        {
            findings.AddRange(MdadmConfVerdicts.For(snapshot, arrays));
            var root = RootDevice(snapshot);
            findings.AddRange(BootCodeVerdicts.For(snapshot, arrays, root));
            findings.Add(root is not null && root.StartsWith("/dev/md", StringComparison.Ordinal)
                ? InitrdVerdicts.For(snapshot)
                : new(FindingState.Note, "initrd-not-checked", "initrd", "initrd not checked", "/ is not on an md array: the initrd is not checked"));
        }

        var state = Verdict(findings);
        return new CheckReport(snapshot.HostName, snapshot.Meta.GetValueOrDefault("date"), state, Summary(state, arrays, findings), arrays, findings);
    }

    /// <summary>The report when there is no snapshot to judge (the host could not be reached or probed): UNKNOWN.</summary>
    public static CheckReport NoSnapshot(string reason)
    {
        var finding = new CheckFinding(FindingState.Unknown, "probe-failed", "host", "no probe", reason);
        return new CheckReport("unknown", null, CheckState.Unknown, "no probe: " + reason, [], [finding]);
    }

    /// <summary>The device / is on, as `status` reads it; "/dev/root" (CentOS 5's nash) is taken from root= on the kernel command line.</summary>
    public static string? RootDevice(HostSnapshot snapshot)
    {
        var root = HostFactsReader.Read(snapshot).Root;
        return root is { Device: var device } && !device.StartsWith("/dev/md", StringComparison.Ordinal)
            && root.RootArgument?.StartsWith("/dev/md", StringComparison.Ordinal) == true
            ? root.RootArgument
            : root?.Device;
    }

    public static CheckState Verdict(IEnumerable<CheckFinding> findings)
    {
        var states = findings.Select(f => f.State).ToList();
        return states.Contains(FindingState.Critical) ? CheckState.Critical
            : states.Contains(FindingState.Unknown) ? CheckState.Unknown
            : states.Contains(FindingState.Warning) ? CheckState.Warning
            : CheckState.Ok;
    }

    private static string Summary(CheckState state, IReadOnlyList<ArrayCondition> arrays, IReadOnlyList<CheckFinding> findings)
    {
        var count = arrays.Count == 1 ? "1 array" : $"{arrays.Count} arrays";
        if (state == CheckState.Ok)
        {
            var names = arrays.Count > 0 ? $" ({string.Join(", ", arrays.Select(a => a.Name))})" : "";
            var running = findings.Where(f => f.Code == "array-checking").Select(f => f.Short).ToList();
            return arrays.Count == 0 ? findings.First(f => f.Code is "no-arrays" or "mdstat-missing").Short
                : $"{count} healthy{names}" + (running.Count > 0 ? "; " + string.Join("; ", running) : "");
        }

        var worst = findings.Where(f => f.State is FindingState.Critical or FindingState.Unknown or FindingState.Warning)
            .OrderBy(f => f.State switch { FindingState.Critical => 0, FindingState.Unknown => 1, _ => 2 })
            .Select(f => f.Short)
            .ToList();
        return string.Join("; ", worst) + (arrays.Count > 0 ? $" ({count})" : "");
    }
}
