using XsRaid.Hosts.Parsers;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Hosts.Parsers;

public class MdstatParserTests
{
    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (var capture in MdFixtureSet.All())
        {
            data.Add(Path.GetRelativePath(Fixtures.Root, capture.MdstatPath));
        }

        return data;
    }

    [Fact]
    public void EverySnapshotTheCaptureScriptNamesIsInTheSet()
    {
        var names = MdFixtureSet.SnapshotNames();
        names.Count.ShouldBe(17);
        foreach (var name in names)
        {
            File.Exists(Fixtures.PathOf("md/mdstat/" + name)).ShouldBeTrue(name);
        }

        // The other files of the directory are not /proc/mdstat captures.
        Directory.GetFiles(Fixtures.PathOf("md/mdstat"), "*.txt").Select(Path.GetFileName).Except(names).Order(StringComparer.Ordinal)
            .ShouldBe(["commands.txt", "ls-l-dev-md.txt", "mdadm-detail-scan-verbose.txt", "mdadm-detail-scan.txt", "mdadm-examine-scan.txt"]);

        // Every detail snapshot belongs to one of the mdstat snapshots, so none escapes the cross-check.
        var used = MdFixtureSet.All().SelectMany(c => c.DetailPaths).ToHashSet(StringComparer.Ordinal);
        foreach (var detail in Directory.GetFiles(Fixtures.PathOf("md/detail-snapshots")))
        {
            used.ShouldContain(detail);
        }
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void ParsesWithoutIssuesAndAgreesWithMdadmDetail(string relative)
    {
        var capture = MdFixtureSet.All().Single(c => c.MdstatPath == Fixtures.PathOf(relative));
        var text = File.ReadAllText(capture.MdstatPath);
        var parsed = MdstatParser.Parse(text);

        parsed.Issues.ShouldBeEmpty();
        parsed.Value.Personalities.ShouldBe(["linear", "multipath", "raid0", "raid1", "raid6", "raid5", "raid4", "raid10"]);
        parsed.Value.UnusedDevices.ShouldBeEmpty();
        var headerLines = text.Split('\n').Count(l => l.StartsWith("md", StringComparison.Ordinal));
        parsed.Value.Arrays.Count.ShouldBe(headerLines);
        capture.DetailPaths.ShouldNotBeEmpty();

        foreach (var detailPath in capture.DetailPaths)
        {
            var detail = MdadmDetailParser.Parse(File.ReadAllText(detailPath));
            detail.Issues.ShouldBeEmpty();
            var name = detail.Value.Device["/dev/".Length..];
            var array = parsed.Value.Find(name);
            array.ShouldNotBeNull($"{name} of {Path.GetFileName(detailPath)} is not in {relative}");
            MdCrossCheck.Compare(array, detail.Value);
        }
    }

    [Fact]
    public void ReadsEachStateAndProgressFormThePromptNames()
    {
        var delayed = Parse("md/mdstat/several-arrays-resync-delayed.txt");
        delayed.Find("md31")!.Members.Single(m => m.Device == "sdu2").Spare.ShouldBeTrue();
        delayed.Find("md31")!.ResyncWait.ShouldBe(MdResyncWait.Delayed);
        delayed.Find("md36")!.SuperVersion.ShouldBeNull();
        delayed.Find("md34")!.Bitmap.ShouldBe(new MdstatBitmap(1, 1, 4, 65536L * 1024, null));
        delayed.Find("md30")!.Sync.ShouldBe(new MdstatSyncProgress(MdSyncAction.Resync, 20.6m, 21376, 101376, 0.5m, 2375));

        var pending = Parse("md/mdstat/resync-interrupted-then-assembled.txt").Find("md20")!;
        pending.State.ShouldBe(MdstatArrayState.ActiveAutoReadOnly);
        pending.ResyncWait.ShouldBe(MdResyncWait.Pending);

        var inactive = Parse("md/mdstat/raid0-inactive-one-member-incremental.txt").Find("md33")!;
        inactive.State.ShouldBe(MdstatArrayState.Inactive);
        inactive.Level.ShouldBeNull();
        inactive.Members.ShouldBe([new MdstatMember("sdt1", 0, false, true, false, false, false)]);

        var failed = Parse("md/mdstat/raid1-member-failed.txt").Find("md20")!;
        failed.Members.Single(m => m.Faulty).Device.ShouldBe("sds");
        failed.DiskStatus.ShouldBe("U_");
        failed.IsDegraded.ShouldBeTrue();

        Parse("md/mdstat/raid5-reshape-3-to-4-in-progress.txt").Find("md31")!.Sync!.Action.ShouldBe(MdSyncAction.Reshape);
        Parse("md/mdstat/raid1-check-in-progress.txt").Find("md20")!.Sync!.Action.ShouldBe(MdSyncAction.Check);
        Parse("md/mdstat/raid1-recovery-after-add.txt").Find("md20")!.Sync!.Action.ShouldBe(MdSyncAction.Recovery);
        Parse("md/mdstat/raid5-after-reshape.txt").Find("md32")!.Layout.ShouldBe("512K chunks 2 near-copies");
    }

    [Fact]
    public void ReadsFlagsAndLinesTheFixturesDoNotHave()
    {
        // Member flags in the kernel's print order (W, J, F, S, R), a bitmap in a file, repair progress,
        // a read-only array, and unused devices. Format from drivers/md/md.c md_seq_show / status_resync.
        const string text = """
            Personalities : [raid1] 
            md0 : active (read-only) raid1 sdc1[2](W)(F) sdb1[1](S) sda1[0](R)
                  1048512 blocks super 1.0 [2/1] [U_]
                  [=>...................]  repair =  9.1% (95488/1048512) finish=12.0min speed=1322K/sec
                  bitmap: 3/8 pages [12KB], 128B chunk, file: /var/md0.bitmap

            unused devices: sdd1 sde
            """;
        var parsed = MdstatParser.Parse(text);
        parsed.Issues.ShouldBeEmpty();
        var md0 = parsed.Value.Arrays.Single();
        md0.State.ShouldBe(MdstatArrayState.ActiveReadOnly);
        md0.Members.ShouldBe(
        [
            new MdstatMember("sdc1", 2, Faulty: true, Spare: false, WriteMostly: true, Replacement: false, Journal: false),
            new MdstatMember("sdb1", 1, Faulty: false, Spare: true, WriteMostly: false, Replacement: false, Journal: false),
            new MdstatMember("sda1", 0, Faulty: false, Spare: false, WriteMostly: false, Replacement: true, Journal: false),
        ]);
        md0.Sync!.Action.ShouldBe(MdSyncAction.Repair);
        md0.Bitmap.ShouldBe(new MdstatBitmap(3, 8, 12, 128, "/var/md0.bitmap"));
        parsed.Value.UnusedDevices.ShouldBe(["sdd1", "sde"]);
    }

    [Fact]
    public void AnEmptyMdstatHasNoArrays()
    {
        var parsed = MdstatParser.Parse("Personalities : \nunused devices: <none>\n");
        parsed.Issues.ShouldBeEmpty();
        parsed.Value.Arrays.ShouldBeEmpty();
        parsed.Value.Personalities.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("md0 : running raid1 sda1[0]\n", "neither 'active' nor 'inactive'")]
    [InlineData("md0 : active raid1 sda1[x]\n", "member 'sda1[x]'")]
    [InlineData("md0 : active raid1 sda1[0](Q)\n", "member 'sda1[0](Q)'")]
    [InlineData("md0 : active raid1 sda1[0]\n      12 blocks\n      12 blocks\n", "second 'blocks' line")]
    [InlineData("md0 : active raid1 sda1[0]\n      resync=SOON\n", "neither DELAYED nor PENDING")]
    [InlineData("md0 : active raid1 sda1[0]\n      bitmap: lots\n", "bitmap line")]
    [InlineData("md0 : active raid1 sda1[0]\n      something else\n", "unknown line")]
    [InlineData("      12 blocks\n", "outside an array block")]
    [InlineData("Personalities : raid1\n", "not in brackets")]
    public void MalformedLinesBecomeIssues(string text, string problem)
    {
        var parsed = MdstatParser.Parse(text);
        parsed.Issues.ShouldHaveSingleItem().Problem.ShouldContain(problem);
    }

    [Fact]
    public void HostileInputNeverThrows()
    {
        var sample = Fixtures.Text("md/mdstat/several-arrays-resync-delayed.txt");
        for (var cut = 0; cut <= sample.Length; cut++)
        {
            _ = MdstatParser.Parse(sample[..cut]);
        }

        foreach (var garbage in HostileText.Samples())
        {
            MdstatParser.Parse(garbage).Issues.ShouldNotBeEmpty();
        }
    }

    private static Mdstat Parse(string relative)
    {
        var parsed = MdstatParser.Parse(Fixtures.Text(relative));
        parsed.Issues.ShouldBeEmpty();
        return parsed.Value;
    }
}
