using System.Globalization;
using XsRaid.Planning;

namespace XsRaid.Execution;

/// <summary>
/// How the host differs from a plan: another disk behind a device name (size, sector size, model, serial, WWN,
/// by-id names), / somewhere else, other arrays, or steps that would now do something else. Each finding is one
/// sentence; none means the plan still fits the host.
/// </summary>
public static class PlanDrift
{
    /// <summary>The plan shown to the user against the plan made now from a fresh snapshot.</summary>
    public static IReadOnlyList<string> Compare(ConversionPlan shown, ConversionPlan now)
    {
        var changes = new List<string>();
        changes.AddRange(Disk("system disk", shown.Source, now.Source));
        changes.AddRange(Disk("new disk", shown.Target, now.Target));
        if (shown.OriginalRoot() != now.OriginalRoot() || shown.RootLabel != now.RootLabel)
        {
            changes.Add($"/ was {shown.OriginalRoot()} labelled '{shown.RootLabel}', now {now.OriginalRoot()} labelled '{now.RootLabel}'.");
        }

        var arraysBefore = shown.Arrays.Select(Describe).ToList();
        var arraysNow = now.Arrays.Select(Describe).ToList();
        if (!arraysBefore.SequenceEqual(arraysNow, StringComparer.Ordinal))
        {
            changes.Add($"the arrays would now be {string.Join("; ", arraysNow)} instead of {string.Join("; ", arraysBefore)}.");
        }

        if (changes.Count == 0 && PlanIdentity.Of(shown) != PlanIdentity.Of(now))
        {
            var ids = shown.Steps.Select(s => s.Id).ToList();
            var changed = now.Steps.Where(s => !ids.Contains(s.Id) || Json(shown.Steps.First(x => x.Id == s.Id)) != Json(s)).Select(s => s.Id)
                .Concat(ids.Where(id => now.Steps.All(s => s.Id != id)))
                .ToList();
            changes.Add(changed.Count > 0
                ? $"the host's files changed since the plan was shown: step(s) {string.Join(", ", changed)} would now do something else."
                : "the plan made now differs from the one shown.");
        }

        return changes;
    }

    /// <summary>A saved plan (a conversion in progress) against the host's disks and root now.</summary>
    public static IReadOnlyList<string> CheckHost(ConversionPlan plan, HostFacts facts)
    {
        var changes = new List<string>();
        foreach (var (role, identity) in new[] { ("system disk", plan.Source), ("new disk", plan.Target) })
        {
            if (facts.Disk(identity.Device) is not { } disk)
            {
                changes.Add($"the {role} {identity.Device} ({identity.BestName}) is gone.");
                continue;
            }

            changes.AddRange(Disk(role, identity, disk.Identity));
        }

        var root = facts.Root?.Device;
        if (root != plan.OriginalRoot() && root != plan.RootArray)
        {
            changes.Add($"/ is on {root ?? "an unknown device"}, neither the original root {plan.OriginalRoot()} nor the mirror {plan.RootArray}.");
        }

        return changes;
    }

    private static IEnumerable<string> Disk(string role, DiskIdentity was, DiskIdentity now)
    {
        if (was.Device != now.Device)
        {
            yield return $"the {role} was {was.Device}, now {now.Device}.";
        }

        foreach (var (what, before, after) in new[]
        {
            ("size", was.SizeBytes.ToString(CultureInfo.InvariantCulture) + " bytes", now.SizeBytes.ToString(CultureInfo.InvariantCulture) + " bytes"),
            ("logical sector size", was.LogicalSectorSize.ToString(CultureInfo.InvariantCulture), now.LogicalSectorSize.ToString(CultureInfo.InvariantCulture)),
            ("model", was.Model ?? "(none)", now.Model ?? "(none)"),
            ("serial", was.Serial ?? "(none)", now.Serial ?? "(none)"),
            ("WWN", was.Wwid ?? "(none)", now.Wwid ?? "(none)"),
            ("by-id names", DiskNames(was), DiskNames(now)),
        })
        {
            if (before != after)
            {
                yield return $"the {role} {was.Device}: {what} was {before}, now {after} (another disk?).";
            }
        }
    }

    /// <summary>The disk's own by-id names (its partitions' names come and go as the conversion partitions it).</summary>
    private static string DiskNames(DiskIdentity d) =>
        string.Join(" ", d.ByIdNames.Where(n => !n.Contains("-part", StringComparison.Ordinal)).Order(StringComparer.Ordinal));

    private static string Describe(ArrayPlan a) =>
        $"{a.Device} = {a.SourcePartition} + {a.TargetPartition} ({a.SizeBytes} bytes, metadata {a.Metadata}, uuid {a.Uuid})";

    private static string Json(PlanStep step) => ExecutionJson.StepJson(step);
}
