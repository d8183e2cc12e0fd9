using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Packaging;

/// <summary>
/// The .NET tool package: packed from this clone, installed with `dotnet tool install --tool-path` from the local
/// package alone, and run as `xsraid` from the tool path.
/// </summary>
[Collection(BuildsTheCli.Name)]
public sealed class ToolPackageTests(ToolPackage tool) : IClassFixture<ToolPackage>
{
    [Fact]
    public void InstallsTheCommandXsraid()
    {
        tool.Install.Stdout.ShouldContain("xsraid");
        File.Exists(tool.Command).ShouldBeTrue($"{tool.Command} after: {tool.Install.Stdout}");
    }

    [Fact]
    public void VersionNamesTheVersionAndTheCommit()
    {
        var run = ChildProcess.Run(tool.Command, ["--version"]).ShouldSucceed("xsraid --version");
        run.Stdout.ShouldBe($"xsraid {Repository.Version} (commit {Repository.Commit})\n");
    }

    [Fact]
    public void PlanJsonIsWhatTheCodePrints()
    {
        var run = ChildProcess.Run(tool.Command, ["plan", "--sample", "xenserver-6.5", "--target", "/dev/sdb", "--json"]).ShouldSucceed("xsraid plan --json");
        run.Stdout.ShouldBe(CliRun.Of("plan", "--sample", "xenserver-6.5", "--target", "/dev/sdb", "--json").Out);
        using var doc = JsonDocument.Parse(run.Stdout);
        var plan = doc.RootElement.GetProperty("plan");
        plan.GetProperty("hostName").GetString().ShouldBe("xenserver-65");
        plan.GetProperty("target").GetProperty("device").GetString().ShouldBe("/dev/sdb");
        plan.GetProperty("steps").GetArrayLength().ShouldBeGreaterThan(10);
    }

    [Fact]
    public void NoArgumentsPrintsTheShortUsageAndExits2()
    {
        var run = ChildProcess.Run(tool.Command, []);
        run.ExitCode.ShouldBe(2);
        run.Stdout.ShouldBeEmpty();
        run.Stderr.ShouldStartWith("usage: xsraid COMMAND");
    }

    [Fact]
    public void PackageCarriesTheReadmeAndNamesTheCommand()
    {
        tool.Entries().ShouldContain("README.md");
        using var zip = ZipFile.OpenRead(tool.PackagePath);
        using (var reader = new StreamReader(zip.GetEntry("README.md")!.Open()))
        {
            reader.ReadToEnd().ShouldBe(File.ReadAllText(Path.Combine(Repository.Root, "README.md")));
        }

        var settings = zip.Entries.Single(e => e.Name == "DotnetToolSettings.xml");
        using (var stream = settings.Open())
        {
            XDocument.Load(stream).Descendants("Command").Single().Attribute("Name")!.Value.ShouldBe("xsraid");
        }

        using var nuspec = zip.Entries.Single(e => e.Name == "xsraid.nuspec").Open();
        var metadata = XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string Field(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;
        Field("id").ShouldBe("xsraid");
        Field("version").ShouldBe(Repository.Version);
        Field("readme").ShouldBe("README.md");
    }
}
