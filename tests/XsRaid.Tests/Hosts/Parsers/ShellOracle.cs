using XsRaid.Tests.Support;

namespace XsRaid.Tests.Hosts.Parsers;

/// <summary>
/// The reference for files of shell assignments: a real /bin/sh sources the file in an empty environment
/// and prints every variable it ends up with.
/// </summary>
internal static class ShellOracle
{
    public static Dictionary<string, string> Source(string text)
    {
        using var dir = new TempDir();
        var path = dir.File("vars");
        File.WriteAllText(path, text);
        var output = Tool.Run("env", "-i", "/bin/sh", "-c", "set -a; . \"$1\"; env -0", "sh", path).Stdout;
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = item.IndexOf('=', StringComparison.Ordinal);
            variables[item[..eq]] = item[(eq + 1)..];
        }

        variables.Remove("PWD"); // set by the shell itself
        return variables;
    }

    /// <summary>The parsed variables are exactly the ones the shell ends up with, with the same values.</summary>
    public static void ShouldAgree(IReadOnlyDictionary<string, string> parsed, string text)
    {
        var shell = Source(text);
        parsed.OrderBy(p => p.Key, StringComparer.Ordinal).ShouldBe(shell.OrderBy(p => p.Key, StringComparer.Ordinal));
    }
}
