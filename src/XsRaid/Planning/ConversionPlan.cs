namespace XsRaid.Planning;

/// <summary>
/// The reviewable plan: which disks, which arrays, and the ordered typed steps. Everything in it was decided from a
/// snapshot; `convert` re-takes the snapshot and refuses when the host no longer matches.
/// </summary>
public sealed record ConversionPlan(
    string HostName,
    string Platform,
    string Metadata,
    DiskIdentity Source,
    DiskIdentity Target,
    IReadOnlyList<ArrayPlan> Arrays,
    string RootArray,
    string NewRootSpec,
    string NewRootFilesystemUuid,
    string RootLabel,
    string TemporaryRootLabel,
    IReadOnlyList<PlanStep> Steps,
    IReadOnlyList<string> Notes,
    OneShotBoot? OneShot = null)
{
    public PlanStep Step(string id) => Steps.Single(s => s.Id == id);

    /// <summary>The array / is copied onto (a method, so that the plan's JSON stays as it is); a whole-disk plan has one.</summary>
    public ArrayPlan RootArrayPlan() => Arrays.SingleOrDefault(a => a.Device == RootArray) ?? Arrays.Single();

    /// <summary>
    /// The partition / was on before the conversion: the root array's source partition, or for a whole-disk array (whose
    /// member is the disk) the system disk's partition with the number / has inside the array (/dev/md127p1: /dev/sda1).
    /// </summary>
    public string OriginalRoot() =>
        RootArrayPlan() is { PartitionNumber: DiskRenames.WholeDiskMember } a && RootArray.StartsWith(a.Device + "p", StringComparison.Ordinal)
            && int.TryParse(RootArray.AsSpan(a.Device.Length + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? PlanContext.PartitionOf(Source.Device, n)
            : RootArrayPlan().SourcePartition;
}
