using XsRaid.Devices;
using XsRaid.Formats;
using XsRaid.Formats.Ext;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Formats.Ext;

/// <summary>Makes ext images with the real mke2fs on sparse files, and reads them back.</summary>
public static class ExtImage
{
    public const long DefaultBytes = 64L * 1024 * 1024;

    public static string Make(TempDir dir, string name, long bytes, params string[] mke2fsOptions)
    {
        var path = dir.SparseFile(name, bytes);
        Tool.Run("mke2fs", ["-q", "-F", .. mke2fsOptions, path]);
        return path;
    }

    public static ReadResult<ExtSuperblock> Read(string path)
    {
        using var source = FileBlockSource.Open(path).GetValueOrThrow();
        return ExtSuperblockReader.Read(source);
    }

    /// <summary>The first 4 KiB of an image (the superblock is bytes 1024..2047), for in-memory corruption.</summary>
    public static byte[] Head(string path, int bytes = 4096)
    {
        using var source = FileBlockSource.Open(path).GetValueOrThrow();
        return source.Read(0, bytes).GetValueOrThrow();
    }
}
