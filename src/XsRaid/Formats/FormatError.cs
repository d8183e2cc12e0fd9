namespace XsRaid.Formats;

/// <summary>A typed reader failure: which structure, what is wrong, and where (byte offset) when known.</summary>
public sealed record FormatError(string Structure, FormatErrorKind Kind, string Problem, long? Offset = null)
{
    public override string ToString() =>
        Offset is { } at ? $"{Structure}: {Problem} (at byte {at})" : $"{Structure}: {Problem}";

    public static FormatError NotPresent(string structure, string problem, long? offset = null) =>
        new(structure, FormatErrorKind.NotPresent, problem, offset);

    public static FormatError Truncated(string structure, string problem, long? offset = null) =>
        new(structure, FormatErrorKind.Truncated, problem, offset);

    public static FormatError Corrupt(string structure, string problem, long? offset = null) =>
        new(structure, FormatErrorKind.Corrupt, problem, offset);
}
