using XsRaid.Devices;
using XsRaid.Formats.Gpt;
using XsRaid.Formats.Mbr;
using XsRaid.Formats.Partitions;
using XsRaid.Tests.Support;
using Xunit.Abstractions;

namespace XsRaid.Tests.Formats.Gpt;

/// <summary>
/// A seeded, bounded random mutation loop over a small sgdisk image: bytes of the MBR, both headers and both entry
/// arrays are changed (half the time re-signed with valid CRC32s so the later checks are reached), sometimes the
/// image is cut short. Every read must end in a ReadResult; no exception may escape.
/// </summary>
public sealed class GptMutationTests
{
    private const int Iterations = 2000;
    private const int Sector = GptImageBytes.Sector;
    private readonly ITestOutputHelper _output;

    public GptMutationTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Two_thousand_mutations_end_in_results_never_in_exceptions()
    {
        using var dir = new TempDir();
        var original = File.ReadAllBytes(GptTestImages.Small(dir));
        var lastLba = GptImageBytes.LastLba(original);
        var random = new Random(20261124);
        var outcomes = new Dictionary<string, int>();

        for (var i = 0; i < Iterations; i++)
        {
            var bytes = (byte[])original.Clone();
            var mutations = random.Next(1, 9);
            for (var m = 0; m < mutations; m++)
            {
                Mutate(bytes, random, lastLba);
            }

            if (random.Next(2) == 0)
            {
                GptImageBytes.ResignEntries(bytes, 1);
                GptImageBytes.ResignEntries(bytes, lastLba);
            }

            var length = random.Next(10) == 0 ? random.Next(bytes.Length + 1) : bytes.Length;
            var outcome = ReadAll(bytes.AsMemory(0, length), i);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        _output.WriteLine(Describe(outcomes));
        outcomes.GetValueOrDefault("Gpt").ShouldBeGreaterThan(0, Describe(outcomes));
        outcomes.GetValueOrDefault("Corrupt").ShouldBeGreaterThan(0, Describe(outcomes));
        outcomes.GetValueOrDefault("Truncated").ShouldBeGreaterThan(0, Describe(outcomes));
    }

    private static string ReadAll(ReadOnlyMemory<byte> image, int iteration)
    {
        try
        {
            var source = new CountingBlockSource(new MemoryBlockSource(image));
            _ = MasterBootRecordReader.Parse(image.Span[..Math.Min(image.Length, Sector)]);
            _ = GptReader.Read(source);
            var table = PartitionTableReader.Read(source);
            return table.IsOk ? table.Value.Type.ToString() : table.Error.Kind.ToString();
        }
        catch (Exception e)
        {
            throw new ShouldAssertException($"mutation {iteration} (seed 20261124) threw: {e}");
        }
    }

    private static void Mutate(byte[] bytes, Random random, long lastLba)
    {
        var backupHeader = (int)(lastLba * Sector);
        var backupArray = backupHeader - (128 * 128);
        (int Start, int Length)[] regions =
        [
            (440, 72),                 // disk signature, partition records, 0x55AA
            (Sector, 92),              // primary header fields
            (2 * Sector, 4 * 128),     // primary entries in use and the next ones
            (backupHeader, 92),        // backup header fields
            (backupArray, 4 * 128),    // backup entries
            (0, 2 * Sector + (128 * 128)),
        ];
        var (start, length) = regions[random.Next(regions.Length)];
        var at = start + random.Next(length);
        switch (random.Next(5))
        {
            case 0:
                bytes[at] = (byte)random.Next(256);
                break;
            case 1:
                bytes[at] ^= (byte)(1 << random.Next(8));
                break;
            case 2:
                bytes.AsSpan(at & ~3, Math.Min(4, bytes.Length - (at & ~3))).Fill(0xFF);
                break;
            case 3:
                bytes.AsSpan(at & ~7, Math.Min(8, bytes.Length - (at & ~7))).Clear();
                break;
            default:
                random.NextBytes(bytes.AsSpan(at & ~7, Math.Min(8, bytes.Length - (at & ~7))));
                break;
        }
    }

    private static string Describe(Dictionary<string, int> outcomes) =>
        string.Join(", ", outcomes.Select(kv => $"{kv.Key}: {kv.Value}"));
}
