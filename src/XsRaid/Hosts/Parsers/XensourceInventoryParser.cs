namespace XsRaid.Hosts.Parsers;

/// <summary>
/// Reads /etc/xensource-inventory. The installer (host-installer backend.py writeInventory) writes one
/// KEY='%s' line per item; xapi and the shell both read it as shell assignments, and so does this parser.
/// A file without INSTALLATION_UUID is reported: nothing on a XenServer host works without it.
/// </summary>
public static class XensourceInventoryParser
{
    public static Parsed<XensourceInventory> Parse(string text)
    {
        var parsed = ShellAssignmentsParser.Parse(text);
        var issues = parsed.Issues.ToList();
        var inventory = new XensourceInventory(parsed.Value.ToDictionary());
        if (string.IsNullOrEmpty(inventory.InstallationUuid))
        {
            issues.Add(ParseIssue.At(0, "", "no INSTALLATION_UUID"));
        }

        return new Parsed<XensourceInventory>(inventory, issues);
    }
}
