namespace XsRaid.DayTwo;

/// <summary>What `alerts` was asked: where md's monitor reports (a mail address or a program; exactly one) and whether to send a test alert.</summary>
public sealed record AlertsOptions(string? Mail, string? Program, bool Test);
