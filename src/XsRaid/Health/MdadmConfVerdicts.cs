using XsRaid.Hosts.Parsers;
using XsRaid.Hosts.Snapshot;

namespace XsRaid.Health;

/// <summary>
/// mdadm.conf against the running arrays: every array listed by UUID and no ARRAY line for an array that does not
/// run (the initrd assembles what the file lists), and alerting configured (MAILADDR or PROGRAM). Each is a WARNING.
/// </summary>
public static class MdadmConfVerdicts
{
    /// <summary>Where mdadm looks, in the order it looks on this kind of host (Debian's own path first there).</summary>
    public static IReadOnlyList<string> Paths(HostSnapshot snapshot) =>
        snapshot.File("/etc/debian_version") is not null
            ? ["/etc/mdadm/mdadm.conf", "/etc/mdadm.conf"]
            : ["/etc/mdadm.conf", "/etc/mdadm/mdadm.conf"];

    public static IEnumerable<CheckFinding> For(HostSnapshot snapshot, IReadOnlyList<ArrayCondition> arrays)
    {
        var path = Paths(snapshot).FirstOrDefault(p => snapshot.File(p) is not null);
        if (path is null)
        {
            yield return new(FindingState.Warning, "mdadm-conf-missing", "mdadm.conf", "no mdadm.conf",
                $"no mdadm.conf ({string.Join(" or ", Paths(snapshot))}): the arrays are not listed, so they may be assembled under other names, and nothing sends alerts");
            yield break;
        }

        var conf = MdadmConfParser.Parse(snapshot.File(path)!).Value;
        var listed = conf.Arrays.Where(a => a.Uuid is not null).Select(a => a.Uuid!).ToHashSet(StringComparer.Ordinal);
        var problems = 0;
        foreach (var array in arrays)
        {
            if (array.Uuid is null)
            {
                yield return ArrayVerdicts.NotCaptured(array.Name, "UUID", $"mdadm --detail of /dev/{array.Name} and mdadm --detail --scan");
            }
            else if (!listed.Contains(array.Uuid))
            {
                problems++;
                yield return new(FindingState.Warning, "mdadm-conf-unlisted", "mdadm.conf", $"mdadm.conf misses {array.Name}",
                    $"{path} has no ARRAY line with the UUID of {array.Name} ({array.Uuid}); add it (mdadm --detail --scan) and rebuild the initrd");
            }
        }

        var running = arrays.Where(a => a.Uuid is not null).Select(a => a.Uuid!).ToHashSet(StringComparer.Ordinal);
        if (arrays.All(a => a.Uuid is not null))
        {
            foreach (var stale in conf.Arrays.Where(a => a.Uuid is not null && !running.Contains(a.Uuid)))
            {
                problems++;
                yield return new(FindingState.Warning, "mdadm-conf-stale", "mdadm.conf", $"mdadm.conf lists a missing array",
                    $"{path} line {stale.Line} lists {stale.Device ?? "an array"} (UUID {stale.Uuid}) that does not run on this host");
            }
        }

        if (problems == 0 && arrays.All(a => a.Uuid is not null))
        {
            yield return new(FindingState.Ok, "mdadm-conf-matches", "mdadm.conf", "mdadm.conf matches",
                $"{path} lists every running array by UUID and nothing else");
        }

        yield return conf.HasAlerting
            ? new(FindingState.Ok, "alerting", "mdadm.conf", "alerting configured",
                $"alerts go to {string.Join(", ", conf.MailAddresses.Concat(conf.Program is { } p ? [p] : []))} ({path}; the md monitor service must run to send them)")
            : new(FindingState.Warning, "no-alerting", "mdadm.conf", "no alerting",
                $"no MAILADDR or PROGRAM in {path}: mdadm --monitor reports a failed disk to nobody (xsraid alerts sets it up)");
    }
}
