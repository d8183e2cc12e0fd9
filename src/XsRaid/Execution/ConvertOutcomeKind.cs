namespace XsRaid.Execution;

/// <summary>How a `convert` run ended (the CLI maps it to an exit code).</summary>
public enum ConvertOutcomeKind
{
    /// <summary>Every step done and verified: the host runs from a complete mirror.</summary>
    Completed,

    /// <summary>--no-wait: the original disk joined and the arrays resync in the background; run convert again to finish.</summary>
    ResyncRunning,

    /// <summary>The reboot was sent to the machine xsraid itself runs on (--local): run convert again once it is back.</summary>
    RebootIssued,

    /// <summary>A step failed, the host never came back, or the run was interrupted.</summary>
    Failed,

    /// <summary>The host came back on its original root after the one-shot boot into the mirror.</summary>
    RolledBack,

    /// <summary>A safety rule refused the plan (nothing was written).</summary>
    Refused,

    /// <summary>The host no longer matches the plan shown to the user (nothing was written by this run).</summary>
    HostChanged,

    /// <summary>The host presented another SSH host key after the reboot: never accepted.</summary>
    HostKeyRefused,
}
