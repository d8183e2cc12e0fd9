using System.IO.Compression;

namespace XsRaid.Tests.Support;

/// <summary>
/// The fixtures copied from shared/fixtures (see Fixtures/README.md): md members made by the real md driver
/// and captured tool output. They live in the test project so a fresh clone runs every test.
/// </summary>
public static class Fixtures
{
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static string Text(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>Decompressed bytes of a .gz fixture (e.g. md/meta10-clean/member-0.img.gz).</summary>
    public static byte[] Gunzip(string relative)
    {
        using var input = File.OpenRead(PathOf(relative));
        using var gz = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        gz.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>Writes a decompressed .gz fixture to <paramref name="dir"/> and returns the file's path.</summary>
    public static string GunzipTo(string relative, TempDir dir)
    {
        var target = dir.File(Path.GetFileNameWithoutExtension(relative).Replace('/', '_'));
        File.WriteAllBytes(target, Gunzip(relative));
        return target;
    }
}
