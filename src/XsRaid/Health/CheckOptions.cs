namespace XsRaid.Health;

/// <summary>What the caller expects: with <see cref="ExpectNone"/> a host without md arrays is OK, not UNKNOWN.</summary>
public sealed record CheckOptions(bool ExpectNone = false);
