using XsRaid.Execution;
using XsRaid.Planning;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Planning;

/// <summary>
/// The LVM snippets of the volume group move, run by sh against this machine's real LVM on two loop devices (a
/// private lvm.conf that sees only them, no activation: this machine has no device-mapper). pvmove itself needs
/// device-mapper, so the state after a finished move is made with lvcreate/lvremove, and pvmove is a stand-in that
/// records how it was called; an interrupted move (its pvmove LV) is shown by a stand-in `lvs`.
/// </summary>
public sealed class LvmSnippetTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly LoopDevice _old;
    private readonly LoopDevice _new;
    private readonly Dictionary<string, string> _env;
    private readonly string _vg = "xsraidmove" + Guid.NewGuid().ToString("N")[..8];

    public LvmSnippetTests()
    {
        if (Environment.UserName != "root")
        {
            throw new InvalidOperationException("this test needs root: LVM on loop devices (run the suite as root, as .ci/run does)");
        }

        _old = LoopDevice.Attach(_dir.SparseFile("old.img", 64L << 20));
        _new = LoopDevice.Attach(_dir.SparseFile("new.img", 64L << 20));
        var conf = Directory.CreateDirectory(Path.Combine(_dir.Path, "lvm")).FullName;
        File.WriteAllText(Path.Combine(conf, "lvm.conf"),
            $"devices {{ scan = [ \"/dev\" ] filter = [ \"a|^{_old.Path}$|\", \"a|^{_new.Path}$|\", \"r|.*|\" ] obtain_device_list_from_udev = 0 external_device_info_source = \"none\" }}\n" +
            "global { use_lvmlockd = 0 activation = 0 }\nactivation { udev_sync = 0 udev_rules = 0 monitoring = 0 }\nbackup { backup = 0 archive = 0 }\n");
        _env = new(StringComparer.Ordinal) { ["LVM_SYSTEM_DIR"] = conf, ["LVM_SUPPRESS_FD_WARNINGS"] = "1" };
    }

    [Fact]
    public void EachStepsCheckFollowsTheVolumeGroupOffTheOldDevice()
    {
        Lvm("pvcreate", _old.Path);
        Lvm("vgcreate", _vg, _old.Path);
        Lvm("lvcreate", "-an", "-Zn", "-L", "8M", "-n", "vdi", _vg, _old.Path);
        Holds(LvmSnippets.IsPhysicalVolume, _old.Path).ShouldBeTrue();
        Holds(LvmSnippets.IsPhysicalVolume, _new.Path).ShouldBeFalse("pv-create-storage runs");
        Holds(LvmSnippets.NothingLeftOn, _vg, _old.Path).ShouldBeFalse("the VDI is on the old PV: pv-move-storage runs");

        Lvm("pvcreate", _new.Path);
        Holds(LvmSnippets.IsPhysicalVolume, _new.Path).ShouldBeTrue();
        Holds(LvmSnippets.InVolumeGroup, _vg, _new.Path).ShouldBeFalse("vg-extend-storage runs");
        Lvm("vgextend", _vg, _new.Path);
        Holds(LvmSnippets.InVolumeGroup, _vg, _new.Path).ShouldBeTrue();
        Holds(LvmSnippets.OnlyOn, _vg, _new.Path).ShouldBeFalse();

        // what a finished pvmove leaves: every extent on the new PV, none on the old one
        Lvm("lvcreate", "-an", "-Zn", "-L", "8M", "-n", "vdi-moved", _vg, _new.Path);
        Lvm("lvremove", "-f", $"{_vg}/vdi");
        Holds(LvmSnippets.NothingLeftOn, _vg, _old.Path).ShouldBeTrue("nothing left: pv-move-storage is done");
        Holds(LvmSnippets.OnlyOn, _vg, _new.Path).ShouldBeFalse("the old PV is still in the VG: vg-reduce-storage runs");

        Lvm("vgreduce", _vg, _old.Path);
        Holds(LvmSnippets.OnlyOn, _vg, _new.Path).ShouldBeTrue();
        Holds(LvmSnippets.NothingLeftOn, _vg, _old.Path).ShouldBeTrue("a PV of no VG holds nothing of it");
        Holds(LvmSnippets.IsPhysicalVolume, _old.Path).ShouldBeTrue("pv-remove-storage runs");

        Lvm("pvremove", _old.Path);
        Holds(LvmSnippets.IsPhysicalVolume, _old.Path).ShouldBeFalse();
        Holds(LvmSnippets.NothingLeftOn, _vg, _old.Path).ShouldBeTrue("no PV at all: done, also once it is an md member");
    }

    [Fact]
    public void AFreshMoveNamesBothDevicesAndAnInterruptedOneIsResumedByPlainPvmove()
    {
        Lvm("pvcreate", _old.Path);
        Lvm("vgcreate", _vg, _old.Path);
        Lvm("lvcreate", "-an", "-Zn", "-L", "8M", "-n", "vdi", _vg, _old.Path);
        var bin = Directory.CreateDirectory(Path.Combine(_dir.Path, "bin")).FullName;
        var calls = Path.Combine(_dir.Path, "pvmove-calls");
        StandIn(bin, "pvmove", $"echo \"$*\" >> {calls}");

        Run(LvmSnippets.MoveExtents, bin, _vg, _old.Path, _new.Path).ExitCode.ShouldBe(0);
        File.ReadAllText(calls).ShouldBe($"-i 10 {_old.Path} {_new.Path}\n");

        // the VG's pvmove LV (as `lvs -a -o lv_attr` shows [pvmove0]) is the interrupted move LVM keeps
        StandIn(bin, "lvs", "printf '  -wI-ao----\\n  p-C-aom---\\n'");
        File.Delete(calls);
        Run(LvmSnippets.MoveExtents, bin, _vg, _old.Path, _new.Path).ExitCode.ShouldBe(0);
        File.ReadAllText(calls).ShouldBe("-i 10\n", "resumed from LVM's checkpoint, never started again or aborted");
        Run(LvmSnippets.NothingLeftOn, bin, _vg, _old.Path).ExitCode.ShouldNotBe(0, "a move in progress is not done");
    }

    /// <summary>
    /// The move's progress: `lvs -a` as VolumeMoveMonitor asks for it, run for real (no pvmove LV: no progress), then
    /// with the line a pvmove LV adds (its attributes start with 'p'; written here in lvs' format: no device-mapper).
    /// </summary>
    [Fact]
    public void TheMovesProgressIsReadFromThePvmoveLvsCopyPercent()
    {
        Lvm("pvcreate", _old.Path);
        Lvm("vgcreate", _vg, _old.Path);
        Lvm("lvcreate", "-an", "-Zn", "-L", "8M", "-n", "vdi", _vg, _old.Path);
        var argv = ExecutionSnippets.LvCopyPercent;
        var real = Tool.Run(argv[0], argv.Skip(1), env: _env).Stdout;
        real.ShouldContain("|8388608|");
        VolumeMoveMonitor.Parse(real).ShouldBeNull("no pvmove LV: nothing to report");

        var moving = VolumeMoveMonitor.Parse(real + "  p-C-aom---|8388608|25.00\n");
        moving.ShouldBe((2097152L, 8388608L));
        new VolumeMoveMonitor(TimeSpan.FromSeconds(5)).Watches(
            VolumeGroupMoveSteps.Create(new VolumeGroupMove(_vg, _old.Path, _new.Path, 1L << 20), PlanPhase.JoinMirror).Single(s => s.Id == "pv-move-storage"))
            .ShouldBeTrue();
    }

    public void Dispose()
    {
        Tool.Run("vgremove", ["-f", _vg], check: false, env: _env);
        Tool.Run("pvremove", ["-ff", "-y", _old.Path, _new.Path], check: false, env: _env);
        _old.Dispose();
        _new.Dispose();
        _dir.Dispose();
    }

    private static void StandIn(string bin, string name, string body)
    {
        var path = Path.Combine(bin, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        Tool.Run("chmod", ["+x", path]);
    }

    private void Lvm(string tool, params string[] args) => Tool.Run(tool, args, env: _env);

    private bool Holds(string snippet, params string[] args) => Run(snippet, null, args).ExitCode == 0;

    private Tool.Result Run(string snippet, string? bin, params string[] args)
    {
        var env = new Dictionary<string, string>(_env, StringComparer.Ordinal)
        {
            ["PATH"] = (bin is null ? "" : bin + ":") + "/usr/sbin:/usr/bin:/sbin:/bin",
        };
        return Tool.Run("sh", ["-c", snippet, "sh", .. args], check: false, env: env);
    }
}
