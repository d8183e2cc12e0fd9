using System.Text.RegularExpressions;
using XsRaid.Cli;
using XsRaid.Cli.Rendering;
using XsRaid.Hosts.Snapshot;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Packaging;

/// <summary>What an admin meets first: `xsraid` alone, `--version`, `--help`, and `--json` on every result.</summary>
public sealed partial class CliEntryTests
{
    [Fact]
    public void NoArgumentsPrintsTheMostUsedCommandsOnStderrAndExits2()
    {
        var run = CliRun.Of();
        run.ExitCode.ShouldBe(ExitCodes.Usage);
        run.Out.ShouldBeEmpty();
        run.Console.ShouldBeEmpty();
        var lines = run.Error.Split('\n');
        lines[0].ShouldStartWith("usage: xsraid COMMAND");
        var help = CliRun.Of("--help").Out;
        foreach (var name in ShortUsage.Commands)
        {
            var line = lines.SingleOrDefault(l => l.TrimStart().StartsWith(name + " ", StringComparison.Ordinal));
            line.ShouldNotBeNull($"{name} is not named in:\n{run.Error}");
            var description = line.Trim()[name.Length..].Trim();
            help.ShouldContain(description, customMessage: $"{name}'s line must carry its help description");
        }

        ShortUsage.Commands.ShouldBe(["inspect", "plan", "convert", "status", "snapshot"], ignoreOrder: true);
    }

    [Fact]
    public void VersionPrintsTheVersionAndTheCommitOfThisBuild()
    {
        var run = CliRun.Of("--version");
        run.ExitCode.ShouldBe(0);
        run.Out.ShouldBe($"xsraid {Repository.Version} (commit {Repository.Commit})\n");
        ToolVersion.Commit.ShouldNotBeNull();
        CommitHash().IsMatch(ToolVersion.Commit).ShouldBeTrue(ToolVersion.Commit);
    }

    [Fact]
    public void HelpNamesTheProgramXsraid()
    {
        CliRun.Of("--help").Out.ShouldContain("Usage:\n  xsraid [command] [options]");
    }

    /// <summary>Every command that prints a result has --json; status has its own work under way elsewhere.</summary>
    [Theory]
    [InlineData("inspect")]
    [InlineData("plan")]
    [InlineData("convert")]
    [InlineData("snapshot")]
    public void CommandHasJson(string command)
    {
        var help = CliRun.Of(command, "--help");
        help.ExitCode.ShouldBe(0);
        help.Out.ShouldContain("  --json ");
    }

    [Fact]
    public void SnapshotJsonSaysWhatWasSaved()
    {
        using var dir = new TempDir();
        var save = dir.File("snap");
        var run = CliRun.Of("snapshot", "--sample", "xenserver-6.5", "--save", save, "--json");
        run.ExitCode.ShouldBe(0, run.Error);
        run.Console.ShouldBeEmpty();
        var saved = CliJson.DeserializeSnapshotSaved(run.Out).ShouldNotBeNull();
        var loaded = SnapshotSources.FromDirectory(save).GetValueOrThrow();
        saved.HostName.ShouldBe("xenserver-65");
        saved.HostName.ShouldBe(loaded.HostName);
        saved.Directory.ShouldBe(save);
        saved.Compressed.ShouldBeFalse();
        saved.DiskCount.ShouldBe(loaded.Disks.Count);
        saved.FileCount.ShouldBe(loaded.Files.Count);
        saved.Disks.ShouldBe(loaded.Disks.Select(d => d.DevicePath).ToList());
        saved.UnreadableDisks.ShouldBeEmpty();
        run.Out.ShouldContain("\"hostName\": \"xenserver-65\"");
        run.Out.ShouldContain("\"unreadableDisks\": []");
    }

    [GeneratedRegex("^[0-9a-f]{40}$")]
    private static partial Regex CommitHash();
}
