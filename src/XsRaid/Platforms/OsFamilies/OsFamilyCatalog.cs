namespace XsRaid.Platforms.OsFamilies;

/// <summary>The OS families xsraid converts (registration: one line each), or null for a platform it cannot.</summary>
public static class OsFamilyCatalog
{
    public static IOsFamily? For(PlatformId id) => id switch
    {
        PlatformId.XenServer6 => new XenServer6(),
        PlatformId.Debian => new Debian(),
        PlatformId.XcpNg or PlatformId.XenServer7Plus => new XenServer7(),
        _ => null,
    };
}
