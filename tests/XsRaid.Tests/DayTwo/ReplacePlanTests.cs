using XsRaid.DayTwo;
using XsRaid.Hosts.Snapshot;
using XsRaid.Planning;
using XsRaid.Tests.Planning;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.DayTwo;

/// <summary>`replace`: the plan for each sample (golden table, JSON, script) and each refusal, one test each.</summary>
public sealed class ReplacePlanTests
{
    public static TheoryData<string> Samples() => new("xenserver-6.5", "lab-debian");

    private static DayTwoResult Plan(SampleHost host, string newDisk = "/dev/sdb", string? failed = null, bool missing = false, bool wipe = false) =>
        ReplacePlanner.Plan(HostFactsReader.Read(host.Snapshot), new ReplaceOptions(newDisk, failed, missing, wipe));

    private static CliRun Cli(HostSnapshot snapshot, params string[] args)
    {
        using var dir = new TempDir();
        SnapshotStore.Save(snapshot, dir.File("snap")).ShouldBeNull();
        return CliRun.Of(["replace", "--snapshot", dir.File("snap"), .. args]);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Table(string sample)
    {
        var run = Cli(DegradedHost.Snapshot(sample), "--new", "/dev/sdb", "--missing");
        run.ExitCode.ShouldBe(0, run.Console + run.Error);
        Golden.Verify($"replace-{sample}.txt", run.Console);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Json(string sample)
    {
        var run = Cli(DegradedHost.Snapshot(sample), "--new", "/dev/sdb", "--missing", "--json");
        run.ExitCode.ShouldBe(0, run.Error);
        Golden.Verify($"replace-{sample}.json", run.Out);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Script(string sample)
    {
        var run = Cli(DegradedHost.Snapshot(sample), "--new", "/dev/sdb", "--missing", "--script");
        run.ExitCode.ShouldBe(0, run.Error);
        Golden.Verify($"replace-{sample}.sh", run.Out);
        run.Out.All(char.IsAscii).ShouldBeTrue("the script must be pure ASCII");
        using var dir = new TempDir();
        var path = dir.File("replace.sh");
        File.WriteAllText(path, run.Out);
        Tool.Run("bash", ["-n", path], check: false).ExitCode.ShouldBe(0);
        var lint = Tool.Run("shellcheck", ["--shell=bash", path], check: false);
        lint.ExitCode.ShouldBe(0, lint.Stdout + lint.Stderr);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_steps_copy_the_table_add_each_partition_wait_and_write_the_profiles_boot_code(string sample)
    {
        var plan = Plan(DegradedHost.Load(sample), missing: true).Plan!;
        plan.Steps.Select(s => s.Id).ShouldBe(["partition-new-disk", "add-md0", "add-md1", "add-md2", "raise-resync-speed", "wait-resync",
            "restore-resync-speed", "boot-code-new-disk", "verify-replacement"]);
        plan.Steps.ShouldAllBe(s => s.Phase == PlanPhase.Replace);
        var partition = plan.Steps[0].Commands.Select(c => string.Join(' ', c.Argv)).ToList();
        partition[0].ShouldBe("sgdisk --replicate=/dev/sdb /dev/sda");
        partition[1].ShouldStartWith("sgdisk --randomize-guids --typecode=1:FD00 --typecode=2:FD00 --typecode=3:FD00 --attributes=1:clear:2 /dev/sdb");
        plan.Step("add-md1").Commands[1].Argv.ShouldBe(["mdadm", "/dev/md1", "--add", "/dev/sdb2"]);
        plan.Step("wait-resync").Kind.ShouldBe(StepKind.ResyncWait);
        var boot = plan.Step("boot-code-new-disk").Commands;
        boot[0].Argv.TakeLast(2).ShouldBe([sample.StartsWith("xen", StringComparison.Ordinal) ? "/usr/share/syslinux/gptmbr.bin" : "/usr/lib/syslinux/mbr/gptmbr.bin", "/dev/sdb"]);
        boot[1].Argv.ShouldBe(["sgdisk", "--attributes=1:set:2", "/dev/sdb"]);
        plan.Notes.ShouldContain(n => n.Contains("mdadm.conf and the initrd stay as they are", StringComparison.Ordinal));
        plan.Steps.ShouldNotContain(s => s.Commands.Any(c => c.Argv.Contains("reboot")));
    }

    [Fact]
    public void A_failed_disk_still_present_has_its_members_failed_and_removed_first()
    {
        var plan = Plan(DegradedHost.WithFailedDisk("lab-debian"), "/dev/sdc", "/dev/sdb").Plan!;
        plan.Steps.Take(3).Select(s => s.Id).ShouldBe(["remove-failed-md0", "remove-failed-md1", "remove-failed-md2"]);
        plan.Step("remove-failed-md2").Commands[0].Argv.TakeLast(2).ShouldBe(["/dev/md2", "/dev/sdb3"]);
        plan.FailedDisk.ShouldBe("/dev/sdb");
        plan.Arrays.Select(a => a.NewPartition).ShouldBe(["/dev/sdc1", "/dev/sdc2", "/dev/sdc3"]);
    }

    [Fact]
    public void With_wipe_target_a_used_new_disk_is_wiped_first()
    {
        var plan = Plan(DegradedHost.Load("lab-debian").WithTableOf("sdb"), missing: true, wipe: true).Plan!;
        plan.Steps[0].Id.ShouldBe("wipe-new-disk");
        plan.Steps[0].Writes.ShouldBe("/dev/sdb");
    }

    [Fact]
    public void A_replacement_under_way_continues_instead_of_refusing_the_disk_as_used()
    {
        var host = DegradedHost.Load("lab-debian", (array, n) => $"sdb{n}[2]").WithTableOf("sdb");
        var result = Plan(host, missing: true);
        result.Refusals.ShouldBeEmpty();
        result.Plan!.Notes[0].ShouldContain("continues");
    }

    [Fact]
    public void Refused_when_an_array_is_not_running()
    {
        var host = DegradedHost.Load("lab-debian", (_, _) => null, a => a == "md1" ? "md1 : inactive sda2[0](S)\n      1572800 blocks super 1.0\n" : null);
        Plan(host, missing: true).Refusals.Single().Rule.ShouldBe(DayTwoRules.SurvivorNotHealthy);
    }

    [Fact]
    public void Refused_when_the_survivor_holds_no_complete_member()
    {
        // sda's member of md2 is faulty too: nothing on the remaining disk to copy md2 from
        var host = DegradedHost.Load("lab-debian", (_, _) => null,
            a => a == "md2" ? "md2 : active raid1 sda3[0](F)\n      1047488 blocks super 1.0 [2/0] [__]\n" : null);
        var refusal = Plan(host, missing: true).Refusals.Single();
        refusal.Rule.ShouldBe(DayTwoRules.SurvivorNotHealthy);
        refusal.Message.ShouldContain("md2");
    }

    [Fact]
    public void Refused_when_the_failed_disk_is_still_the_only_complete_copy()
    {
        // md0 is being rebuilt onto sda1 from sdb1: sdb is the only complete copy of md0
        var host = DegradedHost.WithFailedDisk("lab-debian",
            a => a == "md0" ? "md0 : active raid1 sda1[2] sdb1[0]\n      1572800 blocks super 1.0 [2/1] [U_]\n      [=>...................]  recovery =  7.5% (118016/1572800) finish=0.2min speed=118016K/sec\n" : null);
        var refusal = Plan(host, "/dev/sdc", "/dev/sdb").Refusals.Single();
        refusal.Rule.ShouldBe(DayTwoRules.FailedIsOnlyCopy);
        refusal.Message.ShouldContain("/dev/sdb1");
    }

    [Fact]
    public void Refused_when_the_new_disk_is_too_small()
    {
        var host = DegradedHost.Load("lab-debian").WithDisk("sdb", d => d with { SizeBytes = 1L << 30 });
        Plan(host, missing: true).Refusals.Select(r => r.Rule).ShouldContain(RuleIds.TargetTooSmall);
    }

    [Fact]
    public void Refused_when_the_new_disk_has_another_logical_sector_size()
    {
        var host = DegradedHost.Load("lab-debian").WithDisk("sdb", d => d with { LogicalSectorSize = 4096 });
        Plan(host, missing: true).Refusals.Select(r => r.Rule).ShouldContain(RuleIds.SectorSizeMismatch);
    }

    public static TheoryData<string> Uses() => new("mounted", "swap", "md member", "physical volume");

    [Theory]
    [MemberData(nameof(Uses))]
    public void Refused_when_the_new_disk_is_in_use(string use)
    {
        var host = DegradedHost.Load("lab-debian");
        host = use switch
        {
            "mounted" => host.AppendToFile("/proc/mounts", "/dev/sdb /mnt/scratch ext4 rw,relatime 0 0"),
            "swap" => host.AppendToFile("/proc/swaps", "/dev/sdb                                partition\t1048572\t0\t-2"),
            "md member" => host.WithFile("/proc/mdstat", host.Snapshot.File("/proc/mdstat")!.Replace("unused devices", "md9 : active raid1 sdb[0]\n      1024 blocks super 1.2 [2/1] [U_]\n\nunused devices", StringComparison.Ordinal)),
            _ => host.WithCommand("pvs", 0, "  /dev/sdb|scratch|4.00g|AbCdEf-1234-5678|a--\n"),
        };
        var result = Plan(host, missing: true, wipe: true);
        result.Refusals.Select(r => r.Rule).ShouldContain(RuleIds.TargetInUse, string.Join("; ", result.Refusals));
    }

    [Fact]
    public void Refused_when_the_new_disk_carries_signatures_without_wipe_target()
    {
        var refusal = Plan(DegradedHost.Load("lab-debian").WithTableOf("sdb"), missing: true).Refusals.Single();
        refusal.Rule.ShouldBe(RuleIds.TargetHasSignatures);
    }

    [Fact]
    public void Refused_when_members_are_on_two_disks_and_no_failed_disk_is_named()
    {
        var host = DegradedHost.Load("lab-debian", (_, n) => $"sdb{n}[1]").WithTableOf("sdb");
        var sdc = host.Snapshot.Disk("sdb")! with { Name = "sdc", ByIdNames = ["ata-NEW_DISK_C"], Serial = "C", Wwid = null, Partitions = [], Regions = [] };
        host = new SampleHost(host.Snapshot with { Disks = [.. host.Snapshot.Disks, sdc] });
        Plan(host, "/dev/sdc").Refusals.Single().Rule.ShouldBe(DayTwoRules.FailedDiskUnclear);
    }

    [Fact]
    public void Refused_on_a_host_that_is_not_mirrored()
    {
        Plan(SampleHost.Load("lab-debian"), missing: true).Refusals.Single().Rule.ShouldBe(DayTwoRules.NoMirror);
    }

    [Fact]
    public void A_refusal_exits_3_and_writes_no_script()
    {
        var run = Cli(DegradedHost.Load("lab-debian").WithTableOf("sdb").Snapshot, "--new", "/dev/sdb", "--missing", "--script");
        run.ExitCode.ShouldBe(3);
        run.Out.ShouldBeEmpty();
        run.Error.ShouldContain("target-has-signatures");
    }

    [Fact]
    public void Failed_and_missing_together_are_a_usage_error()
    {
        CliRun.Of("replace", "--sample", "lab-debian", "--new", "/dev/sdb", "--failed", "/dev/sdc", "--missing").ExitCode.ShouldBe(2);
    }
}
