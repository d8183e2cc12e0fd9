using System.Text;

namespace XsRaid.Hosts;

/// <summary>
/// What one command did on a host. A non-zero exit is data, not an error: the caller decides what it means.
/// A command killed by a signal reports 128 + the signal number, as a POSIX shell does.
/// </summary>
public sealed record CommandResult(int ExitCode, byte[] Stdout, string Stderr, TimeSpan Elapsed)
{
    /// <summary>Stdout decoded as UTF-8 (invalid sequences become U+FFFD).</summary>
    public string StdoutText => Encoding.UTF8.GetString(Stdout);

    public bool Succeeded => ExitCode == 0;
}
