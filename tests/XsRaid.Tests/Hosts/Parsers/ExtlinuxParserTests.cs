using XsRaid.Hosts.Parsers;

namespace XsRaid.Tests.Hosts.Parsers;

public class ExtlinuxParserTests
{
    public static TheoryData<string> Samples() => new()
    {
        HostFileSamples.XenServer65Extlinux,
        HostFileSamples.DebianExtlinux,
        HostFileSamples.XenServer65Extlinux.TrimEnd('\n'),
        "",
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void ParsesCleanlyAndRendersBackByteForByte(string text)
    {
        var parsed = ExtlinuxParser.Parse(text);
        parsed.Issues.ShouldBeEmpty();
        parsed.Value.Render().ShouldBe(text);
    }

    [Fact]
    public void ReadsTheXenServer65Entries()
    {
        var config = ExtlinuxParser.Parse(HostFileSamples.XenServer65Extlinux).Value;
        config.Default.ShouldBe("xe");
        config.Global("timeout").ShouldBe("50");
        config.Global("SERIAL").ShouldBe("0 115200");
        config.Entries.Select(e => e.Label).ShouldBe(["xe", "xe-serial", "safe", "fallback"]);
        config.Entries.ShouldAllBe(e => e.Root == "LABEL=root-qvcoinzp");
        config.Entries.ShouldAllBe(e => e.IsMultiboot && e.Kernel == "mboot.c32");

        var xe = config.Find("xe")!;
        xe.Hypervisor.ShouldBe(new MultibootModule(
            "/boot/xen.gz",
            "dom0_mem=752M,max:752M watchdog dom0_max_vcpus=1 crashkernel=128M@32M cpuid_mask_xsave_eax=0 console=vga vga=mode-0x0311"));
        xe.LinuxKernel.ShouldBe("/boot/vmlinuz-3.10-xen");
        xe.Initrd.ShouldBe("/boot/initrd-3.10-xen.img");
        xe.Modules.Select(m => m.Path).ShouldBe(["/boot/vmlinuz-3.10-xen", "/boot/initrd-3.10-xen.img"]);
        xe.LinuxArguments!.Get("console").ShouldBe("tty0");
        xe.Lines.Count.ShouldBe(5); // label, comment, kernel, append, blank
        config.Find("fallback")!.Hypervisor!.Path.ShouldBe("/boot/xen-4.4.1-xs90192.gz");
        config.Find("fallback")!.Initrd.ShouldBe("/boot/initrd-fallback.img");
    }

    [Fact]
    public void ReadsTheDebianEntriesWhateverTheKeywordCase()
    {
        var config = ExtlinuxParser.Parse(HostFileSamples.DebianExtlinux).Value;
        config.Default.ShouldBe("debian");
        config.Global("ONTIMEOUT").ShouldBe("debian");
        var debian = config.Find("debian")!;
        debian.MenuLabel.ShouldBe("Debian GNU/Linux, kernel 6.1.0-50-amd64");
        debian.LinuxKernel.ShouldBe("/boot/vmlinuz-6.1.0-50-amd64");
        debian.Initrd.ShouldBe("/boot/initrd.img-6.1.0-50-amd64");
        debian.Root.ShouldBe("UUID=77635693-db26-47ba-88c9-b34ccb254e56");
        debian.IsMultiboot.ShouldBeFalse();
        debian.Lines.Count(l => l.Kind == ExtlinuxLineKind.HelpText).ShouldBe(1);

        var rescue = config.Find("rescue")!;
        rescue.Initrd.ShouldBe("/boot/initrd.img-6.1.0-50-amd64"); // from initrd= in APPEND
        rescue.Root.ShouldBe("LABEL=root-abcdef");
        rescue.MenuLabel.ShouldBe("Debian GNU/Linux (rescue)");
    }

    [Fact]
    public void ChainAndLocalbootEntriesBootNoLinux()
    {
        var config = ExtlinuxParser.Parse("label disk2\n  kernel chain.c32\n  append hd1\nlabel local\n  localboot 0\n").Value;
        config.Entries.ShouldAllBe(e => e.LinuxKernel == null && e.Root == null);
    }

    [Theory]
    [InlineData("label a\n  kernel k\n  frobnicate yes\n", "unknown keyword 'FROBNICATE'")]
    [InlineData("label\n  kernel k\n", "LABEL without a name")]
    [InlineData("label a\n  kernel k\nLABEL A\n  kernel k\n", "used twice")]
    [InlineData("label a\n  text help\n  words\n", "TEXT HELP without ENDTEXT")]
    public void ProblemsAreReportedAndTheTextIsKept(string text, string problem)
    {
        var parsed = ExtlinuxParser.Parse(text);
        parsed.Issues.ShouldHaveSingleItem().Problem.ShouldContain(problem);
        parsed.Value.Render().ShouldBe(text);
    }

    [Fact]
    public void HostileInputNeverThrowsAndRendersBack()
    {
        foreach (var garbage in HostileText.Samples())
        {
            var parsed = ExtlinuxParser.Parse(garbage);
            parsed.Value.Render().ShouldBe(garbage);
            _ = parsed.Value.WithRoot(null, "/dev/md0");
            _ = parsed.Value.WithEntry(new ExtlinuxEntrySpec("new", "vmlinuz"));
        }
    }
}
