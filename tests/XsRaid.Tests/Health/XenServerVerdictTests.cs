using XsRaid.Health;
using XsRaid.Tests.Planning;

namespace XsRaid.Tests.Health;

/// <summary>
/// `check` on the xenserver-6.5 sample as a conversion leaves it: 0.90 arrays, / shown as /dev/root (CentOS 5's
/// nash) with root=/dev/md0 on the kernel command line, /etc/mdadm.conf, and a nash initrd that starts the arrays
/// with raidautorun (no mdadm inside).
/// </summary>
public sealed class XenServerVerdictTests
{
    private const string Mdstat =
        "Personalities : [raid1] \n" +
        "md0 : active raid1 sdb1[1] sda1[0]\n      4194240 blocks [2/2] [UU]\n      bitmap: 0/1 pages [0KB], 65536KB chunk\n\n" +
        "unused devices: <none>\n";

    private const string NashInitrd =
        "initrd=/boot/initrd-3.10.0+2.img\nlister=gzip+cpio\ninit-raidautorun=yes\nentries=412\n" +
        "lib/raid1.ko\n";

    [Fact]
    public void AConvertedXenServerIsOk()
    {
        var report = HealthCheck.Check(Converted().Snapshot, new CheckOptions());

        report.State.ShouldBe(CheckState.Ok, string.Join('\n', report.Findings));
        report.Findings.Select(f => f.Code).ShouldBe(["array-clean", "mdadm-conf-matches", "alerting", "boot-code", "boot-code", "initrd-md"]);
        report.Findings.Single(f => f.Code == "mdadm-conf-matches").Message.ShouldStartWith("/etc/mdadm.conf ");
    }

    [Fact]
    public void ANewDiskWithoutGptmbrIsCritical()
    {
        var report = HealthCheck.Check(Converted().WithBytes("sdb", 0, new byte[440]).Snapshot, new CheckOptions());

        report.State.ShouldBe(CheckState.Critical);
        report.Summary.ShouldBe("/dev/sdb no boot code (1 array)");
    }

    [Fact]
    public void ANashInitrdWithoutRaidautorunIsAWarning()
    {
        var report = HealthCheck.Check(Converted().WithCommand("initrd-md", 0, NashInitrd.Replace("init-raidautorun=yes\n", "", StringComparison.Ordinal)).Snapshot, new CheckOptions());

        report.State.ShouldBe(CheckState.Warning);
        report.Findings.Single(f => f.Code == "initrd-no-md").Short.ShouldBe("initrd lacks mdadm (and mdadm.conf)");
    }

    private static SampleHost Converted()
    {
        var sample = SampleHost.Load("xenserver-6.5");
        var sda = sample.Snapshot.Disk("sda")!;
        var bootCode = sda.Regions.Single(r => r.Offset == 0).Bytes[..440].ToArray();
        return sample
            .WithDisk("sdb", d => d with { Partitions = [.. sda.Partitions.Select(p => p with { Name = "sdb" + p.Name[3..] })] })
            .WithBytes("sdb", 0, bootCode)
            .WithFile("/proc/cmdline", sample.Snapshot.File("/proc/cmdline")!.Replace("root=LABEL=root-qvcoinzp", "root=/dev/md0", StringComparison.Ordinal))
            .WithFile("/proc/mdstat", Mdstat)
            .WithFile("/etc/mdadm.conf", "DEVICE partitions\nMAILADDR root\nARRAY /dev/md0 UUID=41662a14:a4d96dac:9c9a378e:e891f8cd\n")
            .WithCommand("mdadm-detail-scan", 0, "ARRAY /dev/md0 metadata=0.90 UUID=41662a14:a4d96dac:9c9a378e:e891f8cd")
            .WithCommand("initrd-md", 0, NashInitrd)
            .WithSys("md0", "mismatch_cnt", "0");
    }
}
