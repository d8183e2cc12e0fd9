using System.Text.Json.Serialization;

namespace XsRaid.Planning;

/// <summary>The phases of a conversion, in order.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PlanPhase>))]
public enum PlanPhase
{
    /// <summary>Phase 1: build the degraded mirror on the target disk while the host runs.</summary>
    [JsonStringEnumMemberName("build-mirror")]
    BuildMirror,

    /// <summary>Arm the one-shot boot into the mirror and reboot (the stop point).</summary>
    [JsonStringEnumMemberName("reboot")]
    Reboot,

    /// <summary>Phase 2: / is verified on the array; the original disk joins the mirror.</summary>
    [JsonStringEnumMemberName("join-mirror")]
    JoinMirror,

    /// <summary>Create the storage repository on the mirrored storage array (with --create-sr).</summary>
    [JsonStringEnumMemberName("storage-repository")]
    StorageRepository,

    /// <summary>`xsraid replace`: a new disk takes a failed or missing member's place in every array.</summary>
    [JsonStringEnumMemberName("replace")]
    Replace,

    /// <summary>`xsraid heal`: what a mirrored host lost (boot code, initrd, mdadm.conf) is put back.</summary>
    [JsonStringEnumMemberName("heal")]
    Heal,

    /// <summary>`xsraid alerts`: mdadm's monitor is told where to report and runs.</summary>
    [JsonStringEnumMemberName("alerts")]
    Alerts,
}
