using BenchmarkDotNet.Attributes;
using XsRaid.Health;
using XsRaid.Hosts;
using XsRaid.Hosts.Snapshot;

namespace XsRaid.Benchmarks;

/// <summary>
/// `xsraid check` against the probe it is built on: one probe of this machine (the baseline), the same probe plus
/// the verdict (what `check --local` does), and the verdict alone on a two-array host (the lab-debian sample with
/// /, the SR array and mdadm.conf as after a conversion). The ratio column is check time over probe time.
/// </summary>
[MemoryDiagnoser]
#pragma warning disable CA1063 // BenchmarkDotNet needs an unsealed class; nothing derives from it
public class CheckBenchmarks : IDisposable
{
    private const string Mdstat =
        "Personalities : [raid1] \nmd2 : active raid1 sdb3[1] sda3[0]\n      1047424 blocks super 1.0 [2/2] [UU]\n" +
        "      bitmap: 0/1 pages [0KB], 65536KB chunk\n\nmd0 : active raid1 sdb1[1] sda1[0]\n" +
        "      1572800 blocks super 1.0 [2/2] [UU]\n      bitmap: 0/1 pages [0KB], 65536KB chunk\n\nunused devices: <none>\n";

    private HostSnapshot _mirrored = null!;
    private LocalHost _local = null!;

    [GlobalSetup]
    public void Setup()
    {
        var lab = SnapshotSources.FromSample("lab-debian").GetValueOrThrow();
        var files = new Dictionary<string, string>(lab.Files, StringComparer.Ordinal)
        {
            ["/proc/mdstat"] = Mdstat,
            ["/proc/mounts"] = lab.File("/proc/mounts")!.Replace("/dev/sda1 / ", "/dev/md0 / ", StringComparison.Ordinal),
            ["/etc/mdadm/mdadm.conf"] = "MAILADDR root\nARRAY /dev/md0 UUID=3c1a7e41:5b0e2f7d:9a4c6b18:2e7d0f93\nARRAY /dev/md2 UUID=8f2b6d04:71c9e3a5:0d4e8b62:c5a1f7e9\n",
        };
        _mirrored = lab with { Files = files };
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
    public CheckReport CheckThisMachine() =>
        HealthCheck.Check(HostProbe.TakeAsync(_local).GetAwaiter().GetResult().GetValueOrThrow(), new CheckOptions());

    [Benchmark]
    public CheckReport VerdictOnAMirroredHost() => HealthCheck.Check(_mirrored, new CheckOptions());
}
#pragma warning restore CA1063
