using XsRaid.Platforms;

namespace XsRaid.Planning;

/// <summary>The adapter for a platform, or null when xsraid cannot convert it.</summary>
public static class PlatformCatalog
{
    public static IPlatform? For(PlatformId id) => id switch
    {
        PlatformId.XenServer6 => new XenServer6Platform(),
        PlatformId.Debian => new DebianExtlinuxPlatform(),
        _ => null,
    };
}
