using System.Globalization;
using System.Text;
using XsRaid.Hosts.Snapshot;
using XsRaid.Tests.Planning;

namespace XsRaid.Tests.DayTwo;

/// <summary>
/// A built-in sample as it is after its conversion once one disk is lost: the samples are unconverted hosts, so the
/// converted-and-degraded state is made here from the real sample (its disks, partitions, bytes, tools, files) plus md
/// state written as the md driver prints it in the real fixtures (Fixtures/md: meta090-degraded's "blocks [2/1] [U_]"
/// for 0.90, raid1-member-failed's "sds[1](F)"). The arrays are the ones the sample's conversion plan makes (md0, md1,
/// md2 on partitions 1..3, md 0.90 for XenServer 6.x's root, 1.0 otherwise); / is on md0.
/// <see cref="Load"/>: disk B is gone, the blank disk at sdb is the new one (the lab's case: a blank disk takes its
/// place); <see cref="WithFailedDisk"/>: the failed disk is still sdb with faulty members, the new blank disk is sdc.
/// </summary>
public static class DegradedHost
{
    public static readonly string[] Arrays = ["md0", "md1", "md2"];

    public static SampleHost Load(string sample) => Load(sample, (_, _) => null);

    /// <summary>The degraded host with <paramref name="member"/>(array, partition number) giving a second member line ("sdb1[1](F)") or null.</summary>
    public static SampleHost Load(string sample, Func<string, int, string?> member, Func<string, string?>? line = null, string status = "[2/1] [U_]")
    {
        var host = SampleHost.Load(sample);
        var sda = host.Snapshot.Disk("sda")!;
        var xen = sample.StartsWith("xenserver", StringComparison.Ordinal);
        var mdstat = new StringBuilder("Personalities : [raid1] \n");
        foreach (var (array, index) in Arrays.Select((a, i) => (a, i)).Reverse())
        {
            var number = index + 1;
            var partition = sda.Partitions.Single(p => p.Number == number);
            var blocks = (partition.SizeBytes / 1024 - 64).ToString(CultureInfo.InvariantCulture);
            var super = xen && array == "md0" ? "" : " super 1.0";
            var other = member(array, number);
            mdstat.Append(line?.Invoke(array) ?? $"{array} : active raid1 {(other is null ? "" : other + " ")}sda{number}[0]\n"
                + $"      {blocks} blocks{super} {status}\n      bitmap: 0/1 pages [0KB], 65536KB chunk\n").Append('\n');
        }

        mdstat.Append("unused devices: <none>\n");
        host = host.WithFile("/proc/mdstat", mdstat.ToString());
        return xen
            ? host.WithFile("/proc/cmdline", "root=/dev/md0 ro hpet=disable xencons=hvc console=hvc0 console=tty0 quiet vga=785 splash\n")
            : host.WithFile("/proc/mounts", host.Snapshot.File("/proc/mounts")!.Replace("/dev/sda1 / ", "/dev/md0 / ", StringComparison.Ordinal));
    }

    /// <summary>The failed disk still present as sdb (laid out like sda, its members faulty) and a blank new disk sdc.</summary>
    public static SampleHost WithFailedDisk(string sample, Func<string, string?>? line = null)
    {
        var host = Load(sample, (_, n) => $"sdb{n}[1](F)", line);
        var sda = host.Snapshot.Disk("sda")!;
        var blank = host.Snapshot.Disk("sdb")!;
        var sdc = blank with
        {
            Name = "sdc",
            Serial = "NEWDISK0C",
            Wwid = null,
            ByIdNames = ["ata-NEW_DISK_NEWDISK0C"],
        };
        host = host.WithDisk("sdb", d => d with { Partitions = [.. sda.Partitions.Select(p => p with { Name = "sdb" + p.Name[3..] })] });
        return new SampleHost(host.Snapshot with { Disks = [.. host.Snapshot.Disks, sdc] });
    }

    /// <summary>The new disk <paramref name="disk"/> with sda's captured bytes (its partition table and content).</summary>
    public static SampleHost WithTableOf(this SampleHost host, string disk, string from = "sda")
    {
        var source = host.Snapshot.Disk(from)!;
        return host.WithDisk(disk, d => d with
        {
            Regions = source.Regions,
            Partitions = [.. source.Partitions.Select(p => p with { Name = disk + p.Name[from.Length..] })],
        });
    }

    public static HostSnapshot Snapshot(string sample) => Load(sample).Snapshot;

    /// <summary>The sample converted and whole: sdb laid out like sda, both members of each array in sync.</summary>
    public static SampleHost Whole(string sample) => Load(sample, (_, n) => $"sdb{n}[1]", status: "[2/2] [UU]").WithTableOf("sdb");
}
