namespace XsRaid.Planning;

/// <summary>
/// One command as an argv list. It is never a shell string: quoting for a shell happens in exactly one place
/// (<c>ShellQuote</c>), when it is sent over SSH or written into a script.
/// </summary>
public sealed record HostCommand(IReadOnlyList<string> Argv)
{
    /// <summary>Text fed to the command's standard input (a file's new content), or null.</summary>
    public string? Stdin { get; init; }

    public static HostCommand Of(params string[] argv) => new(argv);

    /// <summary>
    /// A fixed POSIX sh snippet run with positional arguments ($1, $2, ...): the snippet is a constant in xsraid's code,
    /// and everything that comes from the host (labels, paths, file contents) travels as an argument, never as text
    /// spliced into the snippet.
    /// </summary>
    public static HostCommand Sh(string snippet, params string[] args) => new(["sh", "-c", snippet, "sh", .. args]);

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> on the host (via a temporary file and a rename).</summary>
    public static HostCommand WriteFile(string path, string content) => Sh(Snippets.WriteFile, path) with { Stdin = content };

    public override string ToString() => string.Join(' ', Argv);
}
