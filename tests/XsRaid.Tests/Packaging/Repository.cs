using System.Text.RegularExpressions;

namespace XsRaid.Tests.Packaging;

/// <summary>The repository the tests were built from: its root, the version set in Directory.Build.props, its commit.</summary>
public static partial class Repository
{
    public static string Root { get; } = FindRoot();

    public static string CliProject => Path.Combine(Root, "src", "XsRaid.Cli");

    /// <summary>The one place the version is set.</summary>
    public static string Version =>
        VersionPrefix().Match(File.ReadAllText(Path.Combine(Root, "Directory.Build.props"))) is { Success: true } m
            ? m.Groups[1].Value
            : throw new InvalidOperationException("Directory.Build.props sets no VersionPrefix");

    /// <summary>The commit checked out (`git rev-parse HEAD`), which a build from this clone records.</summary>
    public static string Commit => ChildProcess.Run("git", ["rev-parse", "HEAD"], Root).ShouldSucceed("git rev-parse HEAD").Stdout.Trim();

    private static string FindRoot()
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

    [GeneratedRegex("<VersionPrefix>([^<]+)</VersionPrefix>")]
    private static partial Regex VersionPrefix();
}
