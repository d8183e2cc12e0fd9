using System.Reflection;

namespace XsRaid.Cli;

/// <summary>
/// What `xsraid --version` prints: the version (Directory.Build.props) and the git commit the SDK appended to the
/// informational version ("0.1.0+&lt;sha&gt;") when it built from a clone.
/// </summary>
public static class ToolVersion
{
    private static readonly string Informational =
        typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public static string Version => Informational.Split('+', 2)[0];

    /// <summary>The full commit hash, or null when the build had no git repository to ask.</summary>
    public static string? Commit => Informational.Split('+', 2) is [_, var commit] && commit.Length > 0 ? commit : null;

    public static string Text => $"xsraid {Version} (commit {Commit ?? "unknown: built outside a git clone"})";
}

/// <summary>The action of `--version`: <see cref="ToolVersion.Text"/> on stdout.</summary>
public sealed class PrintVersionAction : System.CommandLine.Invocation.SynchronousCommandLineAction
{
    public override int Invoke(System.CommandLine.ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        parseResult.InvocationConfiguration.Output.WriteLine(ToolVersion.Text);
        return ExitCodes.Ok;
    }
}
