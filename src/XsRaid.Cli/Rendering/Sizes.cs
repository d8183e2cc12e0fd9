using System.Globalization;

namespace XsRaid.Cli.Rendering;

/// <summary>Human sizes in binary units (KiB, MiB, GiB, TiB), one decimal.</summary>
public static class Sizes
{
    private static readonly string[] Units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];

    /// <summary>"1.5 GiB"; a negative number (a size out of range) is never shown as a size.</summary>
    public static string Human(long bytes)
    {
        if (bytes < 0)
        {
            return "? (out of range)";
        }

        double value = bytes;
        var unit = 0;
        while (Math.Abs(value) >= 1024 && unit < Units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0
            ? $"{bytes} B"
            : value.ToString("0.0", CultureInfo.InvariantCulture) + " " + Units[unit];
    }
}
