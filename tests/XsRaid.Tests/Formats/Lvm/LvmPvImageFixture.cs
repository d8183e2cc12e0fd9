using XsRaid.Tests.Support;

namespace XsRaid.Tests.Formats.Lvm;

/// <summary>
/// The bytes of one real PV in a XenServer-style VG (pvcreate + vgcreate on a loop device over an 8 MiB file),
/// taken before the VG is removed, for the corruption tests to damage in memory or in file copies.
/// </summary>
public sealed class LvmPvImageFixture : IDisposable
{
    public const long ImageBytes = 8L * 1024 * 1024;

    private readonly TempDir _dir = new();

    public LvmPvImageFixture()
    {
        var image = _dir.SparseFile("pv.img", ImageBytes);
        using var lvm = new LvmOnLoop(image);
        lvm.PvCreate();
        VgName = LvmImage.XenStorageVgName();
        lvm.VgCreate(VgName);
        Bytes = File.ReadAllBytes(image);
    }

    public string VgName { get; }

    public byte[] Bytes { get; }

    /// <summary>A copy of the bytes, with <paramref name="change"/> applied, written to a file for blkid.</summary>
    public string FileWith(string name, Action<byte[]> change)
    {
        var bytes = Bytes.ToArray();
        change(bytes);
        var path = _dir.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => _dir.Dispose();
}
