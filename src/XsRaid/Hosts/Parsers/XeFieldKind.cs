namespace XsRaid.Hosts.Parsers;

/// <summary>The first character of an xe field tag: "( RO)" plain, "(MRO)" map, "(SRO)" set.</summary>
public enum XeFieldKind
{
    Scalar,

    /// <summary>"key: value; key2: value2".</summary>
    Map,

    /// <summary>"item; item2".</summary>
    Set,
}
