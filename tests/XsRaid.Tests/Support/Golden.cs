using System.Runtime.CompilerServices;

namespace XsRaid.Tests.Support;

/// <summary>
/// Golden files under tests/XsRaid.Tests/Golden: the rendered output must equal the file. Run the tests with
/// XSRAID_UPDATE_GOLDEN=1 to rewrite them after an intended change (and review the diff).
/// </summary>
public static class Golden
{
    public static void Verify(string name, string actual, [CallerFilePath] string caller = "")
    {
        var dir = Path.Combine(FindProjectDirectory(caller), "Golden");
        var path = Path.Combine(dir, name);
        if (Environment.GetEnvironmentVariable("XSRAID_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(dir);
            File.WriteAllText(path, actual);
            return;
        }

        File.Exists(path).ShouldBeTrue($"golden file {path} is missing: run the tests once with XSRAID_UPDATE_GOLDEN=1 and review it");
        var expected = File.ReadAllText(path);
        if (expected != actual)
        {
            var received = path + ".received";
            File.WriteAllText(received, actual);
            actual.ShouldBe(expected, $"differs from {path}; the new output is in {received}");
        }
    }

    private static string FindProjectDirectory(string caller)
    {
        var dir = Path.GetDirectoryName(caller);
        while (dir is not null && !File.Exists(Path.Combine(dir, "XsRaid.Tests.csproj")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? throw new InvalidOperationException($"no XsRaid.Tests.csproj above {caller}");
    }
}
