using System.Globalization;

namespace XsRaid.Cli.Rendering;

/// <summary>Durations and rates as people read them: "0.4 s", "12 s", "3 min 05 s", "1 h 02 min"; "85.0 MiB/s".</summary>
public static class Durations
{
    public static string Human(TimeSpan t) => t.TotalSeconds switch
    {
        < 10 => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s",
        < 60 => ((int)t.TotalSeconds).ToString(CultureInfo.InvariantCulture) + " s",
        < 3600 => $"{(int)t.TotalMinutes} min {t.Seconds:00} s",
        _ => $"{(int)t.TotalHours} h {t.Minutes:00} min",
    };

    public static string Rate(double bytesPerSecond) => Sizes.Human((long)bytesPerSecond) + "/s";
}
