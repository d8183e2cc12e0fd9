namespace XsRaid.Formats.Gpt;

/// <summary>
/// Which of the four GPT structures checked out (signature, size, CRC32, self-pointer; entries: readable and CRC32
/// as the header says). sgdisk's "Main header / Backup header / Main partition table / Backup partition table"
/// lines report the same four.
/// </summary>
public sealed record GptIntegrity(
    bool PrimaryHeaderValid, bool PrimaryEntriesValid, bool BackupHeaderValid, bool BackupEntriesValid)
{
    public bool AllValid => PrimaryHeaderValid && PrimaryEntriesValid && BackupHeaderValid && BackupEntriesValid;
}
