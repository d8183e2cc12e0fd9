using System.Globalization;

namespace XsRaid.Hosts.Parsers;

/// <summary>Culture-free number parsing for tool output: plain digits only, no signs, no group separators.</summary>
internal static class TextNumbers
{
    public static long? Long(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static int? Int(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A signed integer ("-1" priorities, "-1" VLANs).</summary>
    public static int? SignedInt(string? text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static decimal? Decimal(string? text) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
