using XsRaid.Planning;

namespace XsRaid.Tests.Planning;

/// <summary>
/// Every plan of every sample (each option that changes the steps) keeps the step invariants: a step that writes has
/// a done-check (so a re-run skips it) and a verification, unless it is a copy pass, the reboot point, or one of the
/// justified exceptions below; the typed kinds sit where the executor and the script renderer expect them.
/// </summary>
public sealed class PlanInvariantTests
{
    /// <summary>Writing steps without a done-check, and why: any step not listed here must have one.</summary>
    private static readonly Dictionary<string, string> NoDoneCheck = new(StringComparer.Ordinal)
    {
        ["install-bootloader-array"] = "extlinux patches ldlinux.sys's sectors into the array's boot sector; the root copy brings the old root's ldlinux.sys, so no read-only check tells a real install from a copied file. Installing again is harmless.",
        ["boot-code-source"] = "it writes the MBR's boot code and the bootable bit; the original disk had the boot code before, so the boot code alone would skip the bit, and sgdisk prints attributes differently across versions. Both writes are idempotent.",
    };

    /// <summary>Writing steps without a verification, and why: any step not listed here must have one.</summary>
    private static readonly Dictionary<string, string> NoVerify = new(StringComparer.Ordinal)
    {
        ["wipe-target"] = "what it removes leaves no trace to check, and the next step writes a new partition table over it (which is verified).",
        ["make-mirror-default"] = "it writes into the old root and unmounts it; right after, that partition joins the array (its done-check), so mounting it again to verify could not work on a re-run.",
    };

    public static TheoryData<string, string, bool, bool> Plans()
    {
        var data = new TheoryData<string, string, bool, bool>();
        foreach (var (sample, metadata) in new[] { ("xenserver-6.5", "auto"), ("lab-debian", "auto"), ("lab-debian", "0.90"), ("xcp-ng-8.2-bios-nosr", "auto") })
        {
            foreach (var wipe in new[] { false, true })
            {
                foreach (var sr in new[] { false, true })
                {
                    data.Add(sample, metadata, wipe, sr);
                }
            }
        }

        // the SR sample keeps its volume group: --create-sr is refused there
        data.Add("xenserver-6.5-sr", "auto", false, false);
        data.Add("xenserver-6.5-sr", "auto", true, false);
        return data;
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void WritingStepsAreCheckedAndVerified(string sample, string metadata, bool wipe, bool createSr)
    {
        var plan = Plan(sample, metadata, wipe, createSr);
        foreach (var step in plan.Steps.Where(s => s.Writes is not null))
        {
            (step.DoneWhen is not null || step.Kind == StepKind.Copy || NoDoneCheck.ContainsKey(step.Id))
                .ShouldBeTrue($"{step.Id} writes {step.Writes} but has no done-check and is no listed exception");
            (step.Verify is not null || step.Kind is StepKind.Copy or StepKind.RebootPoint || NoVerify.ContainsKey(step.Id))
                .ShouldBeTrue($"{step.Id} writes {step.Writes} but has no verification and is no listed exception");
        }

        foreach (var id in NoDoneCheck.Keys.Where(id => plan.Steps.Any(s => s.Id == id)))
        {
            plan.Step(id).DoneWhen.ShouldBeNull($"{id} has a done-check now: take it off the exceptions");
        }

        foreach (var id in NoVerify.Keys.Where(id => plan.Steps.Any(s => s.Id == id)))
        {
            plan.Step(id).Verify.ShouldBeNull($"{id} has a verification now: take it off the exceptions");
        }
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void KindsSitWhereTheExecutorExpectsThem(string sample, string metadata, bool wipe, bool createSr)
    {
        var plan = Plan(sample, metadata, wipe, createSr);
        var steps = plan.Steps.ToList();
        var reboot = steps.FindIndex(s => s.Kind == StepKind.RebootPoint);
        steps.Count(s => s.Kind == StepKind.RebootPoint).ShouldBe(1);
        steps[reboot].Writes.ShouldBeNull();
        steps[reboot + 1].Kind.ShouldBe(StepKind.Guard, "phase 2 starts with the guard");
        steps.Single(s => s.Kind == StepKind.Guard).ShouldSatisfyAllConditions(
            g => g.Commands.ShouldBeEmpty(),
            g => g.Verify.ShouldNotBeNull(),
            g => g.Phase.ShouldBe(PlanPhase.JoinMirror));
        steps.Single(s => s.Kind == StepKind.ResyncWait).Writes.ShouldBeNull();
        steps.Where(s => s.Kind == StepKind.Copy).ShouldAllBe(s => s.Writes == plan.Target.Device && s.Phase == PlanPhase.BuildMirror);
        steps.Where(s => s.Kind == StepKind.Copy).Count().ShouldBe(2);
        steps.Where(s => s.Kind == StepKind.VerifyOnly).ShouldAllBe(s => s.Writes == null && s.DoneWhen == null);
        steps.Take(reboot).ShouldAllBe(s => s.Phase == PlanPhase.BuildMirror || s.Phase == PlanPhase.Reboot);
        steps.Skip(reboot + 1).ShouldAllBe(s => s.Phase == PlanPhase.JoinMirror || s.Phase == PlanPhase.StorageRepository);
        steps.Select(s => s.Id).ShouldBeUnique();
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void TheOneShotBootIsTypedAndArmedWithItsOwnCheck(string sample, string metadata, bool wipe, bool createSr)
    {
        var plan = Plan(sample, metadata, wipe, createSr);
        plan.OneShot.ShouldNotBeNull();
        var armed = plan.OneShot.StillArmed;
        var arm = plan.Steps.Single(s => s.Phase == PlanPhase.Reboot && Same(s.Verify, armed));
        Same(arm.DoneWhen, armed).ShouldBeTrue("arming again is skipped while the entry is still armed");
        plan.Steps.ToList().IndexOf(arm).ShouldBeLessThan(plan.Steps.ToList().FindIndex(s => s.Kind == StepKind.RebootPoint));
    }

    [Fact]
    public void EveryExceptionIsStillUsedBySomePlan()
    {
        var ids = Plans().SelectMany(row => Plan((string)row[0], (string)row[1], (bool)row[2], (bool)row[3]).Steps).Select(s => s.Id).ToHashSet();
        NoDoneCheck.Keys.Concat(NoVerify.Keys).ShouldAllBe(id => ids.Contains(id));
    }

    private static bool Same(HostCheck? a, HostCheck b) =>
        a is not null && a.Description == b.Description && a.Command.Argv.SequenceEqual(b.Command.Argv) && a.Command.Stdin == b.Command.Stdin;

    private static ConversionPlan Plan(string sample, string metadata, bool wipe, bool createSr)
    {
        var result = SampleHost.Load(sample).Plan(metadata: metadata, wipe: wipe, createSr: createSr);
        result.IsRefused.ShouldBeFalse(string.Join("; ", result.Refusals));
        return result.Plan!;
    }
}
