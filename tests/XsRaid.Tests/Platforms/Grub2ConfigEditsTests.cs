using XsRaid.Platforms.Bootloaders;
using XsRaid.Tests.Planning;

namespace XsRaid.Tests.Platforms;

/// <summary>grub.cfg edits on the XCP-ng 8.2 installer's grub.cfg (shared/facts/xcp-ng/xcpng82-bios, in the sample).</summary>
public sealed class Grub2ConfigEditsTests
{
    private static readonly string Config = SampleHost.Load("xcp-ng-8.2-bios-nosr").Snapshot.File("/boot/grub/grub.cfg")!;

    [Fact]
    public void TheRootRewriteGivesTheFirstEntryExactlyAsTheInstallersRaidInstallWritesIt()
    {
        var rewritten = Grub2ConfigEdits.RootEverywhere(Config, "root-fjxlpa");

        // shared/facts/xcp-ng/xcpng83-bios-installer-raid/grub.cfg-first-entry.txt, kernel line.
        rewritten.ShouldContain("\tsearch --label --set root root-fjxlpa\n");
        rewritten.ShouldContain("\tmodule2 /boot/vmlinuz-4.19-xen root=LABEL=root-fjxlpa ro nolvm hpet=disable rd.auto console=hvc0 console=tty0 quiet vga=785 splash plymouth.ignore-serial-consoles\n");
        rewritten.Split('\n').Count(l => l.Contains("rd.auto")).ShouldBe(5, "every entry gets rd.auto once");
        rewritten.ShouldNotContain("qkvmzt");
        Grub2ConfigEdits.RootEverywhere(rewritten, "root-fjxlpa").ShouldBe(rewritten, "applying it again changes nothing");
    }

    [Fact]
    public void TheOneShotEntryIsLastClearsItselfAndTheOverrideBoilerplateComesBeforeTheFirstEntry()
    {
        var config = Grub2ConfigEdits.WithOneShotEntry(Config, "xsraid", "xsraid-abc", "/boot/xsraid-initrd.img", "rd.shell=0 rd.emergency=reboot panic=30");

        Grub2ConfigEdits.EntryCount(config).ShouldBe(6);
        config.IndexOf("load_env", StringComparison.Ordinal).ShouldBeLessThan(config.IndexOf("menuentry", StringComparison.Ordinal));
        config.ShouldContain("set default=0\n", customMessage: "the default stays the old system");
        config.ShouldEndWith(
            "menuentry 'xsraid' {\n\tunset override_entry\n\tsave_env override_entry\n\tsearch --label --set root root-qkvmzt\n"
            + "\tmultiboot2 /boot/xen.gz dom0_mem=2928M,max:2928M watchdog ucode=scan dom0_max_vcpus=1-8 crashkernel=256M,below=4G console=vga vga=mode-0x0311\n"
            + "\tmodule2 /boot/vmlinuz-4.19-xen root=LABEL=xsraid-abc ro nolvm hpet=disable rd.auto console=hvc0 console=tty0 quiet vga=785 splash plymouth.ignore-serial-consoles rd.shell=0 rd.emergency=reboot panic=30\n"
            + "\tmodule2 /boot/xsraid-initrd.img\n}\n");
        Grub2ConfigEdits.WithDefault(config, 5).ShouldContain("set default=5\n");
    }

    [Fact]
    public void XensNorebootIsDroppedFromTheOneShotEntry()
    {
        var safeModeDefault = Grub2ConfigEdits.WithDefault(Config, 2);

        var config = Grub2ConfigEdits.WithOneShotEntry(safeModeDefault, "xsraid", "x", "/boot/i.img", "panic=30");

        var entry = config[config.IndexOf("menuentry 'xsraid'", StringComparison.Ordinal)..];
        entry.ShouldContain("nosmp");
        entry.ShouldNotContain("noreboot");
    }
}
