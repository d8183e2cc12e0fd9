using XsRaid.Hosts.Parsers;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Hosts.Parsers;

public class FstabParserTests
{
    public static TheoryData<string> Samples() => new()
    {
        HostFileSamples.XenServer65Fstab,
        HostFileSamples.XenServer7Fstab,
        HostFileSamples.DebianFstab,
        File.ReadAllText("/etc/fstab"),
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void EveryEntryAgreesWithFindmntAndRendersBackByteForByte(string text)
    {
        var parsed = FstabParser.Parse(text);
        parsed.Issues.ShouldBeEmpty();
        parsed.Value.Render().ShouldBe(text);
        AgreesWithFindmnt(parsed.Value, text);
    }

    [Fact]
    public void ClassifiesSpecs()
    {
        var entries = FstabParser.Parse(HostFileSamples.DebianFstab).Value.Entries.Select(l => l.Entry!).ToList();
        entries.Select(e => (e.SpecKind, e.SpecValue)).ShouldBe(
        [
            (FstabSpecKind.Uuid, "77635693-db26-47ba-88c9-b34ccb254e56"),
            (FstabSpecKind.Uuid, "0c6b6f3e-5d0e-4b8e-9d3a-6f2f1c1e9a77"),
            (FstabSpecKind.Path, "/dev/sr0"),
            (FstabSpecKind.Label, "fxdata"),
            (FstabSpecKind.PartUuid, "e8aac203-031e-45d2-81d0-dee126068df9"),
            (FstabSpecKind.Other, "tmpfs"),
        ]);
        entries[3].File.ShouldBe("/srv/my data");
        entries[3].Freq.ShouldBeNull();
        entries[3].PassNo.ShouldBeNull();
    }

    [Fact]
    public void RewritingTheRootSpecChangesThatFieldAndNothingElse()
    {
        // Fault 13 of the seed recipe: its sed rewrote every LABEL=, which on XenServer 7 also hits the
        // swap and /var/log lines. WithField touches one field of one line.
        var fstab = FstabParser.Parse(HostFileSamples.XenServer7Fstab).Value;
        var root = fstab.ForMountPoint("/")!;
        var edited = fstab.WithField(root.Number, FstabField.Spec, "/dev/md0");
        edited.IsOk.ShouldBeTrue();
        var text = edited.Value.Render();

        text.ShouldBe(HostFileSamples.XenServer7Fstab.Replace("LABEL=root-kqxqwkbm    /", "/dev/md0    /", StringComparison.Ordinal));
        edited.Value.ForMountPoint("/")!.Entry!.SpecKind.ShouldBe(FstabSpecKind.Path);
        edited.Value.ForMountPoint("/var/log")!.Entry!.Spec.ShouldBe("LABEL=logs-kqxqwkbm");
        AgreesWithFindmnt(edited.Value, text);
    }

    [Fact]
    public void RewrittenValuesAreEscapedAndKeepTheLineTerminator()
    {
        var fstab = FstabParser.Parse(HostFileSamples.DebianFstab).Value;
        var boot = fstab.ForMountPoint("/boot")!;
        boot.Raw.Terminator.ShouldBe("\r\n");
        var edited = fstab.WithField(boot.Number, FstabField.File, "/boot dir").GetValueOrThrow();
        var text = edited.Render();
        text.ShouldContain("PARTUUID=e8aac203-031e-45d2-81d0-dee126068df9 /boot\\040dir ext4 defaults 0 2\r\n");
        edited.ForMountPoint("/boot dir").ShouldNotBeNull();
        AgreesWithFindmnt(edited, text);
    }

    [Fact]
    public void RefusesEditsThatCannotBeMade()
    {
        var fstab = FstabParser.Parse(HostFileSamples.DebianFstab).Value;
        fstab.WithField(1, FstabField.Spec, "/dev/md0").Problem!.ShouldContain("not an fstab entry");
        fstab.WithField(999, FstabField.Spec, "/dev/md0").Problem!.ShouldContain("not an fstab entry");
        var data = fstab.ForMountPoint("/srv/my data")!.Number;
        fstab.WithField(data, FstabField.PassNo, "2").Problem!.ShouldContain("has no PassNo field");
        fstab.WithField(data, FstabField.Freq, "often").Problem!.ShouldContain("must be a number");
        fstab.WithField(data, FstabField.Spec, "#x").Problem!.ShouldContain("cannot be");
        fstab.WithField(data, FstabField.Options, "").Problem!.ShouldContain("cannot be");
    }

    [Theory]
    [InlineData("/dev/sda1 /\n", "not 'spec file vfstype options")]
    [InlineData("/dev/sda1 / ext3 defaults x 1\n", "not 'spec file vfstype options")]
    [InlineData("/dev/sda1 / ext3 defaults 0 1 extra\n", "not 'spec file vfstype options")]
    public void MalformedLinesBecomeIssuesAndStayInTheFile(string text, string problem)
    {
        var parsed = FstabParser.Parse(text);
        parsed.Issues.ShouldHaveSingleItem().Problem!.ShouldContain(problem);
        parsed.Value.Render().ShouldBe(text);
        parsed.Value.Entries.ShouldBeEmpty();
    }

    [Fact]
    public void HostileInputNeverThrowsAndStillRendersBack()
    {
        foreach (var garbage in HostileText.Samples())
        {
            FstabParser.Parse(garbage).Value.Render().ShouldBe(garbage);
        }
    }

    /// <summary>findmnt --fstab -F FILE: libmount's reading of the same text is the reference.</summary>
    private static void AgreesWithFindmnt(Fstab fstab, string text)
    {
        using var dir = new TempDir();
        var path = dir.File("fstab");
        File.WriteAllText(path, text);
        var run = Tool.Run("findmnt", ["--fstab", "-F", path, "-P", "-o", "SOURCE,TARGET,FSTYPE,OPTIONS,FREQ,PASSNO"], check: false);
        var entries = fstab.Entries.Select(l => l.Entry!).ToList();
        run.ExitCode.ShouldBe(entries.Count == 0 ? 1 : 0, run.Stderr); // findmnt exits 1 when it found nothing
        var findmnt = PairsOutputParser.Parse(run.Stdout);
        findmnt.Issues.ShouldBeEmpty();
        findmnt.Value.Count.ShouldBe(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var (mine, theirs) = (entries[i], findmnt.Value[i]);
            mine.Spec.ShouldBe(theirs.Get("SOURCE"));
            mine.File.ShouldBe(theirs.Get("TARGET"));
            mine.VfsType.ShouldBe(theirs.Get("FSTYPE"));
            string.Join(',', mine.Options).ShouldBe(theirs.Get("OPTIONS"));
            (mine.Freq ?? 0).ShouldBe((int)theirs.GetLong("FREQ")!.Value);
            (mine.PassNo ?? 0).ShouldBe((int)theirs.GetLong("PASSNO")!.Value);
        }
    }
}
