namespace XsRaid.Hosts.Snapshot;

/// <summary>A snapshot directory written by `xsraid snapshot --save`.</summary>
public sealed class DirectoryFileTree : IFileTree
{
    private readonly string _root;

    public DirectoryFileTree(string root)
    {
        _root = Path.GetFullPath(root);
    }

    public string Name => _root;

    public IEnumerable<string> List(string prefix)
    {
        var dir = Path.Combine(_root, prefix);
        if (!Directory.Exists(dir))
        {
            return [];
        }

        return Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal);
    }

    public byte[]? ReadBytes(string relativePath)
    {
        var path = Path.Combine(_root, relativePath);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }
}
