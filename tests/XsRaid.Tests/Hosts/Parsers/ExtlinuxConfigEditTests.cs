using XsRaid.Hosts.Parsers;

namespace XsRaid.Tests.Hosts.Parsers;

public class ExtlinuxConfigEditTests
{
    [Fact]
    public void WithRootChangesOnlyTheDom0RootOfEveryEntry()
    {
        var original = HostFileSamples.XenServer65Extlinux;
        var edited = ExtlinuxParser.Parse(original).Value.WithRoot(null, "/dev/md0").GetValueOrThrow();

        // In this file "root=LABEL=root-qvcoinzp" appears only as the dom0 root, once per entry.
        edited.Render().ShouldBe(original.Replace("root=LABEL=root-qvcoinzp", "root=/dev/md0", StringComparison.Ordinal));
        edited.Entries.ShouldAllBe(e => e.Root == "/dev/md0");
        ChangedLines(original, edited.Render()).ShouldBe([10, 15, 20, 25]);
    }

    [Fact]
    public void WithRootOfOneEntryLeavesTheOthers()
    {
        var edited = ExtlinuxParser.Parse(HostFileSamples.XenServer65Extlinux).Value.WithRoot("safe", "/dev/md0").GetValueOrThrow();
        edited.Entries.Select(e => e.Root).ShouldBe(["LABEL=root-qvcoinzp", "LABEL=root-qvcoinzp", "/dev/md0", "LABEL=root-qvcoinzp"]);
        ChangedLines(HostFileSamples.XenServer65Extlinux, edited.Render()).ShouldBe([20]);
    }

    [Fact]
    public void WithRootLeavesOtherLabelTokensHelpTextAndLineEndingsAlone()
    {
        // Fault 13 of the seed recipe: sed 's/LABEL=[a-zA-Z\-]*/\/dev\/md0/' rewrites any LABEL=.
        var original = HostFileSamples.DebianExtlinux;
        var edited = ExtlinuxParser.Parse(original).Value.WithRoot(null, "UUID=0f3c9a1e-9b8e-4a7c-bd1e-2f6a5c4d3b21").GetValueOrThrow();
        var text = edited.Render();
        text.ShouldBe(original
            .Replace("root=UUID=77635693-db26-47ba-88c9-b34ccb254e56", "root=UUID=0f3c9a1e-9b8e-4a7c-bd1e-2f6a5c4d3b21", StringComparison.Ordinal)
            .Replace("root=LABEL=root-abcdef", "root=UUID=0f3c9a1e-9b8e-4a7c-bd1e-2f6a5c4d3b21", StringComparison.Ordinal));
        text.ShouldContain("resume=LABEL=swap-abc");
        text.ShouldContain("root=/dev/sdz9 here is help text");
    }

    [Fact]
    public void WithRootNeverTouchesTheHypervisorArguments()
    {
        const string text = "label x\n  kernel mboot.c32\n  append /boot/xen.gz root=keep \"quoted arg\" --- /boot/vmlinuz root=\"LABEL=old\" ro --- /boot/initrd.img\n";
        var edited = ExtlinuxParser.Parse(text).Value.WithRoot("x", "/dev/md0").GetValueOrThrow();
        edited.Render().ShouldBe("label x\n  kernel mboot.c32\n  append /boot/xen.gz root=keep \"quoted arg\" --- /boot/vmlinuz root=/dev/md0 ro --- /boot/initrd.img\n");
    }

    [Fact]
    public void WithRootRefusesWhatItCannotDo()
    {
        var config = ExtlinuxParser.Parse(HostFileSamples.XenServer65Extlinux).Value;
        config.WithRoot("nope", "/dev/md0").Problem!.ShouldContain("no entry labelled");
        config.WithRoot(null, "/dev/md0 ro").Problem!.ShouldContain("cannot be a root= value");
        config.WithRoot(null, "").Problem!.ShouldContain("cannot be a root= value");
        var noRoot = ExtlinuxParser.Parse("label a\n  kernel /vmlinuz\n  append ro\n").Value;
        noRoot.WithRoot("a", "/dev/md0").Problem!.ShouldContain("has no root= argument");
        noRoot.WithRoot(null, "/dev/md0").Problem!.ShouldContain("no entry has a root=");
    }

    [Fact]
    public void WithEntryWritesInTheXenServerStyle()
    {
        var original = HostFileSamples.XenServer65Extlinux;
        var spec = new ExtlinuxEntrySpec(
            "xsraid",
            "mboot.c32",
            "/boot/xen.gz dom0_mem=752M,max:752M --- /boot/vmlinuz-3.10-xen root=/dev/md0 ro panic=30 --- /boot/initrd-3.10-xen.img",
            Comment: "XenServer on the md mirror");
        var edited = ExtlinuxParser.Parse(original).Value.WithEntry(spec).GetValueOrThrow();
        edited.Render().ShouldBe(original +
            "\nlabel xsraid\n  # XenServer on the md mirror\n  kernel mboot.c32\n" +
            "  append /boot/xen.gz dom0_mem=752M,max:752M --- /boot/vmlinuz-3.10-xen root=/dev/md0 ro panic=30 --- /boot/initrd-3.10-xen.img\n");
        edited.Find("xsraid")!.Root.ShouldBe("/dev/md0");
        edited.Find("xsraid")!.LinuxArguments!.Get("panic").ShouldBe("30");
    }

    [Fact]
    public void WithEntryWritesInTheDebianStyle()
    {
        var original = HostFileSamples.DebianExtlinux;
        var spec = new ExtlinuxEntrySpec("mirror", "/boot/vmlinuz-6.1.0-50-amd64", "root=/dev/md0 ro", "/boot/initrd.img-6.1.0-50-amd64", "Debian on md0");
        var edited = ExtlinuxParser.Parse(original).Value.WithEntry(spec).GetValueOrThrow();
        edited.Render().ShouldBe(original +
            "\r\nLABEL mirror\r\n\tMENU LABEL Debian on md0\r\n\tKERNEL /boot/vmlinuz-6.1.0-50-amd64\r\n" +
            "\tAPPEND root=/dev/md0 ro\r\n\tINITRD /boot/initrd.img-6.1.0-50-amd64\r\n");
    }

    [Fact]
    public void WithEntryEndsAnUnterminatedLastLineFirst()
    {
        var original = HostFileSamples.XenServer65Extlinux.TrimEnd('\n');
        var edited = ExtlinuxParser.Parse(original).Value.WithEntry(new ExtlinuxEntrySpec("b", "k")).GetValueOrThrow();
        edited.Render().ShouldBe(original + "\n\nlabel b\n  kernel k\n");
    }

    [Fact]
    public void WithEntryRefusesDuplicatesAndMultiLineValues()
    {
        var config = ExtlinuxParser.Parse(HostFileSamples.XenServer65Extlinux).Value;
        config.WithEntry(new ExtlinuxEntrySpec("XE", "k")).Problem!.ShouldContain("already exists");
        config.WithEntry(new ExtlinuxEntrySpec("two words", "k")).Problem!.ShouldContain("one word");
        config.WithEntry(new ExtlinuxEntrySpec("b", "k", "a\nb")).Problem!.ShouldContain("single lines");
    }

    [Fact]
    public void WithCopiedEntryCopiesTheEntryAndChangesOnlyLabelAndRoot()
    {
        var config = ExtlinuxParser.Parse(HostFileSamples.XenServer65Extlinux).Value;
        var edited = config.WithCopiedEntry("xe", "xsraid-md0", "/dev/md0").GetValueOrThrow();
        var source = config.Find("xe")!;
        var copy = edited.Find("xsraid-md0")!;

        copy.Hypervisor.ShouldBe(source.Hypervisor);
        copy.LinuxKernel.ShouldBe(source.LinuxKernel);
        copy.Initrd.ShouldBe(source.Initrd);
        copy.Root.ShouldBe("/dev/md0");
        copy.LinuxArguments!.Arguments.Where(a => a.Name != "root").Select(a => (a.Name, a.Value))
            .ShouldBe(source.LinuxArguments!.Arguments.Where(a => a.Name != "root").Select(a => (a.Name, a.Value)));
        edited.Render().ShouldStartWith(HostFileSamples.XenServer65Extlinux);
        edited.Find("xe")!.Root.ShouldBe("LABEL=root-qvcoinzp");
        config.WithCopiedEntry("nope", "x").Problem!.ShouldContain("no entry labelled");
        config.WithCopiedEntry("xe", "safe").Problem!.ShouldContain("not a free");
    }

    [Fact]
    public void WithDefaultRewritesTheDefaultLine()
    {
        var original = HostFileSamples.XenServer65Extlinux;
        var edited = ExtlinuxParser.Parse(original).Value.WithDefault("safe").GetValueOrThrow();
        edited.Render().ShouldBe(original.Replace("default xe\n", "default safe\n", StringComparison.Ordinal));
        edited.Default.ShouldBe("safe");

        var noDefault = ExtlinuxParser.Parse("prompt 1\ntimeout 50\n\nlabel a\n  kernel k\n").Value.WithDefault("a").GetValueOrThrow();
        noDefault.Render().ShouldBe("prompt 1\ntimeout 50\ndefault a\n\nlabel a\n  kernel k\n");
        ExtlinuxParser.Parse(original).Value.WithDefault("nope").Problem!.ShouldContain("no entry labelled");
    }

    private static List<int> ChangedLines(string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        a.Length.ShouldBe(b.Length);
        return Enumerable.Range(0, a.Length).Where(i => a[i] != b[i]).Select(i => i + 1).ToList();
    }
}
