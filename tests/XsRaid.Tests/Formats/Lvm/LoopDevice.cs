using XsRaid.Tests.Support;

namespace XsRaid.Tests.Formats.Lvm;

/// <summary>A loop device over an image file (<c>losetup -f --show</c>), detached on dispose.</summary>
public sealed class LoopDevice : IDisposable
{
    private LoopDevice(string path) => Path = path;

    /// <summary>/dev/loopN.</summary>
    public string Path { get; }

    public static LoopDevice Attach(string image)
    {
        var path = Tool.Run("losetup", "-f", "--show", image).Stdout.Trim();
        if (!path.StartsWith("/dev/loop", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"losetup -f --show {image} printed '{path}'");
        }

        return new LoopDevice(path);
    }

    public void Dispose() => Tool.Run("losetup", ["-d", Path], check: false);
}
