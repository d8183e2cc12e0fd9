using XsRaid.Hosts.Parsers;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Hosts.Parsers;

public class MdadmDetailParserTests
{
    /// <summary>Every mdadm --detail capture that has a --detail --export taken at the same moment.</summary>
    public static TheoryData<string, string> DetailWithExport()
    {
        var data = new TheoryData<string, string>();
        foreach (var export in Directory.GetFiles(Fixtures.PathOf("md"), "*detail-export*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var detail = export.Replace("detail-export", "detail", StringComparison.Ordinal);
            data.Add(Path.GetRelativePath(Fixtures.Root, detail), Path.GetRelativePath(Fixtures.Root, export));
        }

        return data;
    }

    [Fact]
    public void FindsEveryExportPair()
    {
        // 9 cases + 1 after-fail + 7 other levels.
        DetailWithExport().Count.ShouldBe(17);
    }

    [Theory]
    [MemberData(nameof(DetailWithExport))]
    public void AgreesWithMdadmsExportForm(string detailFile, string exportFile)
    {
        var parsed = MdadmDetailParser.Parse(Fixtures.Text(detailFile));
        parsed.Issues.ShouldBeEmpty();
        var export = ShellAssignmentsParser.Parse(Fixtures.Text(exportFile));
        export.Issues.ShouldBeEmpty();
        var values = export.Value;
        var detail = parsed.Value;

        detail.RaidLevel.ShouldBe(values.Get("MD_LEVEL"));
        detail.RaidDevices.ShouldBe(int.Parse(values.Get("MD_DEVICES")!, System.Globalization.CultureInfo.InvariantCulture));
        detail.Version.ShouldBe(values.Get("MD_METADATA"));
        detail.Uuid.ShouldBe(values.Get("MD_UUID"));
        detail.Name.ShouldBe(values.Get("MD_NAME"));

        var exportedDevices = values.Items.Where(a => a.Key.EndsWith("_DEV", StringComparison.Ordinal)).Select(a => a.Value).ToList();
        detail.Devices.Where(d => d.Device is not null).Select(d => d.Device!).Order(StringComparer.Ordinal)
            .ShouldBe(exportedDevices.Order(StringComparer.Ordinal));
        foreach (var row in detail.Devices.Where(d => d.Device is not null))
        {
            var key = "MD_DEVICE_" + row.Device![1..].Replace('/', '_') + "_ROLE";
            values.Get(key).ShouldBe(row.RaidDevice?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "spare", key);
        }
    }

    [Fact]
    public void MajorMinorOfEveryMemberMatchesProcPartitionsOfTheSameBoot()
    {
        // outputs/ was captured in the same guest boot, with every fixture disk still attached.
        var partitions = ProcPartitionsParser.Parse(Fixtures.Text("outputs/proc-partitions.txt")).Value;
        var files = Directory.GetFiles(Fixtures.PathOf("md"), "*.txt", SearchOption.AllDirectories)
            .Where(f => f.Contains("detail", StringComparison.Ordinal) && !f.Contains("export", StringComparison.Ordinal))
            .Where(f => !Path.GetFileName(f).StartsWith("mdadm-", StringComparison.Ordinal)) // --detail --scan: another format
            .ToList();
        files.Count.ShouldBe(52); // 34 snapshots, 9 cases, 2 more of the failed-member case, 7 other levels
        var rows = 0;
        foreach (var file in files)
        {
            var detail = MdadmDetailParser.Parse(File.ReadAllText(file));
            detail.Issues.ShouldBeEmpty(file);
            foreach (var row in detail.Value.Devices.Where(d => d.Device is not null))
            {
                var partition = partitions.Single(p => "/dev/" + p.Name == row.Device);
                (partition.Major, partition.Minor).ShouldBe((row.Major, row.Minor), file);
                rows++;
            }
        }

        rows.ShouldBeGreaterThan(100);
    }

    [Fact]
    public void ReadsTheRemovedSlotAndTheFaultyRowAfterAFail()
    {
        var detail = MdadmDetailParser.Parse(Fixtures.Text("md/meta12-failed-member/detail-after-fail.txt")).Value;
        detail.Device.ShouldBe("/dev/md8");
        detail.State.ShouldBe(["clean", "degraded"]);
        detail.Devices.ShouldBe(
        [
            new MdadmDetailDevice(0, 8, 208, 0, ["active", "sync"], "/dev/sdn"),
            new MdadmDetailDevice(null, 0, 0, 1, ["removed"], null),
            new MdadmDetailDevice(1, 8, 240, null, ["faulty"], "/dev/sdp"),
        ], ignoreOrder: false, comparer: new DeviceComparer());
        detail.Events.ShouldBe("18");
        detail.ConsistencyPolicy.ShouldBe("resync");
    }

    [Fact]
    public void ReadsTheInactiveForm()
    {
        var detail = MdadmDetailParser.Parse(Fixtures.Text("md/detail-snapshots/raid0-inactive-one-member-incremental--md33.txt"));
        detail.Issues.ShouldBeEmpty();
        detail.Value.State.ShouldBe(["inactive"]);
        detail.Value.RaidDevices.ShouldBeNull();
        detail.Value.Devices.ShouldHaveSingleItem().Device.ShouldBe("/dev/sdt1");
    }

    [Fact]
    public void GarbageBecomesIssues()
    {
        MdadmDetailParser.Parse("").Issues.ShouldHaveSingleItem().Problem.ShouldContain("no '/dev/mdN:' line");
        MdadmDetailParser.Parse("/dev/md0:\n    Resync Status : soon\n").Issues.ShouldHaveSingleItem().Problem.ShouldContain("N% complete");
        MdadmDetailParser.Parse("/dev/md0:\n    Number   Major   Minor   RaidDevice State\n   x y z\n").Issues.ShouldHaveSingleItem();
        foreach (var garbage in HostileText.Samples())
        {
            MdadmDetailParser.Parse(garbage).Issues.ShouldNotBeEmpty();
        }
    }

    private sealed class DeviceComparer : IEqualityComparer<MdadmDetailDevice>
    {
        public bool Equals(MdadmDetailDevice? x, MdadmDetailDevice? y) =>
            x is not null && y is not null && x.Number == y.Number && x.Major == y.Major && x.Minor == y.Minor
            && x.RaidDevice == y.RaidDevice && x.Device == y.Device && x.State.SequenceEqual(y.State);

        public int GetHashCode(MdadmDetailDevice obj) => obj.Major;
    }
}
