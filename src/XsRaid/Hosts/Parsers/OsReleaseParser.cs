namespace XsRaid.Hosts.Parsers;

/// <summary>Reads /etc/os-release: shell-style NAME=value lines (see <see cref="ShellAssignmentsParser"/>).</summary>
public static class OsReleaseParser
{
    public static Parsed<OsRelease> Parse(string text)
    {
        var parsed = ShellAssignmentsParser.Parse(text);
        return new Parsed<OsRelease>(new OsRelease(parsed.Value.ToDictionary()), parsed.Issues);
    }
}
