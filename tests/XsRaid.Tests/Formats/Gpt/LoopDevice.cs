using XsRaid.Tests.Support;

namespace XsRaid.Tests.Formats.Gpt;

/// <summary>A loop device over an image file (optionally with another logical sector size), detached on dispose.</summary>
internal sealed class LoopDevice : IDisposable
{
    private LoopDevice(string path) => Path = path;

    public string Path { get; }

    public static LoopDevice Attach(string image, int? sectorSize = null)
    {
        List<string> args = ["-f", "--show"];
        if (sectorSize is { } size)
        {
            args.AddRange(["--sector-size", size.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        args.Add(image);
        return new LoopDevice(Tool.Run("losetup", args).Stdout.Trim());
    }

    public void Dispose() => Tool.Run("losetup", ["-d", Path], check: false);
}
