using XsRaid.Devices;
using XsRaid.Formats.Md;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Formats.Md;

/// <summary>A decompressed fixture image, in memory and as a file for the live tools.</summary>
public sealed class MdFixtureImage : IDisposable
{
    private readonly TempDir _dir = new();

    public MdFixtureImage(string relativeGz)
    {
        Bytes = Fixtures.Gunzip(relativeGz);
        Path = _dir.File(System.IO.Path.GetFileNameWithoutExtension(relativeGz));
        File.WriteAllBytes(Path, Bytes);
    }

    public byte[] Bytes { get; }

    public string Path { get; }

    public IBlockSource Source => new MemoryBlockSource(Bytes, Path);

    public MdSuperblock Find() => MdSuperblockReader.Find(Source).GetValueOrThrow();

    public void Dispose() => _dir.Dispose();
}
