using BenchmarkDotNet.Attributes;
using XsRaid.Devices;
using XsRaid.Inspection;

namespace XsRaid.Benchmarks;

/// <summary>
/// `inspect` of a 2 TiB sparse image against a 64 MiB one with the same layout: the ratio stays near 1 because only
/// the ends of the disk and of each partition are read, never the whole disk.
/// </summary>
[MemoryDiagnoser]
public class InspectBenchmarks
{
    private string _dir = "";
    private string _small = "";
    private string _huge = "";

    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("xsraid-bench-").FullName;
        _small = SparseDiskImages.Create(_dir, "small.img", 64L << 20, "16M");
        _huge = SparseDiskImages.Create(_dir, "huge.img", 2L << 40, "4G");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    [Benchmark(Baseline = true)]
    public DiskReport Inspect64MiB() => Inspect(_small);

    [Benchmark]
    public DiskReport Inspect2TiB() => Inspect(_huge);

    private static DiskReport Inspect(string path)
    {
        using var source = FileBlockSource.Open(path).GetValueOrThrow();
        return DiskInspector.Inspect(source).GetValueOrThrow();
    }
}
