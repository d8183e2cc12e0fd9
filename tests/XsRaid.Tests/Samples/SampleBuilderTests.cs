using XsRaid.Tests.Support;

namespace XsRaid.Tests.Samples;

/// <summary>
/// The built-in samples are made by scripts from the real tools, never by hand: running a builder again gives the
/// committed sample back, byte for byte (a sample edited by hand, or a builder changed without rebuilding, fails).
/// </summary>
public sealed class SampleBuilderTests
{
    [Fact]
    public void XenServer65SampleIsWhatItsBuilderMakes()
    {
        using var temp = new TempDir();
        var built = Path.Combine(temp.Path, "xenserver-6.5");

        Build("make-xenserver-6.5.sh", built);

        Differences(built, Path.Combine(SamplesDir(), "xenserver-6.5")).ShouldBeEmpty();
    }

    /// <summary>
    /// LVM writes fresh VG and LV UUIDs, the time and the build machine's kernel name into its metadata, so the SR
    /// sample's metadata region and `vgs` output are the only files allowed to differ; everything else is the same.
    /// </summary>
    [Fact]
    public void XcpNg82SamplesAreWhatTheirBuilderMakes()
    {
        RequireRoot("make-xcp-ng-8.2-bios.sh attaches loop devices (LVM, GRUB)");
        using var temp = new TempDir();
        var withSr = Path.Combine(temp.Path, "xcp-ng-8.2-bios");
        var noSr = Path.Combine(temp.Path, "xcp-ng-8.2-bios-nosr");

        Build("make-xcp-ng-8.2-bios.sh", withSr, noSr);

        Differences(noSr, Path.Combine(SamplesDir(), "xcp-ng-8.2-bios-nosr")).ShouldBeEmpty();
        var lvmMetadataRegion = $"disks/sda/bytes-{87033856L * 512}.bin.gz";
        var committed = Path.Combine(SamplesDir(), "xcp-ng-8.2-bios");
        Differences(withSr, committed).ShouldBeSubsetOf(["commands/vgs.txt", "commands/pvs-extents.txt", lvmMetadataRegion]);
        VgsWithoutUuid(withSr).ShouldBe(VgsWithoutUuid(committed));
        WithoutLastColumn(withSr, "pvs-extents.txt").ShouldBe(WithoutLastColumn(committed, "pvs-extents.txt"));
    }

    /// <summary>
    /// The SR variant of the 6.5 host: the same as `xenserver-6.5` but for p3's head (PV label and VG metadata) and the
    /// LVM and xe captures. LVM's fresh UUIDs, time and kernel name make the metadata region, `vgs`' UUID column and the
    /// metadata area's free bytes (`pvs-extents`' last column: the text's length) differ between runs; nothing else may.
    /// </summary>
    [Fact]
    public void XenServer65SrSampleIsWhatItsBuilderMakes()
    {
        RequireRoot("make-xenserver-6.5-sr.sh attaches a loop device (LVM)");
        using var temp = new TempDir();
        var built = Path.Combine(temp.Path, "xenserver-6.5-sr");

        Build("make-xenserver-6.5-sr.sh", built);

        var committed = Path.Combine(SamplesDir(), "xenserver-6.5-sr");
        var lvmMetadataRegion = $"disks/sda/bytes-{16779264L * 512}.bin.gz";
        Differences(built, committed).ShouldBeSubsetOf(["commands/vgs.txt", "commands/pvs-extents.txt", lvmMetadataRegion]);
        VgsWithoutUuid(built).ShouldBe(VgsWithoutUuid(committed));
        WithoutLastColumn(built, "pvs-extents.txt").ShouldBe(WithoutLastColumn(committed, "pvs-extents.txt"));
        Differences(built, Path.Combine(SamplesDir(), "xenserver-6.5"))
            .ShouldBe(["commands/lvs.txt", "commands/pvs-extents.txt", "commands/pvs.txt", "commands/vgs.txt", "commands/xe-pbd-list.txt", "commands/xe-sr-list.txt",
                lvmMetadataRegion, "tools.txt"], ignoreOrder: true);
    }

    /// <summary>The UEFI sample: only LVM's metadata (fresh UUIDs, time, kernel name) may differ between runs.</summary>
    [Fact]
    public void XcpNg83UefiSampleIsWhatItsBuilderMakes()
    {
        RequireRoot("make-xcp-ng-8.3-uefi.sh attaches a loop device (LVM)");
        using var temp = new TempDir();
        var built = Path.Combine(temp.Path, "xcp-ng-8.3-uefi");

        Build("make-xcp-ng-8.3-uefi.sh", built);

        var committed = Path.Combine(SamplesDir(), "xcp-ng-8.3-uefi");
        var lvmMetadataRegion = $"disks/nvme0n1/bytes-{87033856L * 512}.bin.gz";
        Differences(built, committed).ShouldBeSubsetOf(["commands/vgs.txt", "commands/pvs-extents.txt", lvmMetadataRegion]);
        VgsWithoutUuid(built).ShouldBe(VgsWithoutUuid(committed));
        WithoutLastColumn(built, "pvs-extents.txt").ShouldBe(WithoutLastColumn(committed, "pvs-extents.txt"));
    }

    private static string WithoutLastColumn(string sample, string command) =>
        string.Join('\n', File.ReadAllLines(Path.Combine(sample, "commands", command)).Select(l => l.Contains('|', StringComparison.Ordinal) ? l[..l.LastIndexOf('|')] : l));

    private static void Build(string script, params string[] outputs)
    {
        var run = Tool.Run("bash", [Path.Combine(SamplesDir(), script), .. outputs], check: false);
        run.ExitCode.ShouldBe(0, run.Stdout + run.Stderr);
    }

    private static List<string> Differences(string built, string committed)
    {
        static IEnumerable<string> Files(string root) =>
            Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f));

        var names = Files(built).Union(Files(committed)).Order(StringComparer.Ordinal);
        return [.. names.Where(n =>
        {
            var a = Path.Combine(built, n);
            var b = Path.Combine(committed, n);
            return !File.Exists(a) || !File.Exists(b) || !File.ReadAllBytes(a).AsSpan().SequenceEqual(File.ReadAllBytes(b));
        })];
    }

    private static string VgsWithoutUuid(string sample) =>
        string.Join('\n', File.ReadAllLines(Path.Combine(sample, "commands", "vgs.txt"))
            .Select(l => l.Split('|') is { Length: 6 } f ? string.Join('|', f[0], f[2], f[3], f[4], f[5]) : l));

    private static void RequireRoot(string why)
    {
        if (Environment.UserName != "root")
        {
            throw new InvalidOperationException($"this test needs root: {why} (run the suite as root, as .ci/run does)");
        }
    }

    private static string SamplesDir()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "XsRaid.slnx")))
            {
                return Path.Combine(dir.FullName, "src", "XsRaid", "Samples");
            }
        }

        throw new InvalidOperationException($"no XsRaid.slnx above {AppContext.BaseDirectory}");
    }
}
