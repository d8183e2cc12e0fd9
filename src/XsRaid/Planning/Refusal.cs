namespace XsRaid.Planning;

/// <summary>
/// A safety rule that stops the plan before anything is written: which rule, what was found, and the way out.
/// The CLI exits 3 on a refusal.
/// </summary>
public sealed record Refusal(string Rule, string Message, string WayOut)
{
    public override string ToString() => $"refused ({Rule}): {Message} {WayOut}";
}
