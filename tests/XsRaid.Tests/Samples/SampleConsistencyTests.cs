using XsRaid.Hosts.Snapshot;
using XsRaid.Inspection;

namespace XsRaid.Tests.Samples;

/// <summary>
/// Every built-in sample is a host as a kernel would show it: the partitions its sysfs records name agree with the
/// partition table in the disk's bytes (a builder that computed a size differently from sgdisk made xcp-ng-8.2-bios's
/// p3 one sector short of its table entry until 2026-12-07).
/// </summary>
public sealed class SampleConsistencyTests
{
    public static TheoryData<string> Samples() => [.. SnapshotSources.SampleNames];

    [Theory]
    [MemberData(nameof(Samples))]
    public void TheKernelsPartitionsAgreeWithEachDisksTable(string sample)
    {
        var snapshot = SnapshotSources.FromSample(sample).GetValueOrThrow();

        foreach (var disk in snapshot.Disks.Where(d => d.Partitions.Count > 0))
        {
            var report = DiskInspector.Inspect(disk.AsBlockSource()).GetValueOrThrow();
            KernelPartitionCheck.Contradictions(disk, report).ShouldBeEmpty($"{sample}: {disk.Name}");
        }
    }
}
