using XsRaid.Tests.Support;

namespace XsRaid.Tests.Packaging;

/// <summary>
/// `dotnet publish -r linux-x64 -p:PublishSingleFile=true` of src/XsRaid.Cli into a temporary directory (its bin/obj
/// too: --artifacts-path): the self-contained, trimmed file `xsraid`. Built once for the tests of a class.
/// </summary>
public sealed class SingleFile : IDisposable
{
    private readonly TempDir _dir = new();

    public SingleFile()
    {
        PublishDirectory = _dir.File("publish");
        Publish = ChildProcess.Dotnet("publish", Repository.CliProject, "-c", "Release", "-r", "linux-x64",
            "-p:PublishSingleFile=true", "--disable-build-servers",
            "--artifacts-path", _dir.File("artifacts"), "-o", PublishDirectory).ShouldSucceed("dotnet publish");
        EmptyDirectory = Directory.CreateDirectory(_dir.File("empty")).FullName;
    }

    public ChildProcess.Result Publish { get; }

    public string PublishDirectory { get; }

    public string Executable => Path.Combine(PublishDirectory, "xsraid");

    /// <summary>Mounted over the .NET installation for <see cref="RunWithoutDotnet"/>.</summary>
    public string EmptyDirectory { get; }

    /// <summary>Where this machine's .NET lives (the directory of the `dotnet` on PATH, links followed).</summary>
    public static string DotnetRoot()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = new FileInfo(Path.Combine(dir, "dotnet"));
            if (candidate.Exists)
            {
                var target = candidate.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? candidate.FullName;
                return Path.GetDirectoryName(target)!;
            }
        }

        throw new InvalidOperationException("no dotnet on PATH");
    }

    /// <summary>
    /// Runs PROGRAM ARGS as on a machine without .NET: `env -i PATH=/usr/bin:/bin` (no DOTNET_ROOT, nothing else),
    /// in a private mount namespace (`unshare --mount`) where an empty directory is mounted over the .NET
    /// installation, so not even /usr/bin/dotnet leads to a runtime.
    /// </summary>
    public ChildProcess.Result RunWithoutDotnet(string program, params string[] args) =>
        ChildProcess.Run(Tool.Require("unshare"),
            ["--mount", "sh", "-c", "mount --bind \"$1\" \"$2\" && shift 2 && exec env -i PATH=/usr/bin:/bin \"$@\"",
             "sh", EmptyDirectory, DotnetRoot(), program, .. args]);

    public void Dispose() => _dir.Dispose();
}
