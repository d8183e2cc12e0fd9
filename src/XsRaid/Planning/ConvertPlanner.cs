using XsRaid.Inspection;
using XsRaid.Platforms;
using XsRaid.Platforms.Layouts;

namespace XsRaid.Planning;

/// <summary>
/// Turns host facts and the user's options into a conversion plan, or refuses. Pure: the same facts and options
/// always give the same plan (UUIDs and labels are derived from the host's identity).
/// </summary>
public static class ConvertPlanner
{
    public static PlanResult Plan(HostFacts facts, PlanOptions options)
    {
        var (profile, profileRefusals) = ProfileResolver.Resolve(facts);
        return profile is null ? PlanResult.Refused(profileRefusals) : Plan(facts, profile, options);
    }

    /// <summary>The plan for a host whose profile is already resolved.</summary>
    public static PlanResult Plan(HostFacts facts, HostProfile profile, PlanOptions options)
    {
        var refusals = new List<Refusal>();

        if (facts.Root?.Device is { } rootDevice && rootDevice.StartsWith("/dev/md", StringComparison.Ordinal))
        {
            refusals.Add(new Refusal(RuleIds.AlreadyMirrored, $"/ is already on {rootDevice}.", "Use `xsraid status` to see the mirror's health."));
            return PlanResult.Refused(refusals);
        }

        if (facts.Root is not { DiskName: not null } root || facts.Disk(root.DiskName) is not { } source)
        {
            refusals.Add(new Refusal(RuleIds.RootNotFound,
                $"cannot tell which disk holds / (root device {facts.Root?.Device ?? "unknown"}).",
                "Check /proc/mounts and the root= kernel argument on the host."));
            return PlanResult.Refused(refusals);
        }

        var metadata = options.Metadata == "auto" ? profile.Os.Metadata.Default : options.Metadata;
        var target = facts.Disk(options.Target);
        var wholeDisk = profile.Layout.Scope == MirrorScope.WholeDisk;
        if (wholeDisk)
        {
            refusals.AddRange(WholeDiskRules.Source(profile, source));
        }

        var kept = !wholeDisk ? StorageMove.Find(facts, profile, source, metadata)
            : target is not null ? StorageMove.FindWholeDisk(facts, profile, source, target)
            : null;
        refusals.AddRange(SafetyRules.SourceLayout(facts, profile.Layout, source, root, kept?.VolumeGroup.Device));
        if (kept is not null)
        {
            refusals.AddRange(VolumeGroupRules.Check(facts, kept.VolumeGroup, kept.ArrayBytes, options));
        }

        refusals.AddRange(SafetyRules.Target(facts, source, target, options));
        if (SafetyRules.Tools(facts, profile, options) is { } tools)
        {
            refusals.Add(tools);
        }

        if (SafetyRules.Metadata(profile, metadata, source) is { } meta)
        {
            refusals.Add(meta);
        }

        if (refusals.Count == 0 && target is not null)
        {
            refusals.AddRange(SafetyRules.AmbiguousSuperblocks(profile, metadata, source, target));
        }

        IReadOnlyList<InnerPartition> table = [];
        if (refusals.Count == 0 && target is not null && wholeDisk)
        {
            (table, var tableRefusals) = WholeDiskRules.Table(profile.Layout, options, source, target);
            refusals.AddRange(tableRefusals);
        }

        if (refusals.Count > 0 || target is null)
        {
            return PlanResult.Refused(refusals);
        }

        return PlanResult.Ok(Build(facts, profile, options, source, target, root, metadata, table, kept));
    }

    private static ConversionPlan Build(HostFacts facts, HostProfile profile, PlanOptions options, DiskFacts source, DiskFacts target, RootFacts root, string metadata,
        IReadOnlyList<InnerPartition> table, StorageMove? kept)
    {
        var seed = string.Join('|', facts.InstallationUuid, root.Uuid, source.Identity.BestName, target.Identity.BestName);
        var temporaryLabel = "xsraid-" + DeterministicIds.Letters(seed, "temporary-label", 8);
        var wholeDisk = profile.Layout.Array is { } array && profile.Layout.Scope == MirrorScope.WholeDisk
            ? WholeDisk(array, table, source, seed, temporaryLabel)
            : null;
        var arrays = wholeDisk is not null
            ? [new ArrayPlan(wholeDisk.Array.Device, DiskRenames.WholeDiskMember, source.Disk.DevicePath, target.Disk.DevicePath, DeterministicIds.Uuid(seed, "array-disk").ToString("D"),
                metadata, "whole-disk", "gpt", target.Disk.SizeBytes - WholeDiskArray.ReservedBytes)]
            : source.Report!.PartitionTable.Partitions.OrderBy(p => p.Number)
            .Select(p => (Partition: p, Role: profile.Layout.RoleAt(p.Number)!))
            .Where(m => m.Role.IsMirrored)
            .Select(m => new ArrayPlan(
                m.Role.MdDevice!,
                m.Partition.Number,
                PlanContext.PartitionOf(source.Disk.DevicePath, m.Partition.Number),
                PlanContext.PartitionOf(target.Disk.DevicePath, m.Partition.Number),
                DeterministicIds.Uuid(seed, $"array-{m.Partition.Number}").ToString("D"),
                profile.Os.Metadata.For(m.Role, metadata),
                m.Role.Name,
                m.Partition.Content.Label is null ? m.Partition.Content.Type : $"{m.Partition.Content.Type} {m.Partition.Content.Label}",
                m.Partition.SizeBytes)).ToList();
        var context = new PlanContext(
            facts, profile, options, source, target, root, metadata, arrays,
            DeterministicIds.Uuid(seed, "root-filesystem").ToString("D"),
            temporaryLabel,
            facts.KernelVersion ?? "")
        {
            WholeDisk = wholeDisk,
            VolumeGroupMove = wholeDisk is not null
                ? kept?.Move(wholeDisk.Array.Partition(kept.PartitionNumber), wholeDisk.Array.StableName(kept.PartitionNumber))
                : kept?.Move(arrays),
        };
        var mirror = wholeDisk is null
            ? BuildMirrorSteps.Create(context).Concat(JoinMirrorSteps.Create(context))
            : WholeDiskMirrorSteps.Create(context).Concat(WholeDiskJoinSteps.Create(context));
        var steps = mirror.Concat(StorageSteps.Create(context)).ToList();
        return new ConversionPlan(
            facts.Snapshot.HostName,
            profile.DisplayName,
            metadata,
            source.Identity,
            target.Identity,
            arrays,
            context.NewRootDevice,
            context.NewRootSpec,
            context.NewRootUuid,
            root.Label ?? "",
            context.TemporaryLabel,
            steps,
            Notes(context),
            profile.Boot.OneShot(context));
    }

    /// <summary>The whole-disk decisions: the labelled volumes (root, logs, swap) with their temporary labels.</summary>
    private static WholeDiskPlan WholeDisk(WholeDiskArray array, IReadOnlyList<InnerPartition> table, DiskFacts source, string seed, string rootTemporaryLabel) =>
        new(array, table, [.. table
            .Select(p => (Inner: p, Source: source.Report!.PartitionTable.Partitions.FirstOrDefault(s => s.Number == p.Number)))
            .Where(m => m.Inner.Role.LabelPrefix is not null && m.Source?.Content.Label is not null)
            .Select(m => new LabelledVolume(
                m.Inner.Role,
                array.Partition(m.Inner.Number),
                PlanContext.PartitionOf(source.Disk.DevicePath, m.Inner.Number),
                m.Source!.Content.Label!,
                m.Inner.Role.Kind == RoleKind.Root ? rootTemporaryLabel : "xsraid-" + DeterministicIds.Letters(seed, $"temporary-label-{m.Inner.Role.Name}", 8),
                m.Source.Content.Type))]);

    private static List<string> Notes(PlanContext c)
    {
        var notes = new List<string>();
        foreach (var empty in c.ArraysHandled(RoleHandling.Empty))
        {
            var partition = c.Source.Report!.PartitionTable.Partitions.First(p => p.Number == empty.PartitionNumber);
            if (partition.Content.Type is not (ContentType.Empty or ContentType.Unknown))
            {
                notes.Add($"partition {partition.Number} ({partition.Content.Type}) is not copied: the mirrored {empty.Role} partition starts empty.");
            }
        }

        if (c.Options.CreateSr && c.StorageDevice is null && c.Layout.FirstOf(RoleHandling.Storage) is { } storage)
        {
            notes.Add($"--create-sr: the system disk has no partition {storage.Number}, so there is no storage array to put an SR on.");
        }

        if (c.VolumeGroupMove is { } move)
        {
            notes.AddRange(StorageMove.Notes(c.Facts, move));
        }

        if (c.WholeDisk is { } w)
        {
            notes.AddRange(WholeDiskMirrorSteps.Notes(c, w));
        }

        if (c.Target.Disk.SizeBytes > c.Source.Disk.SizeBytes)
        {
            notes.Add($"{c.TargetDevice} is larger than {c.SourceDevice}; the extra space stays unused.");
        }

        return notes;
    }
}
