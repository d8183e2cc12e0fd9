using XsRaid.Tests.Support;

namespace XsRaid.Tests.Lab;

/// <summary>
/// The lab, CI and sample-builder scripts run only in long runs (the lab takes tens of minutes): each is at least shellcheck-clean
/// (following its sourced files) and parses with bash -n, so a typo shows up in seconds, not at the end of a lab run.
/// </summary>
public sealed class ShellScriptTests
{
    public static TheoryData<string> Scripts()
    {
        var root = RepoRoot();
        var lab = Path.Combine(root, "tests", "lab");
        var scripts = new[] { Path.Combine(root, ".ci", "run"), Path.Combine(root, "test.sh") }
            .Concat(Directory.GetFiles(lab).Where(f => File.ReadLines(f).FirstOrDefault()?.StartsWith("#!", StringComparison.Ordinal) == true || f.EndsWith(".sh", StringComparison.Ordinal)))
            .Concat(Directory.GetFiles(Path.Combine(lab, "scenarios"), "*.sh"))
            .Concat(Directory.GetFiles(Path.Combine(lab, "guest"), "*.sh"))
            .Concat(Directory.GetFiles(Path.Combine(lab, "image"), "*.sh"))
            .Concat(Directory.GetFiles(Path.Combine(lab, "xcpng"), "*.sh"))
            .Concat(Directory.GetFiles(Path.Combine(lab, "bench"), "*.sh"))
            .Concat(Directory.GetFiles(Path.Combine(root, "src", "XsRaid", "Samples"), "*.sh"));
        var data = new TheoryData<string>();
        foreach (var s in scripts.Select(s => Path.GetRelativePath(root, s)).Order(StringComparer.Ordinal))
        {
            data.Add(s);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void IsShellcheckCleanAndParses(string script)
    {
        var root = RepoRoot();
        var path = Path.Combine(root, script);
        var posix = File.ReadLines(path).First() is "#!/bin/sh";

        var lint = Tool.Run("shellcheck", ["-x", "--source-path=SCRIPTDIR", "--shell=" + (posix ? "sh" : "bash"), path], check: false);
        var parse = Tool.Run(posix ? "sh" : "bash", ["-n", path], check: false);

        lint.ExitCode.ShouldBe(0, lint.Stdout + lint.Stderr);
        parse.ExitCode.ShouldBe(0, parse.Stderr);
    }

    /// <summary>
    /// `run` sources every scenarios/*.sh under `set -u`, with or without arguments: they may only define functions
    /// and variables (a guest-side script once sat there and ran on the build host, failing on an unset $1).
    /// </summary>
    [Fact]
    public void SourcingTheScenarioFilesAsRunDoesOnlyDefinesFunctions()
    {
        var lab = Path.Combine(RepoRoot(), "tests", "lab");

        var sourced = Tool.Run("bash", ["-c", "set -uo pipefail; source \"$1/lib.sh\"; for f in \"$1\"/scenarios/*.sh; do source \"$f\" || exit 1; done; "
            + "declare -F scenario_convert scenario_lose_a scenario_lose_b scenario_refusals scenario_rollback scenario_interrupted scenario_script scenario_xcpng_bios scenario_xcpng_convert scenario_xcpng_lose_a scenario_xcpng_lose_b breaking >/dev/null && echo sourced", "bash", lab], check: false);

        sourced.ExitCode.ShouldBe(0, sourced.Stderr);
        sourced.Stdout.ShouldBe("sourced\n", "nothing runs while the files are sourced");
        sourced.Stderr.ShouldBeEmpty();
    }

    /// <summary>Every scenario `run` accepts (its ALL list) is a function the scenario files define.</summary>
    [Fact]
    public void EveryScenarioRunAcceptsIsDefined()
    {
        var lab = Path.Combine(RepoRoot(), "tests", "lab");
        var all = File.ReadLines(Path.Combine(lab, "run")).Single(l => l.StartsWith("ALL=(", StringComparison.Ordinal));
        var names = all["ALL=(".Length..all.IndexOf(')', StringComparison.Ordinal)].Split(' ', StringSplitOptions.RemoveEmptyEntries);

        var sourced = Tool.Run("bash", ["-c", "set -uo pipefail; source \"$1/lib.sh\"; for f in \"$1\"/scenarios/*.sh; do source \"$f\" || exit 1; done; shift; "
            + "for s in \"$@\"; do declare -F \"scenario_${s//-/_}\" >/dev/null || echo \"no function for scenario $s\"; done", "bash", lab, .. names], check: false);

        names.Length.ShouldBeGreaterThanOrEqualTo(12);
        sourced.ExitCode.ShouldBe(0, sourced.Stderr);
        sourced.Stdout.ShouldBeEmpty();
    }

    /// <summary>
    /// The lab's SR checks (scenarios/sr.sh) read the guest's answers right: which array is over partition 3 (a
    /// failed first member included), how many of the records the writer acknowledged on the console are missing (a
    /// lost record is counted), the highest acknowledged record over all serial logs, and the acks since the last boot.
    /// </summary>
    [Fact]
    public void TheLabsSrChecksCountALostRecordAndFindTheStorageArray()
    {
        var lab = Path.Combine(RepoRoot(), "tests", "lab");
        var vms = Directory.CreateTempSubdirectory("xsraid-sr-");
        try
        {
            var vm = Directory.CreateDirectory(Path.Combine(vms.FullName, "vm")).FullName;
            File.WriteAllText(Path.Combine(vm, "serial-1.log"), "[ 1.0] labw synced 3\n[ 2.0] labw synced 12\n[ 0.0] Linux version 6.1\nlabw synced 13\n");
            File.WriteAllText(Path.Combine(vm, "serial-2.log"), "labw synced 7\n");
            File.CreateSymbolicLink(Path.Combine(vm, "serial.log"), "serial-1.log");
            var clone = Directory.CreateDirectory(Path.Combine(vms.FullName, "clone")).FullName;
            File.WriteAllText(Path.Combine(clone, "serial-1.log"), "a clone whose writer has not written yet\n");

            var run = Tool.Run("bash", ["-c", "set -uo pipefail; source \"$1/lib.sh\"; for f in \"$1\"/scenarios/*.sh; do source \"$f\" || exit 1; done; LAB_VMS=$2; "
                + "FACTS=$(printf 'md=md1 raid1 sda2 [2/1] [U_]\\nmd=md0 raid1 sdb1,sda1 [2/2] [UU]\\nmd=md2 raid1 sda3(F),sdb3 [2/1] [_U]\\n'); "
                + "echo \"p3=$(md_of_partition 3) p1=$(md_of_partition 1) p4=$(md_of_partition 4)\"; "
                + "echo \"lost=$(printf 'rec=1\\nrec=2\\nrec=4\\nknown_sha=x\\n' | sr_missing 4) whole=$(printf 'rec=2\\nrec=1\\n' | sr_missing 2)\"; "
                + "echo \"acked=$(sr_acked vm) since-boot=$(sr_after_last_boot vm) clone=$(sr_acked clone) clone-and-source=$(sr_acked clone \"$2\"/clone/serial-*.log \"$2\"/vm/serial-*.log)\"", "bash", lab, vms.FullName], check: false);

            run.ExitCode.ShouldBe(0, run.Stderr);
            run.Stdout.ShouldBe("p3=md2 p1=md0 p4=\nlost=1 whole=0\nacked=13 since-boot=1 clone=0 clone-and-source=13\n");
        }
        finally
        {
            vms.Delete(recursive: true);
        }
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "XsRaid.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no XsRaid.slnx above {AppContext.BaseDirectory}");
    }
}
