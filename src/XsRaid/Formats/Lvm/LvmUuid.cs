using System.Buffers;

namespace XsRaid.Formats.Lvm;

/// <summary>LVM identifiers: 32 characters on disk, printed by LVM and blkid in 6-4-4-4-4-4-6 groups.</summary>
public static class LvmUuid
{
    public const int Length = 32;

    /// <summary>The 64 characters LVM makes identifiers from (lib/uuid/uuid.c).</summary>
    public const string ValidCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#";

    private static readonly SearchValues<char> Valid = SearchValues.Create(ValidCharacters);

    private static readonly int[] GroupLengths = [6, 4, 4, 4, 4, 4, 6];

    public static bool IsValid(string raw) =>
        raw.Length == Length && raw.AsSpan().IndexOfAnyExcept(Valid) < 0;

    /// <summary>"28BbtKksXf..." → "28BbtK-ksXf-HRyp-mAmr-K5Hu-5FPd-MTBaiS".</summary>
    public static string Format(string raw)
    {
        if (raw.Length != Length)
        {
            throw new ArgumentException($"an LVM identifier has {Length} characters, not {raw.Length}", nameof(raw));
        }

        var groups = new string[GroupLengths.Length];
        var at = 0;
        for (var i = 0; i < GroupLengths.Length; i++)
        {
            groups[i] = raw.Substring(at, GroupLengths[i]);
            at += GroupLengths[i];
        }

        return string.Join('-', groups);
    }
}
