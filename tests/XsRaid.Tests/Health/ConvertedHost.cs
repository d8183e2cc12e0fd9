using XsRaid.Hosts.Snapshot;
using XsRaid.Tests.Planning;

namespace XsRaid.Tests.Health;

/// <summary>
/// The lab-debian sample as it is after a conversion, built from the real sample: / on md0 (sda1 + sdb1), the SR
/// array md2 (sda3 + sdb3), both with bitmaps, sdb partitioned like sda with sda's boot code (gptmbr.bin) copied
/// to its MBR, mdadm.conf listing both arrays by UUID with MAILADDR, the probe's sysfs files and an initrd listing
/// with mdadm and mdadm.conf. Every damage case changes one fact of it.
/// </summary>
public static class ConvertedHost
{
    public const string Md0Uuid = "3c1a7e41:5b0e2f7d:9a4c6b18:2e7d0f93";
    public const string Md2Uuid = "8f2b6d04:71c9e3a5:0d4e8b62:c5a1f7e9";

    public const string CleanMdstat =
        "Personalities : [raid1] [linear] [multipath] [raid0] [raid6] [raid5] [raid4] [raid10] \n" +
        "md2 : active raid1 sdb3[1] sda3[0]\n" +
        "      1047424 blocks super 1.0 [2/2] [UU]\n" +
        "      bitmap: 0/1 pages [0KB], 65536KB chunk\n" +
        "\n" +
        "md0 : active raid1 sdb1[1] sda1[0]\n" +
        "      1572800 blocks super 1.0 [2/2] [UU]\n" +
        "      bitmap: 0/1 pages [0KB], 65536KB chunk\n" +
        "\n" +
        "unused devices: <none>\n";

    public const string MdadmConf =
        "# written by xsraid: the mirrored arrays, by UUID\n" +
        "DEVICE partitions\n" +
        "MAILADDR root\n" +
        "ARRAY /dev/md0 metadata=1.0 UUID=" + Md0Uuid + "\n" +
        "ARRAY /dev/md2 metadata=1.0 UUID=" + Md2Uuid + "\n";

    public const string InitrdListing =
        "initrd=/boot/initrd.img-6.1.0-50-amd64\n" +
        "lister=lsinitramfs\n" +
        "entries=1876\n" +
        "etc/mdadm\n" +
        "etc/mdadm/mdadm.conf\n" +
        "usr/lib/modules/6.1.0-50-amd64/kernel/drivers/md/raid1.ko\n" +
        "usr/sbin/mdadm\n";

    public static SampleHost Load()
    {
        var sample = SampleHost.Load("lab-debian");
        var sda = sample.Snapshot.Disk("sda")!;
        var bootCode = sda.Regions.Single(r => r.Offset == 0).Bytes[..440].ToArray();
        var host = sample
            .WithDisk("sdb", d => d with { Partitions = [.. sda.Partitions.Select(p => p with { Name = "sdb" + p.Name[3..] })] })
            .WithBytes("sdb", 0, bootCode)
            .WithFile("/proc/mounts", sample.Snapshot.File("/proc/mounts")!.Replace("/dev/sda1 / ext3", "/dev/md0 / ext3", StringComparison.Ordinal))
            .WithFile("/proc/mdstat", CleanMdstat)
            .WithFile("/etc/mdadm/mdadm.conf", MdadmConf)
            .WithCommand("mdadm-detail-scan", 0,
                $"ARRAY /dev/md0 metadata=1.0 name=xs65-lab:0 UUID={Md0Uuid}\nARRAY /dev/md2 metadata=1.0 name=xs65-lab:2 UUID={Md2Uuid}")
            .WithCommand("initrd-md", 0, InitrdListing);
        foreach (var md in new[] { "md0", "md2" })
        {
            host = host.WithSys(md, "array_state", "clean").WithSys(md, "sync_action", "idle").WithSys(md, "mismatch_cnt", "0")
                .WithSys(md, "degraded", "0").WithSys(md, "raid_disks", "2").WithSys(md, "level", "raid1");
        }

        return host;
    }

    /// <summary>A /sys/block/mdN/md/ATTRIBUTE file as the probe captures it.</summary>
    public static SampleHost WithSys(this SampleHost host, string array, string attribute, string? value) =>
        host.WithFile($"/sys/block/{array}/md/{attribute}", value is null ? null : value + "\n");

    /// <summary>The same host without what only the new probe captures (sysfs, mdadm --detail, the initrd listing).</summary>
    public static SampleHost AsOlderProbe(this SampleHost host)
    {
        var files = host.Snapshot.Files.Where(kv => !kv.Key.StartsWith("/sys/block/", StringComparison.Ordinal)).ToDictionary(StringComparer.Ordinal);
        var commands = host.Snapshot.Commands.Where(kv => kv.Key is not "initrd-md" && !kv.Key.StartsWith("mdadm-detail-md", StringComparison.Ordinal))
            .ToDictionary(StringComparer.Ordinal);
        return new SampleHost(host.Snapshot with { Files = files, Commands = commands });
    }

    public static HostSnapshot Snapshot => Load().Snapshot;
}
