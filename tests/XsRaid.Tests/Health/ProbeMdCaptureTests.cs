using XsRaid.Health;
using XsRaid.Hosts.Snapshot;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Health;

/// <summary>
/// The probe's captures for `check`, run for real under dash: this machine has no md driver, so the test runs the
/// probe in a private mount namespace (unshare -m, nothing leaks out) where tmpfs mounts stand in for /proc (an
/// mdstat of the real md driver), /sys/block (md0's sysfs files), /boot (an initrd of the running kernel) and
/// /usr/local/sbin (first on the probe's PATH: an mdadm and an lsinitramfs that print real outputs).
/// </summary>
public sealed class ProbeMdCaptureTests
{
    private const string Setup = """
        set -e
        d=$1
        mount -t tmpfs none /proc
        cp "$d/mdstat" /proc/mdstat
        printf '/dev/md0 / ext3 rw 0 0\n' > /proc/mounts
        mount -t tmpfs none /sys/block
        mkdir -p /sys/block/md0/md
        for a in array_state:clean sync_action:idle mismatch_cnt:0 degraded:0 raid_disks:2 level:raid1; do
          printf '%s\n' "${a#*:}" > "/sys/block/md0/md/${a%%:*}"
        done
        mount -t tmpfs none /usr/local/sbin
        cp "$d/mdadm" "$d/lsinitramfs" /usr/local/sbin/
        chmod +x /usr/local/sbin/mdadm /usr/local/sbin/lsinitramfs
        mount -t tmpfs none /boot
        echo 'not really an initrd' > "/boot/initrd.img-$(uname -r)"
        exec dash -c "$(cat "$d/probe.sh")" xsraid-probe
        """;

    [Fact]
    public void TheProbeCapturesTheArraysSysfsDetailAndInitrd()
    {
        using var dir = new TempDir();
        var detail = Fixtures.Text("md/meta10-clean/detail.txt").Replace("/dev/md3", "/dev/md0", StringComparison.Ordinal);
        File.WriteAllText(dir.File("mdstat"), Fixtures.Text("md/meta10-bitmap/mdstat.txt").Replace("md4 :", "md0 :", StringComparison.Ordinal));
        File.WriteAllText(dir.File("detail"), detail);
        File.WriteAllText(dir.File("mdadm"),
            $"#!/bin/sh\ncase \"$*\" in\n  '--detail --scan') echo 'ARRAY /dev/md0 metadata=1.0 UUID=71151d7c:4454bf31:57166253:211c7f53' ;;\n  '--detail /dev/md0') cat '{dir.File("detail")}' ;;\n  *) exit 1 ;;\nesac\n");
        File.WriteAllText(dir.File("lsinitramfs"), "#!/bin/sh\nprintf '%s\\n' . etc etc/mdadm etc/mdadm/mdadm.conf usr/sbin/mdadm usr/lib/modules/k/kernel/drivers/md/raid1.ko scripts/init-top\n");
        File.WriteAllText(dir.File("probe.sh"), HostProbe.Script);
        File.WriteAllText(dir.File("setup.sh"), Setup.Replace("\r", "", StringComparison.Ordinal));
        Tool.Require("dash");

        var run = Tool.Run("unshare", ["-m", "--propagation", "private", "sh", dir.File("setup.sh"), dir.Path], check: false);

        run.ExitCode.ShouldBe(0, run.Stderr);
        var snapshot = ProbeOutputParser.Parse(run.Stdout).GetValueOrThrow();
        snapshot.File("/sys/block/md0/md/mismatch_cnt").ShouldBe("0\n");
        snapshot.File("/sys/block/md0/md/array_state").ShouldBe("clean\n");
        snapshot.Commands["mdadm-detail-md0"].Output.ShouldBe(detail.TrimEnd('\n'));
        var initrd = snapshot.Commands["initrd-md"].Output.Split('\n');
        initrd.ShouldBe([$"initrd=/boot/initrd.img-{Tool.Run("uname", ["-r"]).Stdout.Trim()}", "lister=lsinitramfs", "entries=7",
            "etc/mdadm", "etc/mdadm/mdadm.conf", "usr/sbin/mdadm", "usr/lib/modules/k/kernel/drivers/md/raid1.ko"]);

        var report = HealthCheck.Check(snapshot, new CheckOptions());
        report.Findings.Select(f => $"{f.State} {f.Code}").ShouldContain("Ok initrd-md");
        report.Findings.Select(f => $"{f.State} {f.Code}").ShouldContain("Ok array-clean");
        report.Findings.Where(f => f.Code == "not-captured").Select(f => f.Subject).ShouldBe(["/dev/sdg", "/dev/sdh"], "only the member disks, which this machine does not have");
        report.Arrays.Single().Uuid.ShouldBe("71151d7c4454bf3157166253211c7f53");
        report.Arrays.Single().MismatchCount.ShouldBe(0);
    }
}
