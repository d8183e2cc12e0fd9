using XsRaid.DayTwo;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.DayTwo;

/// <summary>
/// The day-2 snippets run by this machine's sh and awk against a stand-in `mdadm` on PATH that answers with the md
/// driver's real `mdadm --detail` output (Fixtures/md) and fixed `--detail --brief` lines (no md module here).
/// </summary>
public sealed class DayTwoSnippetTests
{
    private const string Md0 = "ARRAY /dev/md0 metadata=1.0 name=lab:0 UUID=3c1a7e41:5b0e2f7d:9a4c6b18:2e7d0f93";
    private const string Md2 = "ARRAY /dev/md2 metadata=1.0 name=lab:2 UUID=8f2b6d04:71c9e3a5:0d4e8b62:c5a1f7e9";

    private static Tool.Result Run(TempDir dir, string snippet, string detailFixture, params string[] args)
    {
        var mdadm = dir.File("bin/mdadm");
        Directory.CreateDirectory(Path.GetDirectoryName(mdadm)!);
        File.WriteAllText(mdadm,
            "#!/bin/sh\n" +
            "if [ \"$1 $2\" = '--detail --brief' ]; then case \"$3\" in /dev/md0) echo '" + Md0 + "';; /dev/md2) echo '" + Md2 + "';; *) exit 1;; esac; exit 0; fi\n" +
            "if [ \"$1\" = --detail ]; then cat '" + Fixtures.PathOf("md/detail-snapshots/" + detailFixture) + "'; exit 0; fi\n" +
            "exit 0\n");
        Tool.Run("chmod", ["+x", mdadm]);
        var path = Path.GetDirectoryName(mdadm) + ":" + Environment.GetEnvironmentVariable("PATH");
        return Tool.Run("sh", ["-c", snippet, "sh", .. args], check: false, env: new Dictionary<string, string> { ["PATH"] = path });
    }

    [Fact]
    public void Rewriting_the_array_lines_keeps_every_other_line_and_then_matches()
    {
        using var dir = new TempDir();
        var conf = dir.File("mdadm.conf");
        File.WriteAllText(conf, "# mine\nDEVICE partitions\nMAILADDR ops@example.org\nARRAY /dev/md9 metadata=0.90\n   UUID=11111111:22222222:33333333:44444444\nPROGRAM /usr/local/bin/md-alert\n");
        Run(dir, HealSnippets.MdadmConfMatches, "several-arrays-clean--md30.txt", conf, "/dev/md0", "/dev/md2").ExitCode.ShouldNotBe(0);

        Run(dir, HealSnippets.RewriteArrayLines, "several-arrays-clean--md30.txt", conf, "/dev/md0", "/dev/md2").ExitCode.ShouldBe(0);

        File.ReadAllText(conf).ShouldBe("# mine\nDEVICE partitions\nMAILADDR ops@example.org\nPROGRAM /usr/local/bin/md-alert\n" + Md0 + "\n" + Md2 + "\n");
        Run(dir, HealSnippets.MdadmConfMatches, "several-arrays-clean--md30.txt", conf, "/dev/md0", "/dev/md2").ExitCode.ShouldBe(0);
        Run(dir, HealSnippets.MdadmConfMatches, "several-arrays-clean--md30.txt", conf, "/dev/md0").ExitCode.ShouldNotBe(0, "a stale ARRAY line is a mismatch");
    }

    [Theory]
    [InlineData("raid1-member-failed--md20.txt", "/dev/sds", false)]
    [InlineData("raid1-member-removed-degraded--md20.txt", "/dev/sds", true)]
    [InlineData("raid1-member-removed-degraded--md20.txt", "/dev/sdr", false)]
    public void An_array_lacks_a_member_once_it_no_longer_lists_it(string detail, string member, bool lacks)
    {
        using var dir = new TempDir();
        (Run(dir, ReplaceSnippets.ArrayLacksMember, detail, "/dev/md20", member).ExitCode == 0).ShouldBe(lacks);
    }

    [Theory]
    [InlineData("raid1-member-failed--md20.txt", false)]
    [InlineData("raid1-member-removed-degraded--md20.txt", true)]
    public void No_faulty_member_holds_only_without_one(string detail, bool holds)
    {
        using var dir = new TempDir();
        (Run(dir, ReplaceSnippets.NoFaultyMember, detail, "/dev/md20").ExitCode == 0).ShouldBe(holds);
    }

    [Fact]
    public void An_installed_kernels_initrd_must_pass_its_check_and_be_newer_than_mdadm_conf()
    {
        using var dir = new TempDir();
        const string Fixture = "several-arrays-clean--md30.txt";
        Run(dir, HealSnippets.InitrdAssembles, Fixture, dir.File("modules/not-installed"), "/nonexistent", "/nonexistent", "false").ExitCode.ShouldBe(0);
        var modules = dir.File("modules/6.1.0-50-amd64");
        Directory.CreateDirectory(modules);
        var initrd = dir.File("initrd.img");
        var conf = dir.File("mdadm.conf");
        File.WriteAllText(conf, "x");
        File.WriteAllText(initrd, "x");
        File.SetLastWriteTimeUtc(conf, DateTime.UtcNow.AddHours(-1));
        Run(dir, HealSnippets.InitrdAssembles, Fixture, modules, initrd, conf, "true").ExitCode.ShouldBe(0);
        Run(dir, HealSnippets.InitrdAssembles, Fixture, modules, initrd, conf, "false").ExitCode.ShouldNotBe(0, "the content check fails");
        File.SetLastWriteTimeUtc(conf, DateTime.UtcNow.AddHours(1));
        Run(dir, HealSnippets.InitrdAssembles, Fixture, modules, initrd, conf, "true").ExitCode.ShouldNotBe(0, "an initrd older than mdadm.conf");
        Run(dir, HealSnippets.InitrdAssembles, Fixture, modules, dir.File("missing.img"), conf, "true").ExitCode.ShouldNotBe(0, "no initrd");
    }
}
