namespace XsRaid.Hosts.Parsers;

/// <summary>Reads /proc/cmdline (one line of kernel arguments, optionally "-- init arguments").</summary>
public static class KernelCommandLineParser
{
    public static Parsed<KernelCommandLine> Parse(string text)
    {
        var issues = new List<ParseIssue>();
        var line = text.TrimEnd('\n', '\r');
        if (line.Contains('\n', StringComparison.Ordinal))
        {
            issues.Add(ParseIssue.At(0, line, "a command line is one line; only the first is read"));
            line = line[..line.IndexOf('\n', StringComparison.Ordinal)];
        }

        if (line.Length > TextLines.MaxLineLength)
        {
            issues.Add(ParseIssue.At(1, line, $"line longer than {TextLines.MaxLineLength} characters"));
            return new Parsed<KernelCommandLine>(new KernelCommandLine("", [], []), issues);
        }

        var args = KernelArguments.Split(line);
        if (args is null)
        {
            issues.Add(ParseIssue.At(1, line, "unterminated double quote"));
            return new Parsed<KernelCommandLine>(new KernelCommandLine(line, [], []), issues);
        }

        var separator = args.ToList().FindIndex(a => a.Name == "--" && a.Value is null);
        var kernel = separator < 0 ? args : args.Take(separator).ToList();
        var init = separator < 0 ? [] : args.Skip(separator + 1).Select(a => line.Substring(a.Start, a.Length)).ToList();
        return new Parsed<KernelCommandLine>(new KernelCommandLine(line, kernel, init), issues);
    }
}
