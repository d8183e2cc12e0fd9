namespace XsRaid.Hosts.Parsers;

/// <summary>
/// Reads a listing of a /dev/disk/by-* directory in either of two forms:
/// "ls -l" lines ("lrwxrwxrwx 1 root root 10 Nov 23 23:31 NAME -> ../../sda3", after a "total 0" line), or
/// the plainer form this project asks hosts for, one "NAME -> TARGET" per link:
/// <c>find /dev/disk/by-id/ -mindepth 1 -maxdepth 1 -type l -printf '%f -> %l\n'</c>
/// (GNU find, CentOS 5 included; it does not depend on ls's date format or locale).
/// Link names never contain blanks (udev escapes them as \x20), so " -> " splits each line unambiguously.
/// </summary>
public static class DiskLinkListingParser
{
    /// <summary>The shell command that lists <paramref name="directory"/> (already quoted for the shell) in the plain form.</summary>
    public static string FindCommand(string directory) =>
        $"find {directory}/ -mindepth 1 -maxdepth 1 -type l -printf '%f -> %l\\n'";

    public static Parsed<IReadOnlyList<DiskLink>> Parse(string text)
    {
        var issues = new List<ParseIssue>();
        var links = new List<DiskLink>();
        foreach (var line in TextLines.Usable(text, issues))
        {
            var fields = TextLines.Fields(line.Text);
            if (fields.Length == 0 || (fields.Length == 2 && fields[0] == "total"))
            {
                continue;
            }

            var arrow = line.Text.IndexOf(" -> ", StringComparison.Ordinal);
            if (arrow < 0)
            {
                issues.Add(ParseIssue.At(line.Number, line.Text, "not 'NAME -> TARGET'"));
                continue;
            }

            var left = TextLines.Fields(line.Text[..arrow]);
            var target = line.Text[(arrow + 4)..].Trim();
            var isLongListing = left.Length > 1 && left[0].Length == 10 && left[0][0] == 'l';
            if (left.Length == 0 || target.Length == 0 || (left.Length > 1 && !isLongListing) || target.Contains(' ', StringComparison.Ordinal))
            {
                issues.Add(ParseIssue.At(line.Number, line.Text, "not 'NAME -> TARGET' or an 'ls -l' symlink line"));
                continue;
            }

            var name = left[^1];
            name = name[(name.LastIndexOf('/') + 1)..];
            var device = target.TrimEnd('/');
            device = device[(device.LastIndexOf('/') + 1)..];
            if (name.Length == 0 || device.Length == 0)
            {
                issues.Add(ParseIssue.At(line.Number, line.Text, "empty link name or target"));
                continue;
            }

            links.Add(new DiskLink(name, target, device));
        }

        return new Parsed<IReadOnlyList<DiskLink>>(links, issues);
    }
}
