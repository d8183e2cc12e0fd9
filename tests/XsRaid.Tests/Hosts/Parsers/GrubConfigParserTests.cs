using XsRaid.Hosts.Parsers;

namespace XsRaid.Tests.Hosts.Parsers;

public class GrubConfigParserTests
{
    /// <summary>
    /// XCP-ng 8.x /boot/grub/grub.cfg: header and layout as python-libs xcp/bootloader.py writeGrub2() writes
    /// them; the 'XCP-ng' entry is the one quoted in xcp-ng/xcp-ng-org docs/troubleshooting/common-problems.md
    /// (without the nvme option the page adds); the serial entry follows host-installer's buildBootLoaderMenu().
    /// </summary>
    private const string XcpNg =
        "serial --unit=0 --speed=115200\n" +
        "terminal_input serial console\n" +
        "terminal_output serial console\n" +
        "set default=0\n" +
        "set timeout=5\n" +
        "menuentry 'XCP-ng' {\n" +
        "\tsearch --label --set root root-jnugiq\n" +
        "\tmultiboot2 /boot/xen.gz dom0_mem=7584M,max:7584M watchdog ucode=scan dom0_max_vcpus=1-16 crashkernel=256M,below=4G console=vga vga=mode-0x0311\n" +
        "\tmodule2 /boot/vmlinuz-4.19-xen root=LABEL=root-jnugiq ro nolvm hpet=disable console=hvc0 console=tty0 quiet vga=785 splash plymouth.ignore-serial-consoles\n" +
        "\tmodule2 /boot/initrd-4.19-xen.img\n" +
        "}\n" +
        "menuentry 'XCP-ng (Serial)' {\n" +
        "\tsearch --label --set root root-jnugiq\n" +
        "\tmultiboot2 /boot/xen.gz com1=115200,8n1 console=com1,vga dom0_mem=7584M,max:7584M watchdog ucode=scan dom0_max_vcpus=1-16 crashkernel=256M,below=4G\n" +
        "\tmodule2 /boot/vmlinuz-4.19-xen root=LABEL=root-jnugiq ro nolvm hpet=disable console=tty0 console=hvc0\n" +
        "\tmodule2 /boot/initrd-4.19-xen.img\n" +
        "}\n";

    /// <summary>The shape grub-mkconfig's 10_linux writes on Debian 12: classes, an id option, conditionals, a submenu.</summary>
    private const string Debian =
        "function load_video {\n" +
        "  insmod all_video\n" +
        "}\n" +
        "set default=\"0\"\n" +
        "if [ x\"${feature_menuentry_id}\" = xy ]; then\n" +
        "  menuentry_id_option=\"--id\"\n" +
        "fi\n" +
        "set timeout=5\n" +
        "menuentry 'Debian GNU/Linux' --class debian --class gnu-linux --class gnu --class os $menuentry_id_option 'gnulinux-simple-77635693' {\n" +
        "\tload_video\n" +
        "\tinsmod gzio\n" +
        "\tif [ x$grub_platform = xxen ]; then insmod xzio; insmod lzopio; fi\n" +
        "\tsearch --no-floppy --fs-uuid --set=root 77635693-db26-47ba-88c9-b34ccb254e56\n" +
        "\techo\t'Loading Linux 6.1.0-50-amd64 ...'\n" +
        "\tlinux\t/boot/vmlinuz-6.1.0-50-amd64 root=UUID=77635693-db26-47ba-88c9-b34ccb254e56 ro  quiet\n" +
        "\techo\t'Loading initial ramdisk ...'\n" +
        "\tinitrd\t/boot/initrd.img-6.1.0-50-amd64\n" +
        "}\n" +
        "submenu 'Advanced options for Debian GNU/Linux' $menuentry_id_option 'gnulinux-advanced-77635693' {\n" +
        "\tmenuentry 'Debian GNU/Linux, with Linux 6.1.0-50-amd64 (recovery mode)' --class debian $menuentry_id_option 'gnulinux-6.1.0-50-amd64-recovery-77635693' {\n" +
        "\t\tlinux\t/boot/vmlinuz-6.1.0-50-amd64 root=UUID=77635693-db26-47ba-88c9-b34ccb254e56 ro single\n" +
        "\t\tinitrd\t/boot/initrd.img-6.1.0-50-amd64\n" +
        "\t}\n" +
        "}\n";

    [Fact]
    public void ReadsTheXcpNgEntries()
    {
        var parsed = GrubConfigParser.Parse(XcpNg);
        parsed.Issues.ShouldBeEmpty();
        var config = parsed.Value;
        config.Entries.Select(e => e.Title).ShouldBe(["XCP-ng", "XCP-ng (Serial)"]);
        config.Timeout.ShouldBe("5");
        config.DefaultEntry!.Title.ShouldBe("XCP-ng");
        var xcp = config.Entries[0];
        xcp.Hypervisor!.Path.ShouldBe("/boot/xen.gz");
        xcp.Hypervisor.Arguments.ShouldStartWith("dom0_mem=7584M,max:7584M");
        xcp.LinuxKernel.ShouldBe("/boot/vmlinuz-4.19-xen");
        xcp.Initrd.ShouldBe("/boot/initrd-4.19-xen.img");
        xcp.Root.ShouldBe("LABEL=root-jnugiq");
        xcp.SearchLabel.ShouldBe("root-jnugiq");
        (xcp.FirstLine, xcp.LastLine).ShouldBe((6, 11));
        config.Entries.ShouldAllBe(e => e.Root == "LABEL=root-jnugiq");
    }

    [Fact]
    public void ReadsGrubMkconfigOutputWithASubmenu()
    {
        var parsed = GrubConfigParser.Parse(Debian);
        parsed.Issues.ShouldBeEmpty();
        var config = parsed.Value;
        config.Default.ShouldBe("0");
        config.Entries.Count.ShouldBe(2);
        config.Entries[0].Title.ShouldBe("Debian GNU/Linux");
        config.Entries[0].Hypervisor.ShouldBeNull();
        config.Entries[0].LinuxKernel.ShouldBe("/boot/vmlinuz-6.1.0-50-amd64");
        config.Entries[0].Root.ShouldBe("UUID=77635693-db26-47ba-88c9-b34ccb254e56");
        config.Entries[0].Initrd.ShouldBe("/boot/initrd.img-6.1.0-50-amd64");
        config.Entries[1].Submenus.ShouldBe(["Advanced options for Debian GNU/Linux"]);
        config.Entries[1].LinuxArguments!.Has("single").ShouldBeTrue();
    }

    [Fact]
    public void DefaultMayNameAnEntryByTitleOrPath()
    {
        GrubConfigParser.Parse("set default='XCP-ng (Serial)'\n" + XcpNg[XcpNg.IndexOf("menuentry", StringComparison.Ordinal)..])
            .Value.DefaultEntry!.Title.ShouldBe("XCP-ng (Serial)");
        GrubConfigParser.Parse(Debian.Replace("set default=\"0\"", "set default=\"Advanced options for Debian GNU/Linux>Debian GNU/Linux, with Linux 6.1.0-50-amd64 (recovery mode)\"", StringComparison.Ordinal))
            .Value.DefaultEntry!.Submenus.ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("menuentry 'a' {\n  linux /k root=/dev/md0\n", "not closed")]
    [InlineData("}\n", "without an open block")]
    [InlineData("menuentry 'a\n", "unterminated quote")]
    [InlineData("menuentry {\n}\n", "without a title")]
    public void ProblemsAreReported(string text, string problem)
    {
        GrubConfigParser.Parse(text).Issues.ShouldContain(i => i.Problem.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void HostileInputNeverThrows()
    {
        foreach (var garbage in HostileText.Samples())
        {
            _ = GrubConfigParser.Parse(garbage);
        }

        var deep = string.Concat(Enumerable.Repeat("menuentry 'x' {\n", 10_000)) + "}\n";
        GrubConfigParser.Parse(deep).Issues.ShouldHaveSingleItem().Problem.ShouldContain("9999 block(s) not closed");
    }
}
