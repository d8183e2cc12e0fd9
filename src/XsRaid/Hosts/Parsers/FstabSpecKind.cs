namespace XsRaid.Hosts.Parsers;

/// <summary>How the first field of an fstab line names its filesystem.</summary>
public enum FstabSpecKind
{
    /// <summary>A path: /dev/sda1, /dev/md0, /var/swap/swap.001.</summary>
    Path,

    /// <summary>LABEL=root-abcdefgh.</summary>
    Label,

    /// <summary>UUID=...</summary>
    Uuid,

    /// <summary>PARTLABEL=...</summary>
    PartLabel,

    /// <summary>PARTUUID=...</summary>
    PartUuid,

    /// <summary>Anything else: "none", "proc", "tmpfs", "server:/export".</summary>
    Other,
}
