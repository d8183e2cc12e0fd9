using XsRaid.Devices;
using XsRaid.Formats;
using XsRaid.Formats.Lvm;

namespace XsRaid.Tests.Formats.Lvm;

public static class LvmImage
{
    public static ReadResult<LvmPhysicalVolume> Read(string path)
    {
        using var source = FileBlockSource.Open(path).GetValueOrThrow();
        return LvmLabelReader.Read(source);
    }

    /// <summary>A XenServer-style LVM SR volume group name: VG_XenStorage-&lt;SR uuid&gt;.</summary>
    public static string XenStorageVgName() => $"VG_XenStorage-{Guid.NewGuid():D}";
}
