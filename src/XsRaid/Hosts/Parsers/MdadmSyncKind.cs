namespace XsRaid.Hosts.Parsers;

/// <summary>Which "... Status : N% complete" line mdadm --detail printed.</summary>
public enum MdadmSyncKind
{
    /// <summary>"Resync Status".</summary>
    Resync,

    /// <summary>"Rebuild Status": recovery onto a spare.</summary>
    Rebuild,

    /// <summary>"Reshape Status".</summary>
    Reshape,

    /// <summary>"Check Status".</summary>
    Check,
}
