using BenchmarkDotNet.Attributes;
using XsRaid.Hosts;
using XsRaid.Hosts.Snapshot;
using XsRaid.Planning;

namespace XsRaid.Benchmarks;

/// <summary>
/// Planning from a snapshot (target: well under 100 ms) and, for scale, one probe of this machine (one process,
/// the same script that runs over SSH). The ratio column shows planning against the probe it replaces.
/// </summary>
[MemoryDiagnoser]
#pragma warning disable CA1063 // BenchmarkDotNet needs an unsealed class; nothing derives from it
public class PlanBenchmarks : IDisposable
{
    private HostSnapshot _xenServer = null!;
    private HostSnapshot _lab = null!;
    private LocalHost _local = null!;

    [GlobalSetup]
    public void Setup()
    {
        _xenServer = SnapshotSources.FromSample("xenserver-6.5").GetValueOrThrow();
        _lab = SnapshotSources.FromSample("lab-debian").GetValueOrThrow();
        _local = new LocalHost(TimeSpan.FromMinutes(5));
    }

    [GlobalCleanup]
    public void Cleanup() => Dispose();

    public void Dispose()
    {
        _local?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true)]
    public HostSnapshot ProbeThisMachine() => HostProbe.TakeAsync(_local).GetAwaiter().GetResult().GetValueOrThrow();

    [Benchmark]
    public PlanResult PlanXenServer65() => ConvertPlanner.Plan(HostFactsReader.Read(_xenServer), new PlanOptions("/dev/sdb", CreateSr: true));

    [Benchmark]
    public PlanResult PlanLabDebian() => ConvertPlanner.Plan(HostFactsReader.Read(_lab), new PlanOptions("/dev/sdb", CreateSr: true));

    [Benchmark]
    public HostSnapshot LoadSample() => SnapshotSources.FromSample("xenserver-6.5").GetValueOrThrow();
}
#pragma warning restore CA1063
