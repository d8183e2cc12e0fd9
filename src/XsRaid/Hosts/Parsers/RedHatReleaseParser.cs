using System.Text.RegularExpressions;

namespace XsRaid.Hosts.Parsers;

/// <summary>Reads the one line of /etc/redhat-release: "PRODUCT release VERSION[-BUILD] [(CODENAME)]".</summary>
public static partial class RedHatReleaseParser
{
    public static Parsed<RedHatRelease?> Parse(string text)
    {
        var lines = TextLines.Split(text).Where(l => l.Text.Trim().Length > 0).ToList();
        if (lines.Count == 0)
        {
            return new Parsed<RedHatRelease?>(null, [ParseIssue.At(0, "", "empty release file")]);
        }

        var line = lines[0];
        var issues = lines.Skip(1).Select(l => ParseIssue.At(l.Number, l.Text, "release file has more than one line")).ToList();
        var m = line.Text.Length <= TextLines.MaxLineLength ? ReleaseLine().Match(line.Text.Trim()) : Match.Empty;
        if (!m.Success)
        {
            issues.Add(ParseIssue.At(line.Number, line.Text, "not 'PRODUCT release VERSION (CODENAME)'"));
            return new Parsed<RedHatRelease?>(null, issues);
        }

        var version = m.Groups["version"].Value;
        var dash = version.IndexOf('-', StringComparison.Ordinal);
        var release = new RedHatRelease(
            m.Groups["product"].Value,
            dash < 0 ? version : version[..dash],
            dash < 0 ? null : version[(dash + 1)..],
            m.Groups["codename"].Success ? m.Groups["codename"].Value : null);
        return new Parsed<RedHatRelease?>(release, issues);
    }

    [GeneratedRegex(@"^(?<product>\S.*?) release (?<version>\d[^\s()]*)(?: \((?<codename>[^()]*)\))?$", RegexOptions.CultureInvariant)]
    private static partial Regex ReleaseLine();
}
