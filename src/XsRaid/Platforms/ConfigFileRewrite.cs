namespace XsRaid.Platforms;

/// <summary>A file the plan writes on the new root: its path on the host and its whole new content, and why.</summary>
public sealed record ConfigFileRewrite(string Path, string Content, string Why);
