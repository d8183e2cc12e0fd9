namespace XsRaid.Planning;

/// <summary>With --create-sr: the local storage repository on the mirrored storage array.</summary>
public static class StorageSteps
{
    public static IEnumerable<PlanStep> Create(PlanContext c)
    {
        var storage = c.StorageDevice;
        if (!c.Options.CreateSr || storage is null)
        {
            yield break;
        }

        var srUuid = DeterministicIds.Uuid(c.NewRootUuid, "storage-repository").ToString("D");
        var sr = c.Os.StorageRepository(storage, c.Options.SrName, srUuid, c.Facts.InstallationUuid);
        var exists = new HostCheck($"{sr.Description} exists", new HostCommand(sr.ExistsCheck));
        yield return new PlanStep("create-sr", PlanPhase.StorageRepository, $"Create the local storage on {storage}",
            $"{sr.Description} on the mirrored storage partition, so VM disks are mirrored too.",
            [.. sr.Commands.Select(a => new HostCommand(a))], storage, exists, exists);
    }
}
