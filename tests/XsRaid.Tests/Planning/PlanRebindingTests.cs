using XsRaid.Execution;
using XsRaid.Planning;

namespace XsRaid.Tests.Planning;

/// <summary>A plan carried over to renamed disks: every device argument and mention follows, nothing else changes.</summary>
public sealed class PlanRebindingTests
{
    private static readonly ConversionPlan LabPlan = SampleHost.Load("lab-debian").Plan(createSr: true).Plan!;

    private static DiskRenames Swap(ConversionPlan plan) => DiskRenames.For(plan, plan.Target.Device, plan.Source.Device);

    [Fact]
    public void SwappedDisksTradeEveryDeviceArgument()
    {
        var renamed = PlanRebinding.Rebind(LabPlan, Swap(LabPlan));

        renamed.Source.Device.ShouldBe("/dev/sdb");
        renamed.Target.Device.ShouldBe("/dev/sda");
        renamed.Source.ByIdNames.ShouldBe(LabPlan.Source.ByIdNames, "the identity stays: only the kernel name moved");
        renamed.Arrays.Select(a => $"{a.SourcePartition}+{a.TargetPartition}").ShouldBe(["/dev/sdb1+/dev/sda1", "/dev/sdb2+/dev/sda2", "/dev/sdb3+/dev/sda3"]);
        renamed.Steps.Select(s => s.Id).ShouldBe(LabPlan.Steps.Select(s => s.Id), "step ids are the journal's keys: they never move");
        var before = LabPlan.Steps.SelectMany(Commands).ToList();
        var after = renamed.Steps.SelectMany(Commands).ToList();
        after.Count.ShouldBe(before.Count);
        var changed = 0;
        for (var i = 0; i < before.Count; i++)
        {
            after[i].Stdin.ShouldBe(before[i].Stdin, "file contents name arrays and filesystems, never member disks");
            after[i].Argv.Count.ShouldBe(before[i].Argv.Count);
            for (var j = 0; j < before[i].Argv.Count; j++)
            {
                var (was, now) = (before[i].Argv[j], after[i].Argv[j]);
                now.ShouldBe(Swapped(was), $"argument {j} of `{before[i]}`");
                changed += was == now ? 0 : 1;
            }
        }

        changed.ShouldBeGreaterThan(20, "phase 1 and phase 2 both name the disks");
        renamed.Step("repartition-source").Commands[0].Argv.ShouldBe(["sgdisk", "--replicate=/dev/sdb", "/dev/sda"]);
        renamed.Step("join-md0").Title.ShouldBe("Add /dev/sdb1 to /dev/md0");
        renamed.Step("join-md0").Writes.ShouldBe("/dev/sdb");
        renamed.Step("partition-target").DoneWhen!.Description.ShouldBe("/dev/sda has /dev/sdb's partition layout with Linux RAID types");
    }

    [Fact]
    public void SwappingTwiceGivesThePlanBack()
    {
        var twice = PlanRebinding.Rebind(PlanRebinding.Rebind(LabPlan, Swap(LabPlan)), Swap(PlanRebinding.Rebind(LabPlan, Swap(LabPlan))));

        PlanJson.Serialize(PlanResult.Ok(twice)).ShouldBe(PlanJson.Serialize(PlanResult.Ok(LabPlan)));
        PlanIdentity.Of(twice).ShouldBe(PlanIdentity.Of(LabPlan));
    }

    [Fact]
    public void NoRenamesLeaveThePlanAsItIs()
    {
        var same = DiskRenames.For(LabPlan, LabPlan.Source.Device, LabPlan.Target.Device);

        same.IsEmpty.ShouldBeTrue();
        PlanRebinding.Rebind(LabPlan, same).ShouldBeSameAs(LabPlan);
    }

    [Fact]
    public void OnlyWholeDeviceNamesAreRenamed()
    {
        var moved = DiskRenames.For(LabPlan, "/dev/sdc", LabPlan.Target.Device);

        moved.InText("/dev/sda1, /dev/sda and /dev/sda's table; not /dev/sdab, /dev/sda9 or x/dev/sda").ShouldBe(
            "/dev/sdc1, /dev/sdc and /dev/sdc's table; not /dev/sdab, /dev/sda9 or x/dev/sda");
        moved.InArgument("/dev/sda").ShouldBe("/dev/sdc");
        moved.InArgument("--replicate=/dev/sda").ShouldBe("--replicate=/dev/sdc");
        moved.InArgument("if=/dev/sda3").ShouldBe("if=/dev/sdc3");
        moved.InArgument("my /dev/sda backup").ShouldBe("my /dev/sda backup", "a label that mentions a disk is text, not a device argument");
        moved.InArgument("/dev/sda1 /dev/sda2").ShouldBe("/dev/sda1 /dev/sda2");
        moved.InArgument("/dev/sdb1").ShouldBe("/dev/sdb1");
        moved.Describe(LabPlan).ShouldBe("/dev/sda is now /dev/sdc");
    }

    [Fact]
    public void TheDisksAreFoundByIdentityInASnapshotWhereTheyTradedNames()
    {
        var swapped = SampleHost.Load("lab-debian").WithDisksSwapped("/dev/md0");
        var facts = HostFactsReader.Read(swapped.Snapshot);

        var renames = DiskLocator.InFacts(LabPlan, facts);

        renames.Map["/dev/sda"].ShouldBe("/dev/sdb");
        renames.Map["/dev/sdb"].ShouldBe("/dev/sda");
        renames.Map["/dev/sda3"].ShouldBe("/dev/sdb3");
        DiskLocator.InFacts(LabPlan, HostFactsReader.Read(SampleHost.Load("lab-debian").Snapshot)).IsEmpty.ShouldBeTrue();
    }

    private static IEnumerable<HostCommand> Commands(PlanStep s) =>
        s.Commands.Concat(new[] { s.DoneWhen?.Command, s.Verify?.Command }.OfType<HostCommand>());

    private static string Swapped(string argument)
    {
        foreach (var (from, to) in new[] { ("/dev/sda", "/dev/sdb"), ("/dev/sdb", "/dev/sda") })
        {
            foreach (var prefix in new[] { "", "--replicate=" })
            {
                foreach (var suffix in new[] { "", "1", "2", "3" })
                {
                    if (argument == prefix + from + suffix)
                    {
                        return prefix + to + suffix;
                    }
                }
            }
        }

        return argument;
    }
}
