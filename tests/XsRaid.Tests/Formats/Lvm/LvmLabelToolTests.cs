using System.Globalization;
using XsRaid.Devices;
using XsRaid.Formats;
using XsRaid.Formats.Lvm;
using XsRaid.Tests.Formats.Ext;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Formats.Lvm;

/// <summary>
/// PVs made by pvcreate/vgcreate on a loop device; every field compared with pvs, blkid -p and
/// pvck --dump headers. (One class, so its tests do not run in parallel with each other.)
/// </summary>
public sealed class LvmLabelToolTests
{
    private const string PvsColumns = "pv_uuid,dev_size,vg_name,pe_start,pv_mda_size,pv_mda_count";

    [Fact]
    public void A_xenserver_sr_pv_matches_pvs_blkid_and_pvck()
    {
        using var dir = new TempDir();
        var image = dir.SparseFile("sr.img", 64L * 1024 * 1024);
        using var lvm = new LvmOnLoop(image);
        lvm.PvCreate();
        lvm.VgCreate(LvmImage.XenStorageVgName());

        foreach (var path in new[] { lvm.Device, image })
        {
            var pv = LvmImage.Read(path).GetValueOrThrow();
            CompareWithTools(lvm, path, pv, labelSector: 1);
            pv.VgName.ShouldNotBeNull();
            pv.VgName.ShouldStartWith("VG_XenStorage-");
            pv.ExtensionFlags.ShouldBe(1u); // in use by a VG
        }
    }

    [Fact]
    public void An_orphan_pv_has_no_vg_name()
    {
        using var dir = new TempDir();
        var image = dir.SparseFile("orphan.img", 16L * 1024 * 1024);
        using var lvm = new LvmOnLoop(image);
        lvm.PvCreate();

        var pv = LvmImage.Read(image).GetValueOrThrow();

        CompareWithTools(lvm, image, pv, labelSector: 1);
        pv.VgName.ShouldBeNull();
        pv.Metadata!.HasText.ShouldBeFalse();
        pv.MetadataError.ShouldBeNull();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void A_label_in_another_sector_is_found(int labelSector)
    {
        using var dir = new TempDir();
        var image = dir.SparseFile("sector.img", 16L * 1024 * 1024);
        using var lvm = new LvmOnLoop(image);
        lvm.PvCreate("--labelsector", $"{labelSector}");
        lvm.VgCreate(LvmImage.XenStorageVgName());

        var pv = LvmImage.Read(image).GetValueOrThrow();

        CompareWithTools(lvm, image, pv, labelSector);
    }

    [Fact]
    public void Two_metadata_copies_are_listed_and_only_the_first_one_in_the_window_is_read()
    {
        using var dir = new TempDir();
        var image = dir.SparseFile("two.img", 16L * 1024 * 1024);
        using var lvm = new LvmOnLoop(image);
        lvm.PvCreate("--pvmetadatacopies", "2");
        lvm.VgCreate(LvmImage.XenStorageVgName());
        using var file = FileBlockSource.Open(image).GetValueOrThrow();
        var source = new CountingBlockSource(file);

        var pv = LvmLabelReader.Read(source).GetValueOrThrow();

        CompareWithTools(lvm, image, pv, labelSector: 1);
        pv.MetadataAreas.Count.ShouldBe(2);
        pv.MetadataAreas[1].Offset.ShouldBeGreaterThan((ulong)LvmLabelReader.WindowBytes);
        source.BytesRead.ShouldBeLessThanOrEqualTo(LvmLabelReader.WindowBytes);
    }

    [Fact]
    public void A_pv_without_metadata_areas_has_none_to_read()
    {
        using var dir = new TempDir();
        var image = dir.SparseFile("none.img", 16L * 1024 * 1024);
        using var lvm = new LvmOnLoop(image);
        lvm.PvCreate("--pvmetadatacopies", "0");

        var pv = LvmImage.Read(image).GetValueOrThrow();

        CompareWithTools(lvm, image, pv, labelSector: 1);
        pv.MetadataAreas.ShouldBeEmpty();
        pv.Metadata.ShouldBeNull();
        pv.MetadataError.ShouldBeNull();
    }

    [Fact]
    public void Metadata_text_that_wraps_around_the_ring_is_read_whole()
    {
        using var dir = new TempDir();
        var image = dir.SparseFile("ring.img", 16L * 1024 * 1024);
        using var lvm = new LvmOnLoop(image);
        lvm.PvCreate("--metadatasize", "32k", "--dataalignment", "64k");
        var vg = LvmImage.XenStorageVgName();
        lvm.VgCreate(vg);

        // Each change writes the whole text after the last one; longer tags make the ring turn sooner.
        var wrapped = false;
        for (var change = 0; change < 60 && !wrapped; change++)
        {
            lvm.Run("vgchange", "--addtag", $"t{change}_{new string('x', 200)}", vg);
            var pvck = lvm.DumpHeaders();
            wrapped = pvck.Number("mda_header_1.raw_locn[0].offset") + pvck.Number("mda_header_1.raw_locn[0].size")
                > pvck.Number("mda_header_1.size");
        }

        wrapped.ShouldBeTrue("the metadata text never wrapped around the metadata area");
        var pv = LvmImage.Read(image).GetValueOrThrow();
        pv.Metadata!.TextWraps.ShouldBeTrue();
        CompareWithTools(lvm, image, pv, labelSector: 1);
    }

    private static void CompareWithTools(LvmOnLoop lvm, string path, LvmPhysicalVolume pv, int labelSector)
    {
        pv.MetadataError.ShouldBeNull();

        var pvs = lvm.Pvs(PvsColumns);
        pv.PvUuid.ShouldBe(pvs[0]);
        pv.DeviceSizeBytes.ShouldBe(ulong.Parse(pvs[1], CultureInfo.InvariantCulture));
        (pv.VgName ?? "").ShouldBe(pvs[2]);
        pv.PeStart.ShouldBe(ulong.Parse(pvs[3], CultureInfo.InvariantCulture));
        pv.MetadataAreas.Count.ShouldBe(int.Parse(pvs[5], CultureInfo.InvariantCulture));
        if (pv.MetadataAreas.Count > 0)
        {
            pv.MetadataAreas[0].Size.ShouldBe(ulong.Parse(pvs[4], CultureInfo.InvariantCulture));
        }

        var blkid = BlkidExport.Probe(path);
        blkid["TYPE"].ShouldBe("LVM2_member");
        blkid["UUID"].ShouldBe(pv.PvUuid);
        blkid["VERSION"].ShouldBe(pv.LabelType);

        var pvck = PvckHeaders.Parse(lvm.Run("pvck", "--dump", "headers", "--labelsector", $"{labelSector}", lvm.Device).Stdout);
        pv.LabelSector.ShouldBe(labelSector);
        pv.LabelSector.ShouldBe((long)pvck.Number("label_header.sector"));
        pv.LabelCrc.ShouldBe((uint)pvck.Number("label_header.crc"));
        pv.LabelType.ShouldBe(pvck["label_header.type"]);
        pv.PvUuid.Replace("-", "", StringComparison.Ordinal).ShouldBe(pvck["pv_header.pv_uuid"]);
        pv.DeviceSizeBytes.ShouldBe(pvck.Number("pv_header.device_size"));
        var (data, metadata) = PvckLocations(pvck);
        pv.DataAreas.ShouldBe(data);
        pv.MetadataAreas.ShouldBe(metadata);
        pv.ExtensionVersion.ShouldBe((uint)pvck.Number("pv_header_extension.version"));
        pv.ExtensionFlags.ShouldBe((uint)pvck.Number("pv_header_extension.flags"));

        if (pv.Metadata is not { } mda)
        {
            pvck.Has("mda_header_1.start").ShouldBeFalse();
            return;
        }

        mda.Start.ShouldBe(pvck.Number("mda_header_1.start"));
        mda.Size.ShouldBe(pvck.Number("mda_header_1.size"));
        mda.HeaderChecksum.ShouldBe((uint)pvck.Number("mda_header_1.checksum"));
        mda.TextOffset.ShouldBe(pvck.Number("mda_header_1.raw_locn[0].offset"));
        mda.TextSize.ShouldBe(pvck.Number("mda_header_1.raw_locn[0].size"));
        mda.TextChecksum.ShouldBe((uint)pvck.Number("mda_header_1.raw_locn[0].checksum"));
        mda.TextIgnored.ShouldBe((pvck.Number("mda_header_1.raw_locn[0].flags") & 1) != 0);
        mda.VgName.ShouldBe(pvck.VgName);
        mda.Seqno.ShouldBe(pvck.Seqno);
        if (mda.HasText)
        {
            mda.TextAbsoluteOffset.ShouldBe(pvck.TextAt!.Value);
            mda.TextChecksum.ShouldBe(pvck.TextCrc!.Value);
            LvmCrc.Compute(mda.Text.Span).ShouldBe(pvck.TextCrc!.Value);
        }
    }

    /// <summary>pvck's pv_header.disk_locn[i] entries: the data list, its end, the metadata list, its end.</summary>
    private static (List<LvmDiskLocation> Data, List<LvmDiskLocation> Metadata) PvckLocations(PvckHeaders pvck)
    {
        var lists = new List<List<LvmDiskLocation>> { new(), new() };
        var list = 0;
        for (var i = 0; list < 2 && pvck.Has($"pv_header.disk_locn[{i}].offset"); i++)
        {
            var offset = pvck.Number($"pv_header.disk_locn[{i}].offset");
            if (offset == 0)
            {
                list++;
                continue;
            }

            lists[list].Add(new LvmDiskLocation(offset, pvck.Number($"pv_header.disk_locn[{i}].size")));
        }

        list.ShouldBe(2, "pvck printed both location lists with their ends");
        return (lists[0], lists[1]);
    }
}
