namespace XsRaid.Formats.Gpt;

/// <summary>
/// One used GPT entry. <paramref name="Number"/> is its 1-based slot in the array (sgdisk's and Linux's number);
/// <paramref name="TypeCode"/> / <paramref name="TypeName"/> are sgdisk's (see <see cref="GptTypes"/>).
/// </summary>
public sealed record GptPartitionEntry(
    int Number,
    Guid TypeGuid,
    string TypeCode,
    string TypeName,
    Guid UniqueGuid,
    long FirstLba,
    long LastLba,
    ulong Attributes,
    bool LegacyBiosBootable,
    string Name)
{
    public long SizeLba => LastLba - FirstLba + 1;
}
