namespace XsRaid.Platforms;

/// <summary>What kind of host a snapshot shows.</summary>
public enum PlatformId
{
    Unknown,
    XenServer6,
    XenServer7Plus,
    XcpNg,
    Debian,
}
