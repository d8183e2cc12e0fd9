namespace XsRaid.Tests.Support;

/// <summary>A scratch directory removed when the test ends.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = Directory.CreateTempSubdirectory("xsraid-test-").FullName;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>A sparse file of <paramref name="bytes"/> bytes (like `truncate -s`).</summary>
    public string SparseFile(string name, long bytes)
    {
        var path = File(name);
        using var fs = new FileStream(path, FileMode.Create, FileAccess.Write);
        fs.SetLength(bytes);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
