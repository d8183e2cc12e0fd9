using System.Text.Json.Serialization;

namespace XsRaid.Execution;

/// <summary>What a journal line records about a step.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JournalResult>))]
public enum JournalResult
{
    /// <summary>Its commands started (no end yet: running, or interrupted).</summary>
    [JsonStringEnumMemberName("started")]
    Started,

    /// <summary>Its commands ran and its verification held.</summary>
    [JsonStringEnumMemberName("done")]
    Done,

    /// <summary>The host already had its effect (its done-check held), so nothing ran.</summary>
    [JsonStringEnumMemberName("skipped")]
    Skipped,

    /// <summary>A command failed, its verification did not hold, or it was interrupted.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,

    /// <summary>The reboot came back on the original root: the one-shot boot into the mirror failed.</summary>
    [JsonStringEnumMemberName("rolled-back")]
    RolledBack,
}
