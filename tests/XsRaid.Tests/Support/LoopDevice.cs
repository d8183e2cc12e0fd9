using System.Globalization;

namespace XsRaid.Tests.Support;

/// <summary>
/// A loop device over an image file (`losetup -f --show`), optionally a window of it (a partition: this machine's
/// kernel has no partition parser) or with another logical sector size; detached on dispose.
/// </summary>
public sealed class LoopDevice : IDisposable
{
    private LoopDevice(string path) => Path = path;

    /// <summary>/dev/loopN.</summary>
    public string Path { get; }

    public static LoopDevice Attach(string image, int? sectorSize = null, long? offset = null, long? sizeLimit = null, bool readOnly = false)
    {
        List<string> args = ["-f", "--show"];
        if (sectorSize is { } size)
        {
            args.AddRange(["--sector-size", size.ToString(CultureInfo.InvariantCulture)]);
        }

        if (offset is { } o)
        {
            args.AddRange(["-o", o.ToString(CultureInfo.InvariantCulture)]);
        }

        if (sizeLimit is { } l)
        {
            args.AddRange(["--sizelimit", l.ToString(CultureInfo.InvariantCulture)]);
        }

        if (readOnly)
        {
            args.Add("-r");
        }

        args.Add(image);
        var path = Tool.Run("losetup", args).Stdout.Trim();
        if (!path.StartsWith("/dev/loop", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"losetup {string.Join(' ', args)} printed '{path}'");
        }

        return new LoopDevice(path);
    }

    public void Dispose() => Tool.Run("losetup", ["-d", Path], check: false);
}
