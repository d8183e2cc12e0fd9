using XsRaid.Health;
using XsRaid.Tests.Planning;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Health;

/// <summary>
/// `check` on a converted host (<see cref="ConvertedHost"/>, from the lab-debian sample) and on that host damaged one
/// way at a time: each damage gives its verdict and names itself in a finding.
/// </summary>
public sealed class DamageVerdictTests
{
    public static TheoryData<string, CheckState, string> Damages => new()
    {
        { "healthy", CheckState.Ok, "" },
        { "sdb-boot-code-zeroed", CheckState.Critical, "no-boot-code" },
        { "sda-boot-code-zeroed", CheckState.Critical, "no-boot-code" },
        { "md0-degraded", CheckState.Critical, "array-degraded" },
        { "md0-recovering", CheckState.Warning, "array-recovering" },
        { "md0-member-faulty", CheckState.Critical, "member-faulty" },
        { "md2-check-running", CheckState.Ok, "array-checking" },
        { "md0-mismatch", CheckState.Warning, "mismatch-count" },
        { "md2-no-bitmap", CheckState.Warning, "no-bitmap" },
        { "mdadm-conf-misses-md2", CheckState.Warning, "mdadm-conf-unlisted" },
        { "mdadm-conf-lists-old-array", CheckState.Warning, "mdadm-conf-stale" },
        { "mdadm-conf-no-mailaddr", CheckState.Warning, "no-alerting" },
        { "mdadm-conf-program-only", CheckState.Ok, "alerting" },
        { "mdadm-conf-missing", CheckState.Warning, "mdadm-conf-missing" },
        { "initrd-without-mdadm-conf", CheckState.Warning, "initrd-no-md" },
        { "initrd-without-mdadm", CheckState.Warning, "initrd-no-md" },
        { "md2-inactive", CheckState.Critical, "array-inactive" },
        { "degraded-and-no-boot-code", CheckState.Critical, "no-boot-code" },
    };

    [Theory]
    [MemberData(nameof(Damages))]
    public void EachDamageGetsItsVerdict(string damage, CheckState verdict, string code)
    {
        var report = HealthCheck.Check(Damage(damage).Snapshot, new CheckOptions());

        report.State.ShouldBe(verdict, string.Join('\n', report.Findings));
        if (code.Length > 0)
        {
            var finding = report.Findings.First(f => f.Code == code);
            report.Summary.ShouldContain(finding.State == FindingState.Ok && verdict == CheckState.Ok ? "healthy" : finding.Short);
        }

        if (verdict == CheckState.Ok)
        {
            report.Findings.ShouldNotContain(f => f.State == FindingState.Warning || f.State == FindingState.Critical || f.State == FindingState.Unknown);
        }
    }

    [Fact]
    public void TheHealthyHostSaysWhatItChecked()
    {
        var report = HealthCheck.Check(ConvertedHost.Snapshot, new CheckOptions());

        report.State.ShouldBe(CheckState.Ok);
        report.Summary.ShouldBe("2 arrays healthy (md2, md0)");
        report.Findings.Select(f => $"{f.State} {f.Code} {f.Subject}").ShouldBe([
            "Ok array-clean md2", "Ok array-clean md0", "Ok mdadm-conf-matches mdadm.conf", "Ok alerting mdadm.conf",
            "Ok boot-code /dev/sda", "Ok boot-code /dev/sdb", "Ok initrd-md initrd",
        ]);
    }

    [Fact]
    public void ADiskWithoutBootCodeIsNamed()
    {
        var report = HealthCheck.Check(Damage("sdb-boot-code-zeroed").Snapshot, new CheckOptions());

        var finding = report.Findings.Single(f => f.Code == "no-boot-code");
        finding.Subject.ShouldBe("/dev/sdb");
        finding.Message.ShouldContain("cannot boot alone");
    }

    [Fact]
    public void AnOlderSnapshotStillLoadsAndSaysWhatWasNotCaptured()
    {
        var report = HealthCheck.Check(ConvertedHost.Load().AsOlderProbe().Snapshot, new CheckOptions());

        report.State.ShouldBe(CheckState.Ok, string.Join('\n', report.Findings));
        report.Findings.Where(f => f.State == FindingState.Note).Select(f => f.Short).ShouldBe([
            "md2 mismatch_cnt not captured", "md0 mismatch_cnt not captured", "initrd initrd listing not captured",
        ]);
    }

    [Fact]
    public void AUefiHostGetsANoteInsteadOfABootCodeVerdict()
    {
        var report = HealthCheck.Check(Damage("sdb-boot-code-zeroed").WithMeta("firmware", "uefi").Snapshot, new CheckOptions());

        report.State.ShouldBe(CheckState.Ok);
        report.Findings.ShouldContain(f => f.Code == "uefi-not-checked" && f.State == FindingState.Note);
    }

    [Theory]
    [InlineData("xenserver-6.5")]
    [InlineData("lab-debian")]
    public void TheUnconvertedSamplesHaveNoArraysSoTheVerdictIsUnknown(string sample)
    {
        var snapshot = SampleHost.Load(sample).Snapshot;

        HealthCheck.Check(snapshot, new CheckOptions()).State.ShouldBe(CheckState.Unknown);
        HealthCheck.Check(snapshot, new CheckOptions(ExpectNone: true)).State.ShouldBe(CheckState.Ok);
    }

    [Fact]
    public void NoProcMdstatIsUnknownUnlessNoArraysAreExpected()
    {
        var host = ConvertedHost.Load().WithFile("/proc/mdstat", null).Snapshot;

        var report = HealthCheck.Check(host, new CheckOptions());
        report.State.ShouldBe(CheckState.Unknown);
        report.Findings.Single().Code.ShouldBe("mdstat-missing");
        HealthCheck.Check(host, new CheckOptions(ExpectNone: true)).State.ShouldBe(CheckState.Ok);
    }

    /// <summary>The converted host with one thing broken.</summary>
    internal static SampleHost Damage(string damage)
    {
        var host = ConvertedHost.Load();
        var mdstat = ConvertedHost.CleanMdstat;
        var conf = ConvertedHost.MdadmConf;
        return damage switch
        {
            "healthy" => host,
            "sdb-boot-code-zeroed" => host.WithBytes("sdb", 0, new byte[440]),
            "sda-boot-code-zeroed" => host.WithBytes("sda", 0, new byte[440]),
            "md0-degraded" => host.WithFile("/proc/mdstat", Md0("md0 : active raid1 sda1[0]", "[2/1] [U_]")).WithSys("md0", "degraded", "1"),
            "md0-recovering" => host.WithFile("/proc/mdstat", Md0("md0 : active raid1 sdb1[2] sda1[0]", "[2/1] [U_]",
                "      [=>...................]  recovery =  7.9% (124416/1572800) finish=1.2min speed=20736K/sec\n")).WithSys("md0", "degraded", "1").WithSys("md0", "sync_action", "recover"),
            "md0-member-faulty" => host.WithFile("/proc/mdstat", Md0("md0 : active raid1 sdb1[1](F) sda1[0]", "[2/1] [U_]")).WithSys("md0", "degraded", "1"),
            "md2-check-running" => host.WithFile("/proc/mdstat", mdstat.Replace(
                "1047424 blocks super 1.0 [2/2] [UU]\n", "1047424 blocks super 1.0 [2/2] [UU]\n      [====>................]  check = 21.7% (227328/1047424) finish=0.6min speed=22732K/sec\n", StringComparison.Ordinal))
                .WithSys("md2", "sync_action", "check"),
            "md0-mismatch" => host.WithSys("md0", "mismatch_cnt", "128"),
            "md2-no-bitmap" => host.WithFile("/proc/mdstat", mdstat.Replace("[2/2] [UU]\n      bitmap: 0/1 pages [0KB], 65536KB chunk\n\nmd0", "[2/2] [UU]\n      \nmd0", StringComparison.Ordinal)),
            "mdadm-conf-misses-md2" => host.WithFile("/etc/mdadm/mdadm.conf", conf.Replace("ARRAY /dev/md2", "#ARRAY /dev/md2", StringComparison.Ordinal)),
            "mdadm-conf-lists-old-array" => host.AppendToFile("/etc/mdadm/mdadm.conf", "ARRAY /dev/md1 UUID=00112233:44556677:8899aabb:ccddeeff"),
            "mdadm-conf-no-mailaddr" => host.WithFile("/etc/mdadm/mdadm.conf", conf.Replace("MAILADDR root\n", "", StringComparison.Ordinal)),
            "mdadm-conf-program-only" => host.WithFile("/etc/mdadm/mdadm.conf", conf.Replace("MAILADDR root\n", "PROGRAM /usr/local/sbin/md-alert\n", StringComparison.Ordinal)),
            "mdadm-conf-missing" => host.WithFile("/etc/mdadm/mdadm.conf", null),
            "initrd-without-mdadm-conf" => host.WithCommand("initrd-md", 0, ConvertedHost.InitrdListing.Replace("etc/mdadm/mdadm.conf\n", "", StringComparison.Ordinal)),
            "initrd-without-mdadm" => host.WithCommand("initrd-md", 0, "initrd=/boot/initrd.img-6.1.0-50-amd64\nlister=lsinitramfs\nentries=1500\n"),
            "md2-inactive" => host.WithFile("/proc/mdstat", mdstat.Replace(
                "md2 : active raid1 sdb3[1] sda3[0]\n      1047424 blocks super 1.0 [2/2] [UU]\n      bitmap: 0/1 pages [0KB], 65536KB chunk\n",
                "md2 : inactive sdb3[1](S) sda3[0](S)\n      2094848 blocks super 1.0\n       \n", StringComparison.Ordinal)),
            "degraded-and-no-boot-code" => Damage("md0-degraded").WithBytes("sda", 0, new byte[440]),
            _ => throw new ArgumentOutOfRangeException(nameof(damage)),
        };

        string Md0(string line, string disks, string progress = "") => mdstat.Replace(
            "md0 : active raid1 sdb1[1] sda1[0]\n      1572800 blocks super 1.0 [2/2] [UU]\n",
            $"{line}\n      1572800 blocks super 1.0 {disks}\n{progress}", StringComparison.Ordinal);
    }
}
