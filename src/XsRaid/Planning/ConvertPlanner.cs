using XsRaid.Inspection;

namespace XsRaid.Planning;

/// <summary>
/// Turns host facts and the user's options into a conversion plan, or refuses. Pure: the same facts and options
/// always give the same plan (UUIDs and labels are derived from the host's identity).
/// </summary>
public static class ConvertPlanner
{
    public static PlanResult Plan(HostFacts facts, PlanOptions options)
    {
        var platform = PlatformCatalog.For(facts.Platform);
        var refusals = SafetyRules.Platform(facts, platform).ToList();
        if (platform is null)
        {
            return PlanResult.Refused(refusals);
        }

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

        var metadata = options.Metadata == "auto" ? platform.DefaultMetadata : options.Metadata;
        var target = facts.Disk(options.Target);
        refusals.AddRange(SafetyRules.SourceLayout(facts, source, root));
        refusals.AddRange(SafetyRules.Target(facts, source, target, options));
        if (SafetyRules.Tools(facts, platform, options) is { } tools)
        {
            refusals.Add(tools);
        }

        if (SafetyRules.Metadata(platform, metadata, source) is { } meta)
        {
            refusals.Add(meta);
        }

        if (refusals.Count > 0 || target is null)
        {
            return PlanResult.Refused(refusals);
        }

        return PlanResult.Ok(Build(facts, platform, options, source, target, root, metadata));
    }

    private static ConversionPlan Build(HostFacts facts, Platforms.IPlatform platform, PlanOptions options, DiskFacts source, DiskFacts target, RootFacts root, string metadata)
    {
        var seed = string.Join('|', facts.InstallationUuid, root.Uuid, source.Identity.BestName, target.Identity.BestName);
        var arrays = source.Report!.PartitionTable.Partitions.OrderBy(p => p.Number).Select(p => new ArrayPlan(
            $"/dev/md{p.Number - 1}",
            p.Number,
            PlanContext.PartitionOf(source.Disk.DevicePath, p.Number),
            PlanContext.PartitionOf(target.Disk.DevicePath, p.Number),
            DeterministicIds.Uuid(seed, $"array-{p.Number}").ToString("D"),
            metadata,
            ArrayRoles.Of(p.Number),
            p.Content.Label is null ? p.Content.Type : $"{p.Content.Type} {p.Content.Label}",
            p.SizeBytes)).ToList();
        var context = new PlanContext(
            facts, platform, options, source, target, root, metadata, arrays,
            DeterministicIds.Uuid(seed, "root-filesystem").ToString("D"),
            "xsraid-" + DeterministicIds.Letters(seed, "temporary-label", 8),
            facts.KernelVersion ?? "");
        var steps = BuildMirrorSteps.Create(context)
            .Concat(JoinMirrorSteps.Create(context))
            .Concat(StorageSteps.Create(context))
            .ToList();
        return new ConversionPlan(
            facts.Snapshot.HostName,
            platform.DisplayName,
            metadata,
            source.Identity,
            target.Identity,
            arrays,
            context.RootArray.Device,
            context.NewRootSpec,
            context.NewRootUuid,
            root.Label ?? "",
            context.TemporaryLabel,
            steps,
            Notes(context));
    }

    private static List<string> Notes(PlanContext c)
    {
        var notes = new List<string>();
        var backup = c.Source.Report!.PartitionTable.Partitions.FirstOrDefault(p => p.Number == 2);
        if (backup is not null && backup.Content.Type is not (ContentType.Empty or ContentType.Unknown))
        {
            notes.Add($"partition 2 ({backup.Content.Type}) is not copied: the mirrored backup partition starts empty.");
        }

        if (c.Options.CreateSr && !c.Arrays.Any(a => a.Role == ArrayRoles.Storage))
        {
            notes.Add("--create-sr: the system disk has no partition 3, so there is no storage array to put an SR on.");
        }

        if (c.Target.Disk.SizeBytes > c.Source.Disk.SizeBytes)
        {
            notes.Add($"{c.TargetDevice} is larger than {c.SourceDevice}; the extra space stays unused.");
        }

        return notes;
    }
}
