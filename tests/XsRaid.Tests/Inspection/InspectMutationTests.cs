using XsRaid.Devices;
using XsRaid.Formats;
using XsRaid.Inspection;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Inspection;

/// <summary>
/// Random damage to the structures a real disk carries (MBR, both GPTs, ext3, swap, LVM label and metadata):
/// inspecting it gives a report or a typed error, never an exception.
/// </summary>
public sealed class InspectMutationTests
{
    private const int Iterations = 1500;

    [Fact]
    public void RandomDamageNeverThrows()
    {
        using var image = new HostDiskImage(sizeBytes: 64 * HostDiskImage.MiB, rootBytes: 16 * HostDiskImage.MiB);
        var original = File.ReadAllBytes(image.Path);
        var regions = new List<(long Start, int Length)> { (0, 64 * 1024), (original.Length - (64 * 1024), 64 * 1024) };
        foreach (var n in new[] { 1, 2, 3 })
        {
            regions.Add((image.Offset(n), 64 * 1024));
            regions.Add((image.Offset(n) + image.Size(n) - (64 * 1024), 64 * 1024));
        }

        var clean = DiskInspector.Inspect(new MemoryBlockSource(original)).GetValueOrThrow();
        HasFindings(clean).ShouldBeFalse();
        var random = new Random(20261124);
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Iterations; i++)
        {
            var bytes = original;
            var undo = new List<(long At, byte Value)>();
            var mutations = random.Next(1, 16);
            for (var m = 0; m < mutations; m++)
            {
                var (start, length) = regions[random.Next(regions.Count)];
                var at = start + random.Next(length);
                undo.Add((at, bytes[at]));
                bytes[at] = random.Next(3) switch
                {
                    0 => (byte)random.Next(256),
                    1 => 0xFF,
                    _ => 0x00,
                };
            }

            ReadResult<DiskReport> result = default;
            var ex = Record.Exception(() => result = DiskInspector.Inspect(new MemoryBlockSource(bytes, "mutated")));
            ex.ShouldBeNull($"iteration {i}");
            var key = !result.IsOk ? result.Error!.Kind.ToString() : HasFindings(result.Value) ? "report with findings" : "report";
            outcomes[key] = outcomes.GetValueOrDefault(key) + 1;
            for (var u = undo.Count - 1; u >= 0; u--)
            {
                bytes[undo[u].At] = undo[u].Value;
            }
        }

        outcomes.GetValueOrDefault("report with findings").ShouldBeGreaterThan(0, string.Join(", ", outcomes));
        outcomes.GetValueOrDefault("report").ShouldBeGreaterThan(0, string.Join(", ", outcomes));
    }

    private static bool HasFindings(DiskReport report) =>
        report.PartitionTable.Findings.Count > 0 || report.PartitionTable.Partitions.Any(p => p.Content.Findings.Count > 0);
}
