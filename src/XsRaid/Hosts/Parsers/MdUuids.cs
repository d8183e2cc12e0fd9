namespace XsRaid.Hosts.Parsers;

/// <summary>md array UUIDs as mdadm prints them ("1b9e...:...:...:...") and as blkid does (8-4-4-4-12): compared as 32 lower-case hex digits.</summary>
public static class MdUuids
{
    /// <summary>The 32 hex digits, lower-cased, without ':' or '-'; null when the text is not a UUID.</summary>
    public static string? Normalize(string text)
    {
        var hex = string.Concat(text.Where(c => c is not (':' or '-' or '.'))).ToLowerInvariant();
        return hex.Length == 32 && hex.All(Uri.IsHexDigit) ? hex : null;
    }
}
