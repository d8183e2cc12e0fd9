using XsRaid.Tests.Support;

namespace XsRaid.Tests.Formats.Lvm;

/// <summary>
/// Runs LVM commands that see only one loop device: a filter that accepts that device and rejects the rest,
/// no devices file, and no metadata backup or archive written to /etc/lvm. Dispose removes the VG (if one was
/// made) and the PV label, then detaches the loop, also when the test failed.
/// </summary>
public sealed class LvmOnLoop : IDisposable
{
    private static readonly Dictionary<string, string> Quiet = new(StringComparer.Ordinal) { ["LVM_SUPPRESS_FD_WARNINGS"] = "1" };

    private readonly LoopDevice _loop;
    private string? _vgName;
    private bool _keep;

    /// <param name="image">The image file.</param>
    /// <param name="offset">Where the PV's device starts in the image (a partition), or null for the whole file.</param>
    /// <param name="sizeLimit">The device's size when it is a window of the image.</param>
    public LvmOnLoop(string image, long? offset = null, long? sizeLimit = null)
    {
        _loop = LoopDevice.Attach(image, offset: offset, sizeLimit: sizeLimit);
        Config =
            $"devices {{ use_devicesfile=0 filter=[\"a|^{_loop.Path}$|\",\"r|.*|\"] }} backup {{ backup=0 archive=0 }}";
    }

    public string Device => _loop.Path;

    public string Config { get; }

    public Tool.Result Run(string command, params string[] args) =>
        Tool.Run(command, ["--config", Config, .. args], env: Quiet);

    public void PvCreate(params string[] options) => Run("pvcreate", [.. options, "-y", Device]);

    public void VgCreate(string vgName)
    {
        Run("vgcreate", vgName, Device);
        _vgName = vgName;
    }

    /// <summary><c>pvs --noheadings --units b --nosuffix --separator '|' -o COLUMNS DEVICE</c>, the one row.</summary>
    public string[] Pvs(string columns)
    {
        var rows = PvsReport.Parse(Run("pvs", "--noheadings", "--units", "b", "--nosuffix", "--separator", "|", "-o", columns, Device).Stdout);
        rows.Count.ShouldBe(1);
        return rows[0];
    }

    public PvckHeaders DumpHeaders() => PvckHeaders.Parse(Run("pvck", "--dump", "headers", Device).Stdout);

    /// <summary>Leave the PV and VG on the image (the test wants them); the loop is still detached.</summary>
    public void KeepOnDispose() => _keep = true;

    public void Dispose()
    {
        try
        {
            if (_keep)
            {
                return;
            }

            if (_vgName is not null)
            {
                Tool.Run("vgremove", ["--config", Config, "-f", _vgName], check: false, env: Quiet);
            }

            Tool.Run("pvremove", ["--config", Config, "-ff", "-y", Device], check: false, env: Quiet);
        }
        finally
        {
            _loop.Dispose();
        }
    }
}
