namespace XsRaid.Formats.Mbr;

/// <summary>
/// What identifies one boot loader's first stage: fixed bytes at a fixed offset, plus byte strings that must occur
/// somewhere at or after <paramref name="SearchFrom"/>. Only regions that installers copy verbatim are used.
/// </summary>
internal sealed record BootCodeSignature(
    BootCodeKind Kind, int PrefixOffset, byte[] Prefix, int SearchFrom, IReadOnlyList<byte[]> Required)
{
    public bool Matches(ReadOnlySpan<byte> code)
    {
        if (PrefixOffset + Prefix.Length > code.Length || !code.Slice(PrefixOffset, Prefix.Length).SequenceEqual(Prefix))
        {
            return false;
        }

        if (SearchFrom > code.Length)
        {
            return false;
        }

        var searched = code[SearchFrom..];
        foreach (var required in Required)
        {
            if (searched.IndexOf(required) < 0)
            {
                return false;
            }
        }

        return true;
    }
}
