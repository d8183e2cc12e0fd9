using XsRaid.Hosts.Parsers;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Hosts.Parsers;

/// <summary>efibootmgr listings of Fixtures/efibootmgr (see its README for where each comes from).</summary>
public class EfiBootManagerParserTests
{
    private const string Folder = "efibootmgr";

    private static readonly EfiGptPartition XcpNgEsp = new(4, "5d1e8a2c-7b34-4f09-9c6e-13a0b7e4f2d8", 83888128, 1048576);

    /// <summary>What each fixture must parse to: the state, and the line numbers of the issues.</summary>
    private static readonly Dictionary<string, (EfiBootManagerState State, int[] IssueLines)> Expected = new(StringComparer.Ordinal)
    {
        ["efibootmgr-v-2016-git-tab-full-paths.txt"] = (new EfiBootManagerState
        {
            BootCurrent = "0001",
            TimeoutSeconds = 0,
            BootOrder = ["0003", "0000", "0001"],
            Entries =
            [
                FullPathDebian("0000", "dobian", "Sata(3,32768,0)"),
                FullPathDebian("0001", "debian", "Sata(2,65535,0)"),
                FullPathDebian("0003", "dXbian", "Sata(3,32768,0)"),
            ],
        }, []),
        ["efibootmgr-v-15-tab-inactive-bbs.txt"] = (new EfiBootManagerState
        {
            BootCurrent = "0008",
            TimeoutSeconds = 1,
            BootOrder = ["0000", "0008", "0002", "0005"],
            Entries =
            [
                new("0000", true, "OEL2", @"File(\efi\boot\bootx64.efi)", null, @"\efi\boot\bootx64.efi"),
                new("0002", false, "Hard Drive",
                    @"BBS(HD,,0x0)/VenHw(5ce8128b-2cec-40f0-8372-80640e3dc858,0200)..GO..NO..........S.A.T.A.D.O.M.-.M.L. .3.I.E.4..................."
                    + @"\.,.@.r.d.=.X..........A...........................>..Gd-.;.A..MQ..L.0.B.2.0.7.1.2.1.2.2.1.0.0.1.0.0. .1. . ........BO",
                    null, null),
                new("0008", true, "OEL1", @"HD(1,GPT,d9e77e77-9052-467e-991a-d29ae126b2f4,0x800,0x40000)/File(\EFI\BOOT\BOOTX64.EFI)",
                    new EfiGptPartition(1, "d9e77e77-9052-467e-991a-d29ae126b2f4", 2048, 262144), @"\EFI\BOOT\BOOTX64.EFI"),
            ],
        }, [1]), // "Skipping unreadable variable "Boot0005": Input/output error" (efibootmgr's stderr)
        ["efibootmgr-v-hyperv-expanded-tabs.txt"] = (new EfiBootManagerState
        {
            BootCurrent = "0004",
            TimeoutSeconds = 0,
            BootOrder = ["0004", "0003", "0001", "0000"],
            Entries =
            [
                new("0000", true, "EFI Network",
                    "AcpiEx(VMBus,,)/VenHw(9b17e5a2-0891-42dd-b653-80b5c22809ba,635161f83edfc546913ff2d2f965ed0e1e3e0d54a0f4d049a000bbc770e777e9)"
                    + "/MAC(000000000000,0)/IPv4(0.0.0.00.0.0.0,0,0)", null, null),
                new("0001", true, "EFI SCSI Device", HyperVScsi("0,0"), null, null),
                new("0002", true, "FrontPage", "MemoryMapped(11,0x100000,0x5dffff)/FvFile(4042708a-0f2d-4823-ac60-0d77b3111889)", null, null),
                new("0003", true, "EFI SCSI Device", HyperVScsi("0,1"), null, null),
                new("0004", true, "nixos-grub", @"HD(1,GPT,8318b10a-489c-4df1-accf-68ce81ecf54a,0x800,0x100000)/File(\EFI\nixos-grub\grubx64.efi)",
                    new EfiGptPartition(1, "8318b10a-489c-4df1-accf-68ce81ecf54a", 2048, 1048576), @"\EFI\nixos-grub\grubx64.efi"),
            ],
        }, []),
        ["efibootmgr-18-bootnext-expanded-tabs.txt"] = (new EfiBootManagerState
        {
            BootNext = "0001",
            BootCurrent = "0002",
            TimeoutSeconds = 1,
            BootOrder = ["0002", "0000", "0004"],
            Entries =
            [
                new("0000", true, "Windows Boot Manager",
                    Gentoo(@"\EFI\Microsoft\Boot\bootmgfw.efi")
                    + "57494e444f5753000100000088000000780000004200430044004f0042004a004500430054003d007b00390064006500610038003600320063002d00"
                    + "35006300640064002d0034006500370030002d0061006300630031002d006600330032006200330034003400640034003700390035007d0000000000"
                    + "0100000010000000040000007fff0400",
                    GentooEsp, @"\EFI\Microsoft\Boot\bootmgfw.efi"),
                new("0001", true, "Gentoo Linux 6.17.2-gentoo-dist (UKI) on EFI system partition",
                    Gentoo(@"\EFI\Linux\af06cf44681c41b4a835b1826d936b6e-6.17.2-gentoo-dist.efi"),
                    GentooEsp, @"\EFI\Linux\af06cf44681c41b4a835b1826d936b6e-6.17.2-gentoo-dist.efi"),
                new("0002", true, "Gentoo Linux 6.17.1-gentoo-dist (UKI) on EFI system partition",
                    Gentoo(@"\EFI\Linux\af06cf44681c41b4a835b1826d936b6e-6.17.1-gentoo-dist.efi"),
                    GentooEsp, @"\EFI\Linux\af06cf44681c41b4a835b1826d936b6e-6.17.1-gentoo-dist.efi"),
                new("0004", true, "rEFInd Boot Manager", Gentoo(@"\EFI\refind\refind_x64.efi"), GentooEsp, @"\EFI\refind\refind_x64.efi"),
            ],
        }, []),
        ["efibootmgr-v-xcpng83-uefi.txt"] = (new EfiBootManagerState
        {
            BootCurrent = "0003",
            TimeoutSeconds = 1,
            BootOrder = ["0003", "0000", "0001"],
            Entries =
            [
                new("0000", true, "UEFI: PXE IPv4 Intel(R) Ethernet Controller I210",
                    "PciRoot(0x0)/Pci(0x1c,0x0)/Pci(0x0,0x0)/MAC(a0369f123456,0)/IPv4(0.0.0.00.0.0.0,0,0)", null, null),
                new("0001", true, "UEFI: Built-in EFI Shell", "VenMedia(5023b95c-db26-429b-a648-bd47664c8012)", null, null),
                new("0003", true, "XCP-ng", @"HD(4,GPT,5d1e8a2c-7b34-4f09-9c6e-13a0b7e4f2d8,0x5000800,0x100000)/File(\EFI\xenserver\grubx64.efi)",
                    XcpNgEsp, @"\EFI\xenserver\grubx64.efi"),
            ],
        }, []),
    };

    private static EfiGptPartition GentooEsp => new(1, "4f397bab-a928-4586-b33f-22866340cf69", 2048, 2129920);

    public static TheoryData<string> FixtureFiles() => [.. Expected.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void EveryFixtureHasItsExpectedValues()
    {
        Directory.GetFiles(Fixtures.PathOf(Folder), "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .ShouldBe(Expected.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(FixtureFiles))]
    public void ParsesTheFixtureToItsExactValues(string file)
    {
        var parsed = EfiBootManagerParser.Parse(Fixtures.Text(Path.Combine(Folder, file)));
        var (expected, issueLines) = Expected[file];
        parsed.Issues.Select(i => i.Line).ShouldBe(issueLines, string.Join("\n", parsed.Issues));
        var state = parsed.Value;
        state.BootCurrent.ShouldBe(expected.BootCurrent);
        state.BootNext.ShouldBe(expected.BootNext);
        state.TimeoutSeconds.ShouldBe(expected.TimeoutSeconds);
        state.BootOrder.ShouldBe(expected.BootOrder);
        state.Entries.Count.ShouldBe(expected.Entries.Count);
        for (var i = 0; i < expected.Entries.Count; i++)
        {
            state.Entries[i].ShouldBe(expected.Entries[i]);
        }
    }

    [Fact]
    public void TheXcpNgEntryIsTheCurrentOneAndPointsAtTheEsp()
    {
        var state = EfiBootManagerParser.Parse(Fixtures.Text("efibootmgr/efibootmgr-v-xcpng83-uefi.txt")).Value;
        var current = state.Current.ShouldNotBeNull();
        current.Label.ShouldBe("XCP-ng");
        current.Partition.ShouldBe(XcpNgEsp);
        current.LoaderPath.ShouldBe(@"\EFI\xenserver\grubx64.efi");
        state.BootNext.ShouldBeNull();
        state.Entry("0002").ShouldBeNull();
    }

    [Fact]
    public void BootNextIsReadOnlyWhenPrinted()
    {
        var withNext = EfiBootManagerParser.Parse(Fixtures.Text("efibootmgr/efibootmgr-18-bootnext-expanded-tabs.txt")).Value;
        withNext.BootNext.ShouldBe("0001");
        withNext.Entry(withNext.BootNext!)!.Label.ShouldBe("Gentoo Linux 6.17.2-gentoo-dist (UKI) on EFI system partition");
        withNext.Current!.Label.ShouldBe("Gentoo Linux 6.17.1-gentoo-dist (UKI) on EFI system partition");
        foreach (var file in Expected.Keys.Where(f => !f.Contains("bootnext", StringComparison.Ordinal)))
        {
            EfiBootManagerParser.Parse(Fixtures.Text(Path.Combine(Folder, file))).Value.BootNext.ShouldBeNull(file);
        }
    }

    [Fact]
    public void ReadsInactiveEntriesAndEntriesWithoutAPath()
    {
        // The two-space form of an inactive entry, and entries listed without a path, as efibootmgr prints them when
        // the path is not shown (https://github.com/rhboot/efibootmgr/pull/221, first listing).
        var parsed = EfiBootManagerParser.Parse("BootCurrent: 0006\nTimeout: 3 seconds\nBootOrder: 0006,0003,0001\n"
            + "Boot0000* Enter Setup\nBoot0001  UEFI BootManagerMenuApp\n");
        parsed.Issues.ShouldBeEmpty();
        parsed.Value.Entries.ShouldBe(
        [
            new EfiBootEntry("0000", true, "Enter Setup", null, null, null),
            new EfiBootEntry("0001", false, "UEFI BootManagerMenuApp", null, null, null),
        ]);

        var inactive = EfiBootManagerParser.Parse(Fixtures.Text("efibootmgr/efibootmgr-v-15-tab-inactive-bbs.txt")).Value;
        inactive.Entries.Where(e => !e.Active).Select(e => e.Id).ShouldBe(["0002"]);
    }

    [Fact]
    public void SkipsVersion18sHexDumpLinesAfterAnEntry()
    {
        // The first entry of https://github.com/fwupd/firmware-lenovo/issues/542 with its "dp:" line, then a "data:"
        // line (shortened) as efibootmgr 18 -v prints it after an entry with optional data.
        const string Text = "BootCurrent: 0000\nTimeout: 0 seconds\nBootOrder: 0000\n"
            + "Boot0000* Ubuntu\tHD(2,GPT,5988d5f5-3444-4c0b-ae6a-f1d54adab504,0x8263800,0x3ba000)/File(\\EFI\\ubuntu\\shimx64.efi)\n"
            + "      dp: 04 01 2a 00 02 00 00 00 00 38 26 08 00 00 00 00 00 a0 3b 00 00 00 00 00 f5 d5 88 59 44 34 0b 4c ae 6a f1 d5 4a da b5 04 02 02 / "
            + "04 04 34 00 5c 00 45 00 46 00 49 00 5c 00 75 00 62 00 75 00 6e 00 74 00 75 00 5c 00 73 00 68 00 69 00 6d 00 78 00 36 00 34 00 2e 00 "
            + "65 00 66 00 69 00 00 00 / 7f ff 04 00\n"
            + "    data: 57 49 4e 44\n";
        var parsed = EfiBootManagerParser.Parse(Text);
        parsed.Issues.ShouldBeEmpty();
        var entry = parsed.Value.Entries.ShouldHaveSingleItem();
        entry.Partition.ShouldBe(new EfiGptPartition(2, "5988d5f5-3444-4c0b-ae6a-f1d54adab504", 0x8263800, 0x3ba000));
        entry.LoaderPath.ShouldBe(@"\EFI\ubuntu\shimx64.efi");

        // Before any entry such a line belongs to nothing.
        EfiBootManagerParser.Parse("      dp: 7f ff 04 00\nBootOrder: 0000\n").Issues.ShouldHaveSingleItem().Line.ShouldBe(1);
    }

    [Fact]
    public void NormalisesIdsAndGuidsAndReadsNoBootOrderAsEmpty()
    {
        var parsed = EfiBootManagerParser.Parse("BootCurrent: 000a\n"
            + "Boot000a* XCP-ng\tHD(4,GPT,5D1E8A2C-7B34-4F09-9C6E-13A0B7E4F2D8,0x5000800,0x100000)/File(\\EFI\\xenserver\\grubx64.efi)\n"
            + "No BootOrder is set; firmware will attempt recovery\n");
        parsed.Issues.ShouldBeEmpty();
        parsed.Value.BootCurrent.ShouldBe("000A");
        parsed.Value.BootOrder.ShouldBeEmpty();
        parsed.Value.Current.ShouldNotBeNull().Partition.ShouldBe(XcpNgEsp);
    }

    [Fact]
    public void BadValuesBecomeIssuesOnTheirLines()
    {
        var parsed = EfiBootManagerParser.Parse("BootCurrent: 3\nTimeout: soon\nBootOrder: 0003,zz,0001\n"
            + "Boot0003* XCP-ng\tHD(4,GPT,not-a-guid,0x5000800,0x100000)/File(\\EFI\\xenserver\\grubx64.efi)\n"
            + "Boot0003* again\tFile(\\EFI\\x.efi)\n"
            + "Boot0004* cut\tFile(\\EFI\\x\n"
            + "EFI variables are not supported on this system.\n");
        parsed.Issues.Select(i => (i.Line, i.Problem)).ShouldBe(
        [
            (1, "'3' is not a 4-hex-digit boot number"),
            (2, "timeout is not 'N seconds'"),
            (3, "'zz' is not a 4-hex-digit boot number"),
            (4, "HD(...,GPT,...) node is not 'HD(number,GPT,guid,0xstart,0xsize)'"),
            (5, "Boot0003 listed twice"),
            (6, "File(...) node has no ')'"),
            (7, "not an efibootmgr line"),
        ]);
        var state = parsed.Value;
        state.BootCurrent.ShouldBeNull();
        state.TimeoutSeconds.ShouldBeNull();
        state.BootOrder.ShouldBe(["0003", "0001"]);
        state.Entries.Select(e => (e.Id, e.Label, e.Partition, e.LoaderPath)).ShouldBe([("0003", "XCP-ng", (EfiGptPartition?)null, (string?)null), ("0004", "cut", null, null)]);
    }

    [Fact]
    public void NothingReadableIsAnIssue()
    {
        EfiBootManagerParser.Parse("").Issues.ShouldHaveSingleItem().Problem.ShouldBe("no 'BootOrder:' line");

        // What efibootmgr 14 printed on a firmware with no boot variables (https://github.com/rhboot/efibootmgr/issues/73).
        var empty = EfiBootManagerParser.Parse("Timeout: 0 seconds\nNo BootOrder is set; firmware will attempt recovery\n");
        empty.Issues.ShouldBeEmpty();
        empty.Value.Entries.ShouldBeEmpty();
        empty.Value.TimeoutSeconds.ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(FixtureFiles))]
    public void EveryCutOfAFixtureReadsAsAPrefixOfTheWhole(string file)
    {
        var text = Fixtures.Text(Path.Combine(Folder, file));
        var whole = EfiBootManagerParser.Parse(text).Value;
        var orderKnown = text.IndexOf("BootOrder:", StringComparison.Ordinal) + "BootOrder:".Length;
        for (var cut = 0; cut < text.Length; cut++)
        {
            var parsed = EfiBootManagerParser.Parse(text[..cut]);
            var part = parsed.Value;
            var at = $"{file} cut at {cut}";
            if (cut < orderKnown)
            {
                parsed.Issues.ShouldNotBeEmpty(at);
            }

            part.BootCurrent.ShouldBeOneOf([null, whole.BootCurrent], at);
            part.BootNext.ShouldBeOneOf([null, whole.BootNext], at);
            part.TimeoutSeconds.ShouldBeOneOf([null, whole.TimeoutSeconds], at);
            part.BootOrder.ShouldBe(whole.BootOrder.Take(part.BootOrder.Count), at);
            part.Entries.Count.ShouldBeLessThanOrEqualTo(whole.Entries.Count, at);
            for (var i = 0; i < part.Entries.Count - 1; i++)
            {
                part.Entries[i].ShouldBe(whole.Entries[i], at);
            }

            if (part.Entries.Count > 0)
            {
                var last = part.Entries[^1];
                var full = whole.Entries[part.Entries.Count - 1];
                (last.Id, last.Active).ShouldBe((full.Id, full.Active), at);
                LineOf(text, full.Id)["Boot0000* ".Length..].ShouldStartWith(last.Label, Case.Sensitive, at);
                (last.DevicePath is null || full.DevicePath!.StartsWith(last.DevicePath, StringComparison.Ordinal)).ShouldBeTrue(at);
                last.Partition.ShouldBeOneOf([null, full.Partition], at);
                last.LoaderPath.ShouldBeOneOf([null, full.LoaderPath], at);
            }
        }
    }

    [Fact]
    public void ACutInsideTheHdOrFileNodeIsAnIssue()
    {
        var text = Fixtures.Text("efibootmgr/efibootmgr-v-xcpng83-uefi.txt");
        var hd = text.IndexOf("HD(", StringComparison.Ordinal);
        var hdEnd = text.IndexOf(')', hd);
        var file = text.IndexOf("File(", StringComparison.Ordinal);
        var fileEnd = text.IndexOf(')', file);
        for (var cut = hd + 3; cut < fileEnd; cut++)
        {
            var parsed = EfiBootManagerParser.Parse(text[..cut]);
            var entry = parsed.Value.Entries[^1];
            entry.Id.ShouldBe("0003");
            entry.LoaderPath.ShouldBeNull();
            var at = $"cut at {cut}";
            if (cut <= hdEnd)
            {
                entry.Partition.ShouldBeNull(at);
                parsed.Issues.ShouldHaveSingleItem(at).Problem.ShouldBe("HD(...) node has no ')'", at);
            }
            else if (cut < file + 5)
            {
                // "HD(...)", "HD(...)/", ... "HD(...)/File": nothing says the line was cut.
                entry.Partition.ShouldBe(XcpNgEsp, at);
                parsed.Issues.ShouldBeEmpty(at);
            }
            else
            {
                entry.Partition.ShouldBe(XcpNgEsp, at);
                parsed.Issues.ShouldHaveSingleItem(at).Problem.ShouldBe("File(...) node has no ')'", at);
            }
        }
    }

    [Fact]
    public void GarbageNeverThrowsAndIsReported()
    {
        foreach (var garbage in HostileText.Samples())
        {
            EfiBootManagerParser.Parse(garbage).Issues.ShouldNotBeEmpty();
        }

        // NULs and binary in a label, and a line too long to read, between good lines: the rest is still read.
        var mixed = "BootOrder: 0003\nBoot0001* \0\u0001\u00ff\uFFFD\tHD(\0\nBoot0002* long\t" + new string('/', 20000)
            + "\n\u0000\u0000\nBoot0003* XCP-ng\tHD(4,GPT,5d1e8a2c-7b34-4f09-9c6e-13a0b7e4f2d8,0x5000800,0x100000)/File(\\EFI\\xenserver\\grubx64.efi)\n";
        var parsed = EfiBootManagerParser.Parse(mixed);
        parsed.Issues.Select(i => (i.Line, i.Problem)).ShouldBe(
        [
            (2, "HD(...) node has no ')'"),
            (3, "line longer than 16384 characters"),
            (4, "not an efibootmgr line"),
        ]);
        parsed.Value.Entries.Select(e => e.Id).ShouldBe(["0001", "0003"]);
        parsed.Value.Entry("0003")!.Partition.ShouldBe(XcpNgEsp);
    }

    private static EfiBootEntry FullPathDebian(string id, string label, string sata) =>
        new(id, true, label,
            $@"PciRoot(0x0)/Pci(0x17,0x0)/{sata}/HD(1,GPT,2929876f-fa70-476a-b8dd-ecd8def9a0dd,0x800,0x17579)/File(\EFI\debian\grubx64.efi)",
            new EfiGptPartition(1, "2929876f-fa70-476a-b8dd-ecd8def9a0dd", 2048, 95609),
            @"\EFI\debian\grubx64.efi");

    private static string HyperVScsi(string target) =>
        "AcpiEx(VMBus,,)/VenHw(9b17e5a2-0891-42dd-b653-80b5c22809ba,d96361baa104294db60572e2ffb1dc7f771a751da1da2d438fe843db0ce3321a)"
        + $"/SCSI({target})";

    private static string Gentoo(string file) => "HD(1,GPT,4f397bab-a928-4586-b33f-22866340cf69,0x800,0x208000)/" + file;

    private static string LineOf(string text, string id) =>
        text.Split('\n').Single(l => l.StartsWith("Boot" + id, StringComparison.Ordinal));
}
