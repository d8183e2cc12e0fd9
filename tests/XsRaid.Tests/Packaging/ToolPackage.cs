using System.IO.Compression;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Packaging;

/// <summary>
/// `dotnet pack` of src/XsRaid.Cli into a temporary directory (its bin/obj too: --artifacts-path), then
/// `dotnet tool install xsraid --tool-path` from that directory alone (a nuget.config that clears every other
/// source: no network). Built once for the tests of a class.
/// </summary>
public sealed class ToolPackage : IDisposable
{
    private readonly TempDir _dir = new();

    public ToolPackage()
    {
        var feed = Directory.CreateDirectory(_dir.File("feed")).FullName;
        Pack = ChildProcess.Dotnet("pack", Repository.CliProject, "-c", "Release", "--disable-build-servers",
            "--artifacts-path", _dir.File("artifacts"), "-o", feed).ShouldSucceed("dotnet pack");
        PackagePath = Directory.GetFiles(feed, "*.nupkg").ShouldHaveSingleItem();

        var config = _dir.File("nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local-pack" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        ToolPath = _dir.File("tools");
        Install = ChildProcess.Dotnet("tool", "install", "xsraid", "--tool-path", ToolPath, "--configfile", config)
            .ShouldSucceed("dotnet tool install");
    }

    public ChildProcess.Result Pack { get; }

    public ChildProcess.Result Install { get; }

    public string PackagePath { get; }

    public string ToolPath { get; }

    /// <summary>The command the tool installed: TOOLPATH/xsraid.</summary>
    public string Command => Path.Combine(ToolPath, "xsraid");

    /// <summary>The names of the files in the package.</summary>
    public IReadOnlyList<string> Entries()
    {
        using var zip = ZipFile.OpenRead(PackagePath);
        return [.. zip.Entries.Select(e => e.FullName)];
    }

    public void Dispose() => _dir.Dispose();
}
