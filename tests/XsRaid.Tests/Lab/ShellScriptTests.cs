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
