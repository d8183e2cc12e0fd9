namespace XsRaid.Devices;

/// <summary>The file type of a path as stat(2) reports it (following symlinks).</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    BlockDevice,
    CharacterDevice,
    Fifo,
    Socket,
    Other,
}
