using XsRaid.Planning;
using XsRaid.Platforms;
using XsRaid.Platforms.OsFamilies;
using XsRaid.Tests.Planning;

namespace XsRaid.Tests.Platforms;

/// <summary>
/// A new bootloader is one class plus its registration in a family's list: the shared planner, the executor's
/// kinds and the script renderer take it as it is (<see cref="FakeBootloader"/> lives only in the tests).
/// </summary>
public sealed class NewBootloaderTests
{
    private static readonly SampleHost Host = SampleHost.Load("lab-debian")
        .WithFile("/boot/fakeboot.cfg", "entry debian root=OLD\n")
        .WithFile("/boot/extlinux/extlinux.conf", null)
        .WithTool("fakeboot-install");

    private static readonly IOsFamily DebianWithFakeboot = new FamilyWith(new Debian(), bootloaders: [new FakeBootloader()]);

    [Fact]
    public void TheProfilePicksTheBootloaderWhoseConfigTheHostHas()
    {
        var facts = HostFactsReader.Read(Host.Snapshot);
        var (profile, refusals) = ProfileResolver.Resolve(facts, DebianWithFakeboot);

        refusals.ShouldBeEmpty();
        profile!.Boot.ShouldBeOfType<FakeBootloader>();
        profile.BootConfig.ShouldBe("entry debian root=OLD\n");
        profile.DisplayName.ShouldBe("Debian (fakeboot, initramfs-tools)");
    }

    [Fact]
    public void ThePlanUsesItsStepsAndNamesNoOtherBootloader()
    {
        var plan = Plan();

        var ids = plan.Steps.Select(s => s.Id).ToList();
        ids.ShouldContain("install-fakeboot-target");
        ids.ShouldContain("install-fakeboot-source");
        ids.ShouldContain("add-fakeboot-entry");
        ids.IndexOf("arm-fakeboot").ShouldBe(ids.IndexOf("reboot") - 1, "armed right before the reboot, after the new root is unmounted");
        plan.Step("rewrite-boot-config").Commands.Single().ShouldSatisfyAllConditions(
            c => c.Argv[^1].ShouldBe("/mnt/xsraid-root/boot/fakeboot.cfg"),
            c => c.Stdin.ShouldBe("entry debian root=UUID=" + plan.NewRootFilesystemUuid + "\n"));
        plan.Step("make-mirror-default").Commands.Select(c => c.Argv[0]).ShouldContain("fakeboot-default");
        plan.Step("verify-mirror").Commands.Select(c => string.Join(' ', c.Argv)).ShouldContain("fakeboot-check " + plan.Source.Device);
        plan.OneShot!.Label.ShouldBe("mirror");
        var everything = PlanJson.Serialize(PlanResult.Ok(plan));
        everything.ShouldNotContain("extlinux");
        everything.ShouldNotContain("gptmbr");
        everything.ShouldNotContain("--attributes");
    }

    [Fact]
    public void TheScriptRendersItsPhasesAndStopPoint()
    {
        var script = PlanScriptRenderer.Render(Plan());

        script.ShouldContain("fakeboot-once mirror");
        script.IndexOf("fakeboot-once mirror", StringComparison.Ordinal).ShouldBeLessThan(script.IndexOf("STOP POINT", StringComparison.Ordinal));
        script.ShouldContain("# ===== Phase 2");
        script.ShouldContain("fakeboot-install " + Plan().Source.Device);
    }

    private static ConversionPlan Plan()
    {
        var facts = HostFactsReader.Read(Host.Snapshot);
        var profile = ProfileResolver.Resolve(facts, DebianWithFakeboot).Profile!;
        var result = ConvertPlanner.Plan(facts, profile, new PlanOptions("/dev/sdb"));
        result.IsRefused.ShouldBeFalse(string.Join("; ", result.Refusals));
        return result.Plan!;
    }
}
