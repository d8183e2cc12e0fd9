namespace XsRaid.Platforms;

/// <summary>How a family creates its local storage on the mirrored storage array, and how to tell it exists.</summary>
public sealed record StorageRepositoryCommands(
    IReadOnlyList<IReadOnlyList<string>> Commands,
    IReadOnlyList<string> ExistsCheck,
    string Description);
