using System.Text.RegularExpressions;

namespace XsRaid.Formats.Lvm;

/// <summary>The two facts taken from LVM's metadata text: the VG name (first identifier before " {") and seqno.</summary>
public static partial class LvmMetadataText
{
    /// <summary>LVM's longest name (NAME_LEN 128, with the terminating NUL).</summary>
    public const int MaxNameLength = 127;

    /// <summary>The VG name, or null when the text does not start with "NAME {" (a valid LVM name).</summary>
    public static string? VgName(string text)
    {
        var brace = text.IndexOf(" {", StringComparison.Ordinal);
        if (brace <= 0)
        {
            return null;
        }

        var name = text[..brace].Trim();
        return name.Length is > 0 and <= MaxNameLength && NameRegex().IsMatch(name) && name[0] != '-' ? name : null;
    }

    public static ulong? Seqno(string text)
    {
        var match = SeqnoRegex().Match(text);
        return match.Success && ulong.TryParse(match.Groups[1].ValueSpan, out var seqno) ? seqno : null;
    }

    [GeneratedRegex("^[A-Za-z0-9+_.-]+$")]
    private static partial Regex NameRegex();

    [GeneratedRegex(@"^seqno = (\d{1,20})$", RegexOptions.Multiline)]
    private static partial Regex SeqnoRegex();
}
