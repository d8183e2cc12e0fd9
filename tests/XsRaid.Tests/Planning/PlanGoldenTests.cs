using XsRaid.Tests.Support;

namespace XsRaid.Tests.Planning;

/// <summary>
/// The rendered plan of each built-in sample (table, JSON, script) against golden files; the script must pass
/// `bash -n` and shellcheck, and be pure ASCII.
/// </summary>
public sealed class PlanGoldenTests
{
    /// <summary>Each sample with its options: the SR samples keep their SR, so they are planned without --create-sr.</summary>
    public static TheoryData<string> Samples() => new("xenserver-6.5", "lab-debian", "xenserver-6.5-sr", "xcp-ng-8.2-bios-nosr", "xcp-ng-8.2-bios");

    private static string[] Options(string sample) => sample is "xenserver-6.5-sr" or "xcp-ng-8.2-bios" ? [] : ["--create-sr"];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Table(string sample)
    {
        var run = CliRun.Of(["plan", "--sample", sample, "--target", "/dev/sdb", .. Options(sample)]);
        run.ExitCode.ShouldBe(0, run.Console + run.Error);
        Golden.Verify($"plan-{sample}.txt", run.Console);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Json(string sample)
    {
        var run = CliRun.Of(["plan", "--sample", sample, "--target", "/dev/sdb", .. Options(sample), "--json"]);
        run.ExitCode.ShouldBe(0, run.Error);
        Golden.Verify($"plan-{sample}.json", run.Out);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Script(string sample)
    {
        var run = CliRun.Of(["plan", "--sample", sample, "--target", "/dev/sdb", .. Options(sample), "--script"]);
        run.ExitCode.ShouldBe(0, run.Error);
        Golden.Verify($"plan-{sample}.sh", run.Out);
        run.Out.All(char.IsAscii).ShouldBeTrue("the script must be pure ASCII");
        run.Out.ShouldContain("set -euo pipefail");

        using var dir = new TempDir();
        var path = dir.File("plan.sh");
        File.WriteAllText(path, run.Out);
        var syntax = Tool.Run("bash", ["-n", path], check: false);
        syntax.ExitCode.ShouldBe(0, syntax.Stderr);
        var lint = Tool.Run("shellcheck", ["--shell=bash", path], check: false);
        lint.ExitCode.ShouldBe(0, lint.Stdout + lint.Stderr);
    }
}
