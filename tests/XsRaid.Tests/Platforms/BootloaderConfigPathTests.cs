using XsRaid.Planning;
using XsRaid.Tests.Planning;

namespace XsRaid.Tests.Platforms;

/// <summary>
/// The bootloader owns its config path: the plan reads and writes the config extlinux boots from (the one in its
/// install directory), whatever other extlinux.conf the host has lying around.
/// </summary>
public sealed class BootloaderConfigPathTests
{
    private const string Stray = "DEFAULT stray\nLABEL stray\n  KERNEL /vmlinuz-stray\n  APPEND root=/dev/sda9 ro\n";

    private static readonly SampleHost Lab = SampleHost.Load("lab-debian");

    [Fact]
    public void ADebianHostWithBothConfigsGetsItsRealConfigRewrittenNotTheOtherOnesText()
    {
        var both = Lab.WithFile("/boot/extlinux.conf", Stray);

        var plan = both.Plan(createSr: true).Plan!;

        var rewrite = plan.Step("rewrite-boot-config").Commands.Single();
        rewrite.Argv[^1].ShouldBe("/mnt/xsraid-root/boot/extlinux/extlinux.conf");
        rewrite.Stdin!.ShouldNotContain("stray");
        rewrite.Stdin!.ShouldContain("root=UUID=" + plan.NewRootFilesystemUuid);
        plan.Step("add-one-shot-entry").Commands.Single().Stdin!.ShouldNotContain("stray");
        PlanJson.Serialize(PlanResult.Ok(plan)).ShouldBe(PlanJson.Serialize(Lab.Plan(createSr: true)),
            "a stray /boot/extlinux.conf changes nothing in the plan");
    }

    [Fact]
    public void ADebianHostWhoseOnlyExtlinuxConfigIsOutsideTheInstallDirectoryIsRefused()
    {
        var elsewhere = Lab.WithFile("/boot/extlinux.conf", Stray).WithFile("/boot/extlinux/extlinux.conf", null);

        var result = elsewhere.Plan();

        result.Plan.ShouldBeNull();
        var refusal = result.Refusals.Single(r => r.Rule == RuleIds.UnsupportedBootloader);
        refusal.Message.ShouldContain("extlinux config at /boot/extlinux/extlinux.conf");
    }
}
