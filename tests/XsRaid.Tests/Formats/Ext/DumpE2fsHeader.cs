using XsRaid.Tests.Support;

namespace XsRaid.Tests.Formats.Ext;

/// <summary>The "Name:   value" lines of <c>dumpe2fs -h</c>, and a runner for it.</summary>
public sealed class DumpE2fsHeader
{
    private readonly Dictionary<string, string> _fields;

    private DumpE2fsHeader(Dictionary<string, string> fields, string stderr)
    {
        _fields = fields;
        Stderr = stderr;
    }

    public string Stderr { get; }

    public string this[string name] =>
        _fields.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"dumpe2fs printed no '{name}:' line");

    public bool Has(string name) => _fields.ContainsKey(name);

    public ulong Number(string name) => ulong.Parse(this[name], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"Filesystem features" split into names ("(none)" is no feature).</summary>
    public IReadOnlyList<string> Features =>
        this["Filesystem features"] == "(none)" ? [] : this["Filesystem features"].Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Runs <c>dumpe2fs -h</c> (with -f, so that unknown features do not stop it); fails if it prints no header.</summary>
    public static DumpE2fsHeader Of(string image)
    {
        var result = Tool.Run("dumpe2fs", ["-f", "-h", image], check: false);
        var parsed = Parse(result.Stdout, result.Stderr);
        if (!parsed.Has("Filesystem magic number"))
        {
            throw new InvalidOperationException($"dumpe2fs -h {image} exited {result.ExitCode} without a header: {result.Stderr}");
        }

        return parsed;
    }

    public static DumpE2fsHeader Parse(string stdout, string stderr = "")
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in stdout.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && !fields.ContainsKey(line[..colon]))
            {
                fields[line[..colon]] = line[(colon + 1)..].Trim();
            }
        }

        return new DumpE2fsHeader(fields, stderr);
    }
}
