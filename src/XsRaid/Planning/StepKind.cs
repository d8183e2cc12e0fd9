using System.Text.Json.Serialization;

namespace XsRaid.Planning;

/// <summary>What a step is to the executor and the script renderer, so neither matches step ids or its own output.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StepKind>))]
public enum StepKind
{
    /// <summary>Runs its commands unless its done-check holds, then verifies.</summary>
    [JsonStringEnumMemberName("action")]
    Action,

    /// <summary>A copy pass: always runs (its progress is watched); what it wrote is checked by the steps after it.</summary>
    [JsonStringEnumMemberName("copy")]
    Copy,

    /// <summary>The phase guard: its verification tells whether phase 1 and the reboot are behind.</summary>
    [JsonStringEnumMemberName("guard")]
    Guard,

    /// <summary>The reboot: the executor stops here, waits for the host, and checks where / is.</summary>
    [JsonStringEnumMemberName("reboot-point")]
    RebootPoint,

    /// <summary>Waits for the arrays' resync (only watches, so a later run need not wait for one left behind).</summary>
    [JsonStringEnumMemberName("resync-wait")]
    ResyncWait,

    /// <summary>Moves LVM extents (pvmove): runs unless its done-check holds, like an action; its progress is watched.</summary>
    [JsonStringEnumMemberName("volume-move")]
    VolumeMove,

    /// <summary>Only reads: its commands are checks of the finished result.</summary>
    [JsonStringEnumMemberName("verify-only")]
    VerifyOnly,
}
