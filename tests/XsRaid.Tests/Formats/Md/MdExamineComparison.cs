using System.Buffers.Binary;
using System.Globalization;
using XsRaid.Formats.Md;

namespace XsRaid.Tests.Formats.Md;

/// <summary>
/// Compares a parsed <see cref="MdSuperblock"/> field by field with what mdadm printed for the same bytes.
/// Where mdadm leaves a line out, the rule it follows (from mdadm 4.2's super0.c / super1.c) is named.
/// </summary>
public static class MdExamineComparison
{
    public static void ShouldMatchExamine(this MdSuperblock sb, MdadmExamineText examine)
    {
        sb.Version.ShouldBe(string.Join('.', examine["Version"].Split('.').Take(2)), "Version");
        sb.LevelName.ShouldBe(examine["Raid Level"], "Raid Level");
        sb.RaidDevices.ShouldBe((int)examine.Number("Raid Devices"), "Raid Devices");
        sb.Events.ShouldBe(ulong.Parse(examine["Events"], CultureInfo.InvariantCulture), "Events");
        sb.Clean.ShouldBe(examine.First("State") == "clean", "State");
        sb.CreationTime.ShouldBe(examine.Time("Creation Time"), "Creation Time");
        sb.UpdateTime.ShouldBe(examine.Time("Update Time"), "Update Time");
        ShouldMatchChecksum(sb, examine);
        if (sb.Version == "0.90")
        {
            ShouldMatch090(sb, examine);
        }
        else
        {
            ShouldMatch1(sb, examine);
        }
    }

    public static void ShouldMatchExport(this MdSuperblock sb, IReadOnlyDictionary<string, string> export)
    {
        // For a level it has no name for, mdadm 4.2 prints a NULL string with %s: "(null)".
        (sb.LevelName == "-unknown-" ? "(null)" : sb.LevelName).ShouldBe(export["MD_LEVEL"], "MD_LEVEL");
        sb.RaidDevices.ToString(CultureInfo.InvariantCulture).ShouldBe(export["MD_DEVICES"], "MD_DEVICES");
        sb.ArrayUuid.ShouldBe(export["MD_UUID"], "MD_UUID");
        sb.Events.ToString(CultureInfo.InvariantCulture).ShouldBe(export["MD_EVENTS"], "MD_EVENTS");

        // mdadm 4.2 export_examine_super0 prints the creation time as MD_UPDATE_TIME (Fixtures/README.md).
        var exported = sb.Version == "0.90" ? sb.CreationTime : sb.UpdateTime;
        exported.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture).ShouldBe(export["MD_UPDATE_TIME"], "MD_UPDATE_TIME");
        if (sb.Version == "0.90")
        {
            export.ShouldNotContainKey("MD_NAME");
            export.ShouldNotContainKey("MD_DEV_UUID");
        }
        else
        {
            // mdadm leaves MD_NAME out when the name is empty.
            (export.TryGetValue("MD_NAME", out var name) ? name : "").ShouldBe(sb.Name, "MD_NAME");
            sb.DeviceUuid.ShouldBe(export["MD_DEV_UUID"], "MD_DEV_UUID");
        }
    }

    /// <summary>blkid prints the same hex digits as mdadm, grouped 8-4-4-4-12; VERSION is "0.90.0" or "1.x".</summary>
    public static void ShouldMatchBlkid(this MdSuperblock sb, IReadOnlyDictionary<string, string> blkid)
    {
        blkid["TYPE"].ShouldBe("linux_raid_member");
        blkid["UUID"].ShouldBe(AsBlkidUuid(sb.ArrayUuid), "blkid UUID");
        string.Join('.', blkid["VERSION"].Split('.').Take(2)).ShouldBe(sb.Version, "blkid VERSION");
        if (sb.Version != "0.90")
        {
            blkid["UUID_SUB"].ShouldBe(AsBlkidUuid(sb.DeviceUuid!), "blkid UUID_SUB");
            blkid["LABEL"].ShouldBe(sb.Name, "blkid LABEL");
        }
    }

    public static string AsBlkidUuid(string mdadmUuid)
    {
        var hex = mdadmUuid.Replace(":", "", StringComparison.Ordinal);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    private static void ShouldMatchChecksum(MdSuperblock sb, MdadmExamineText examine)
    {
        // "%x - correct" or "%x - expected %x"
        var words = examine["Checksum"].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var expected = uint.Parse(words[2] == "correct" ? words[0] : words[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        sb.Checksum.ShouldBe(uint.Parse(words[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture), "Checksum");
        if (BytesAsMdadmHoldsThem(sb) is { } edited)
        {
            // mdadm cleared the bitmap bit of its in-memory copy before checking, so it checks those bytes.
            var mdadmSum = sb.Version == "0.90" ? MdChecksum.Compute090(edited) : MdChecksum.Compute1(edited, sb.V1!.ByteLength);
            mdadmSum.ShouldBe(expected, "Checksum of the superblock as mdadm holds it");
            return;
        }

        sb.ChecksumValid.ShouldBe(words[2] == "correct", "Checksum correct");
        sb.ComputedChecksum.ShouldBe(expected, "Checksum expected");
    }

    /// <summary>
    /// mdadm's load_super0/load_super1 clear the recorded bitmap bit in memory when the bitmap superblock does not
    /// verify; the reader reports that too (BitmapPresent false). Null when mdadm holds the bytes unchanged.
    /// </summary>
    private static byte[]? BytesAsMdadmHoldsThem(MdSuperblock sb)
    {
        var (at, bit) = sb.Version == "0.90" ? (132, 1u << MdSuperblock090.BitmapPresentBit) : (8, MdSuperblock1.FeatureBitmapOffset);
        var bytes = sb.Raw.ToArray();
        var word = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at));
        if ((word & bit) == 0 || sb.BitmapPresent)
        {
            return null;
        }

        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at), word & ~bit);
        return bytes;
    }

    private static void ShouldMatch090(MdSuperblock sb, MdadmExamineText examine)
    {
        var raw = sb.V090.ShouldNotBeNull();
        raw.VersionText.ShouldBe(examine["Version"]);
        sb.ArrayUuid.ShouldBe(examine.First("UUID"), "UUID");
        sb.Name.ShouldBeNull();
        sb.DataOffsetSectors.ShouldBe(0);
        sb.BitmapPresent.ShouldBe(examine.Has("Internal Bitmap") && examine["Internal Bitmap"] == "present", "Internal Bitmap");

        // 0.90 "Used Dev Size" is in KiB and printed only for levels above 0.
        if (sb.Level > 0)
        {
            sb.UsedDevSizeSectors.ShouldBe(examine.Number("Used Dev Size") * 2, "Used Dev Size");
        }
        else
        {
            examine.Has("Used Dev Size").ShouldBeFalse();
        }

        var self = examine.This.ShouldNotBeNull("the 'this' row");
        ShouldMatchRow(raw.ThisDisk, self);
        examine.Rows.ShouldNotBeEmpty();
        foreach (var row in examine.Rows)
        {
            ShouldMatchRow(raw.Disks[row.Slot], row);
        }

        // A slot is 'A' when a row holds it active, in sync and not faulty (mdadm's getinfo_super0 "working" test).
        var working = (MdadmExamineText.Row r) => Words(r).IsSupersetOf(["active", "sync"]) && !Words(r).Contains("faulty") && r.RaidDevice < sb.RaidDevices;
        var state = string.Concat(Enumerable.Range(0, sb.RaidDevices)
            .Select(slot => examine.Rows.Any(r => r.RaidDevice == slot && working(r)) ? 'A' : '.'));
        sb.ArrayState.ShouldBe(state, "Array State from the device table");
        sb.Role.ShouldBe(working(self) ? (int)self.RaidDevice : null, "this device's slot");
        sb.RoleDescription.ShouldBe(working(self) ? $"Active device {self.RaidDevice}" : "spare");
    }

    private static void ShouldMatchRow(MdDiskDescriptor090 descriptor, MdadmExamineText.Row row)
    {
        var label = row.Slot < 0 ? "this" : $"row {row.Slot}";
        descriptor.Number.ShouldBe(row.Number, $"{label} Number");
        descriptor.Major.ShouldBe(row.Major, $"{label} Major");
        descriptor.Minor.ShouldBe(row.Minor, $"{label} Minor");
        descriptor.RaidDisk.ShouldBe(row.RaidDevice, $"{label} RaidDevice");
        descriptor.StateText.ShouldBe(row.State, $"{label} State");
    }

    private static HashSet<string> Words(MdadmExamineText.Row row) => [.. row.State.Split(' ')];

    private static void ShouldMatch1(MdSuperblock sb, MdadmExamineText examine)
    {
        sb.ArrayUuid.ShouldBe(examine["Array UUID"], "Array UUID");
        sb.Name.ShouldBe(examine.WithoutLocalRemark("Name"), "Name");
        sb.DeviceUuid.ShouldBe(examine["Device UUID"], "Device UUID");
        sb.FeatureMap.ShouldBe(Convert.ToUInt32(examine["Feature Map"], 16), "Feature Map");
        sb.SuperblockOffset.ShouldBe(examine.Number("Super Offset") * 512, "Super Offset");
        sb.DataSizeSectors.ShouldBe(examine.Number("Avail Dev Size"), "Avail Dev Size");

        // mdadm prints "Used Dev Size" only when it differs from "Avail Dev Size", "Data Offset" only when not 0.
        sb.UsedDevSizeSectors.ShouldBe(examine.Has("Used Dev Size") ? examine.Number("Used Dev Size") : examine.Number("Avail Dev Size"), "Used Dev Size");
        sb.DataOffsetSectors.ShouldBe(examine.Has("Data Offset") ? examine.Number("Data Offset") : 0, "Data Offset");
        sb.BitmapPresent.ShouldBe(examine.Has("Internal Bitmap"), "Internal Bitmap");
        sb.BitmapOffsetSectors.ShouldBe(examine.Has("Internal Bitmap") ? (int)examine.Number("Internal Bitmap") : null, "Internal Bitmap offset");
        sb.RoleDescription.ShouldBe(examine["Device Role"], "Device Role");
        var role = examine["Device Role"].Split(' ');
        sb.Role.ShouldBe(role[0] is "Active" or "Replacement" ? int.Parse(role[^1], CultureInfo.InvariantCulture) : null, "Device Role slot");
        sb.ArrayState.ShouldBe(examine.First("Array State"), "Array State");
    }
}
