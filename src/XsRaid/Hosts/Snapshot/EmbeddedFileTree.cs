using System.Reflection;
using XsRaid.Formats;

namespace XsRaid.Hosts.Snapshot;

/// <summary>Files embedded in an assembly with logical names "PREFIX/relative/path" (the built-in samples).</summary>
public sealed class EmbeddedFileTree : IFileTree
{
    private readonly Assembly _assembly;
    private readonly string _prefix;

    public EmbeddedFileTree(Assembly assembly, string prefix)
    {
        _assembly = assembly;
        _prefix = prefix.TrimEnd('/') + "/";
    }

    public string Name => "built-in " + _prefix.TrimEnd('/');

    public bool IsEmpty => !_assembly.GetManifestResourceNames().Any(n => n.StartsWith(_prefix, StringComparison.Ordinal));

    public IEnumerable<string> List(string prefix) =>
        _assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(_prefix + prefix, StringComparison.Ordinal))
            .Select(n => n[_prefix.Length..])
            .Order(StringComparer.Ordinal);

    public ReadResult<byte[]> ReadBytes(string relativePath)
    {
        using var stream = _assembly.GetManifestResourceStream(_prefix + relativePath);
        if (stream is null)
        {
            return FormatError.NotPresent(Name, $"has no {relativePath}");
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
