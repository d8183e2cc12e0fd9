using XsRaid.Tests.Support;

namespace XsRaid.Tests.Formats.Gpt;

/// <summary>One XenServer-pattern sgdisk image per test class (sgdisk waits a second after each write).</summary>
public sealed class XenServerImageFixture : IDisposable
{
    private readonly TempDir _dir = new();

    public XenServerImageFixture()
    {
        Path = GptTestImages.XenServerPattern(_dir);
        Bytes = File.ReadAllBytes(Path);
    }

    public string Path { get; }

    /// <summary>The image's bytes; tests copy before they change anything.</summary>
    public byte[] Bytes { get; }

    public byte[] Copy() => (byte[])Bytes.Clone();

    public void Dispose() => _dir.Dispose();
}
