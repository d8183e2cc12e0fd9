using System.Text.RegularExpressions;
using XsRaid.Devices;
using XsRaid.Formats;
using XsRaid.Formats.Gpt;
using XsRaid.Formats.Partitions;
using XsRaid.Tests.Formats.Partitions;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Formats.Gpt;

/// <summary>
/// Damage to one GPT structure of an sgdisk image is a finding, not an error, and `sgdisk -v` sees a problem in
/// the same structure ("Main header: OK|ERROR" and so on).
/// </summary>
public sealed class GptFindingsTests
{
    private const int Sector = 512;
    private const int FirstUsableField = 40;

    [Fact]
    public void A_damaged_backup_header_is_a_finding_and_the_primary_is_used()
    {
        using var dir = new TempDir();
        var img = GptTestImages.XenServerPattern(dir);
        var lastLba = (ImageBytes.Length(img) / Sector) - 1;
        ImageBytes.FlipByte(img, (lastLba * Sector) + FirstUsableField);

        var table = GptTestImages.ReadTable(img);
        var sgdisk = SgdiskVerification.Of(img);

        table.ShouldMatchSgdiskPartitions(img);
        table.Gpt!.Backup.ShouldBeNull();
        table.Gpt.ReadFromBackup.ShouldBeFalse();
        table.Findings.ShouldContain(f => f.Contains($"backup GPT header at LBA {lastLba} is unusable") && f.Contains("CRC32"));
        ShouldAgreeOnHeaders(table.Gpt.Integrity, sgdisk);
        sgdisk.MainTableOk.ShouldBe(table.Gpt.Integrity.PrimaryEntriesValid);
    }

    [Fact]
    public void A_damaged_primary_header_is_a_finding_and_the_table_is_read_from_the_backup()
    {
        using var dir = new TempDir();
        var img = GptTestImages.XenServerPattern(dir);
        ImageBytes.FlipByte(img, Sector + FirstUsableField);

        var table = GptTestImages.ReadTable(img);
        var sgdisk = SgdiskVerification.Of(img);

        table.ShouldMatchSgdiskPartitions(img);
        table.DiskGuid.ShouldBe(SgdiskPrint.Of(img).DiskGuid);
        table.Gpt!.Primary.ShouldBeNull();
        table.Gpt.ReadFromBackup.ShouldBeTrue();
        table.Findings.ShouldContain(f => f.Contains("primary GPT header at LBA 1 is unusable") && f.Contains("CRC32"));
        table.Findings.ShouldContain(f => f.Contains("read from the backup"));
        ShouldAgreeOnHeaders(table.Gpt.Integrity, sgdisk);
        sgdisk.BackupTableOk.ShouldBe(table.Gpt.Integrity.BackupEntriesValid);
    }

    [Fact]
    public void A_bad_entry_array_crc_is_a_finding_and_the_backup_entries_are_used()
    {
        using var dir = new TempDir();
        var img = GptTestImages.XenServerPattern(dir);
        ImageBytes.FlipByte(img, (2 * Sector) + 56); // first character of partition 1's name

        var table = GptTestImages.ReadTable(img);
        var sgdisk = SgdiskVerification.Of(img);

        table.ShouldMatchSgdiskPartitions(img);
        table.Gpt!.ReadFromBackup.ShouldBeTrue();
        table.Findings.ShouldContain(f => f.Contains("primary GPT partition entry array is unusable") && f.Contains("CRC32"));
        ShouldAgreeOnHeaders(table.Gpt.Integrity, sgdisk);
        sgdisk.MainTableOk.ShouldBe(table.Gpt.Integrity.PrimaryEntriesValid);
        sgdisk.BackupTableOk.ShouldBe(table.Gpt.Integrity.BackupEntriesValid);
    }

    [Fact]
    public void A_truncated_image_has_no_backup_and_says_so()
    {
        using var dir = new TempDir();
        var img = GptTestImages.XenServerPattern(dir);
        var oldLastLba = (ImageBytes.Length(img) / Sector) - 1;
        Tool.Run("truncate", "-s", "-1M", img);
        var lastLba = (ImageBytes.Length(img) / Sector) - 1;

        var table = GptTestImages.ReadTable(img);
        var sgdisk = SgdiskVerification.Of(img);

        table.ShouldMatchSgdiskPartitions(img);
        table.Gpt!.Backup.ShouldBeNull();
        table.Findings.ShouldContain(f => f.Contains($"alternate LBA {oldLastLba} is not the device's last LBA {lastLba}"));
        table.Findings.ShouldContain(f => f.Contains($"no backup GPT header at LBA {lastLba}"));
        table.Findings.ShouldContain(f => f.Contains($"partition 3 (LBA") && f.Contains($"ends past the device's last LBA {lastLba}"));
        table.Findings.ShouldContain(f => f.Contains("protective 0xEE record") && f.Contains("ends past"));
        sgdisk.NoProblems.ShouldBeFalse();
        sgdisk.Output.ShouldContain("partition 3 is too big for the disk");
        ShouldAgreeOnHeaders(table.Gpt.Integrity, sgdisk);
        sgdisk.MainTableOk.ShouldBe(table.Gpt.Integrity.PrimaryEntriesValid);
        sgdisk.BackupTableOk.ShouldBe(table.Gpt.Integrity.BackupEntriesValid);
    }

    [Fact]
    public void A_grown_disk_keeps_its_backup_at_the_old_end_and_says_so()
    {
        using var dir = new TempDir();
        var img = GptTestImages.XenServerPattern(dir);
        var oldLastLba = (ImageBytes.Length(img) / Sector) - 1;
        Tool.Run("truncate", "-s", "+64M", img);
        var lastLba = (ImageBytes.Length(img) / Sector) - 1;

        var table = GptTestImages.ReadTable(img);
        var sgdisk = SgdiskVerification.Of(img);

        table.ShouldMatchSgdiskPartitions(img);
        table.Gpt!.Integrity.AllValid.ShouldBeTrue("both copies are intact, only misplaced");
        table.Gpt.Backup!.MyLba.ShouldBe(oldLastLba);
        table.Gpt.InUse.LastUsableLba.ShouldBe(SgdiskPrint.Of(img).LastUsable);
        table.Findings.ShouldContain(f => f.Contains($"alternate LBA {oldLastLba} is not the device's last LBA {lastLba}"));
        table.Findings.ShouldContain($"the backup GPT header is at LBA {oldLastLba}, not at the device's last LBA {lastLba}");
        Regex.IsMatch(sgdisk.Output, @"secondary header's self-pointer indicates that it doesn't reside\s+at the end of the disk")
            .ShouldBeTrue(sgdisk.Output);
    }

    [Fact]
    public void Primary_and_backup_of_different_tables_disagree()
    {
        using var dir = new TempDir();
        var img = GptTestImages.XenServerPattern(dir);
        var other = GptTestImages.AllTypes(dir);
        var length = ImageBytes.Length(img);
        ImageBytes.CopyRange(other, img, length - (33 * Sector), 33 * Sector); // other's backup array + header

        var table = GptTestImages.ReadTable(img);
        var sgdisk = SgdiskVerification.Of(img);

        table.ShouldMatchSgdiskPartitions(img);
        var gpt = table.Gpt!;
        gpt.ReadFromBackup.ShouldBeFalse();
        gpt.Integrity.AllValid.ShouldBeTrue("each copy is intact on its own");
        var (primaryGuid, backupGuid) = (GptTypes.Format(gpt.Primary!.DiskGuid), GptTypes.Format(gpt.Backup!.DiskGuid));
        table.Findings.ShouldContain($"the primary and backup GPT headers disagree on the disk GUID ({primaryGuid} vs {backupGuid})");
        table.Findings.ShouldContain(f => f.Contains("disagree on the partition entry array CRC32"));

        var said = Regex.Match(sgdisk.Output, @"main header's disk GUID \((\S+)\) doesn't\s+match the backup GPT header's disk GUID \((\S+)\)");
        said.Success.ShouldBeTrue(sgdisk.Output);
        (said.Groups[1].Value, said.Groups[2].Value).ShouldBe((primaryGuid, backupGuid));
        backupGuid.ShouldBe(SgdiskPrint.Of(other).DiskGuid);
    }

    [Fact]
    public void A_missing_protective_mbr_is_a_finding()
    {
        using var dir = new TempDir();
        var img = GptTestImages.XenServerPattern(dir);
        Tool.Run("dd", "if=/dev/zero", $"of={img}", "bs=512", "count=1", "conv=notrunc", "status=none");

        var table = GptTestImages.ReadTable(img);

        table.Type.ShouldBe(PartitionTableType.Gpt);
        table.ShouldMatchSgdiskPartitions(img);
        table.Findings.ShouldContain("no protective MBR: sector 0 has no 0x55AA signature");
        SgdiskVerification.Of(img).Output.ShouldContain("Found valid GPT with corrupt MBR");
        Tool.Run("blkid", ["-p", "-o", "export", img], check: false).Stdout.ShouldNotContain("PTTYPE", Case.Sensitive, "blkid ignores a GPT without its protective MBR");
    }

    [Fact]
    public void A_hybrid_mbr_made_by_sgdisk_is_a_finding()
    {
        using var dir = new TempDir();
        var img = GptTestImages.XenServerPattern(dir);
        Tool.Run("sgdisk", "-h", "1", img);

        var table = GptTestImages.ReadTable(img);

        table.ShouldMatchSgdiskPartitions(img);
        table.ShouldMatchBlkid(img);
        table.Mbr.IsHybrid.ShouldBeTrue();
        table.Findings.ShouldContain(f => f.StartsWith("hybrid MBR", StringComparison.Ordinal));
        var hybrid = table.Mbr.Partitions.Single(r => r.Type != 0xEE);
        var p1 = table.Find(1)!;
        ((long)hybrid.FirstLba, hybrid.LastLba).ShouldBe((p1.FirstLba, p1.LastLba));
    }

    [Fact]
    public void An_mbr_written_over_a_gpt_is_the_table_in_force_as_for_blkid()
    {
        using var dir = new TempDir();
        var img = GptTestImages.XenServerPattern(dir);
        var dos = dir.SparseFile("dos.img", 64 * GptTestImages.MiB);
        Sfdisk.Apply(dir, dos, "label: dos\nstart=2048, size=20480, type=83, bootable\n");
        ImageBytes.CopyRange(dos, img, 0, Sector);

        var table = GptTestImages.ReadTable(img);

        table.Type.ShouldBe(PartitionTableType.Mbr);
        table.ShouldMatchBlkid(img);
        table.Findings.ShouldContain(f => f.Contains("is also on the disk, but sector 0 has no 0xEE record"));
    }

    [Fact]
    public void Both_headers_damaged_is_corrupt_and_sgdisk_finds_no_gpt_either()
    {
        using var dir = new TempDir();
        var img = GptTestImages.XenServerPattern(dir);
        var lastLba = (ImageBytes.Length(img) / Sector) - 1;
        ImageBytes.FlipByte(img, Sector + FirstUsableField);
        ImageBytes.FlipByte(img, (lastLba * Sector) + FirstUsableField);

        using var source = FileBlockSource.Open(img).GetValueOrThrow();
        var result = PartitionTableReader.Read(source);

        result.IsOk.ShouldBeFalse();
        result.Error!.Kind.ShouldBe(FormatErrorKind.Corrupt);
        result.Error.Problem.ShouldContain("sector 0 claims a GPT");
        SgdiskVerification.Of(img).Output.ShouldContain("Creating new GPT entries in memory");
    }

    /// <summary>sgdisk prints its four status lines only when something is wrong; then the headers must agree.</summary>
    private static void ShouldAgreeOnHeaders(GptIntegrity ours, SgdiskVerification sgdisk)
    {
        sgdisk.MainHeaderOk.ShouldBe(ours.PrimaryHeaderValid, sgdisk.Output);
        sgdisk.BackupHeaderOk.ShouldBe(ours.BackupHeaderValid, sgdisk.Output);
    }
}
